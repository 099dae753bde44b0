import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_ANALYST } from "../src/features/indicators/indicator-demo.ts";
import { IndicatorFormPage, IndicatorPage, UploadPage } from "./pages/indicator-pages.ts";
import { SignInPage } from "./pages/sign-in-page.ts";
import { launchBrowser, MODES, Visitor } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

// The analyst builds an indicator through the forms, with and without JavaScript: a first try
// with a mistake comes back with the message beside the field and nothing saved; then the
// indicator, its evidence and a linked action; it is published and its data loaded; and a reader
// without JavaScript reads its page: the numbers, the story, the evidence and the action.
// axe-core finds nothing on any page; on a phone, nothing makes the page scroll sideways.

const TITLE = "Young people leaving care with a positive destination";
const SLUG = "young-people-leaving-care-with-a-positive-destination";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(MODES)("the analyst's indicator forms, $name,", (mode) => {
  let server: TestServer;
  let visitor: Visitor;
  beforeEach(async () => {
    server = await startServer("demo");
    visitor = await Visitor.open(browser, server.url, mode);
  });
  afterEach(async () => {
    await visitor?.close();
    await server?.close();
  });

  it("adds an indicator with evidence and a linked action, loads its data, and a reader without JavaScript reads it", async () => {
    await visitor.goto("/manage/indicators");
    await (await SignInPage.verifyOnPage(visitor.page)).signInAs(DEMO_ANALYST.email, DEMO_ANALYST.password);
    await visitor.expectAccessibleAndClean();
    await visitor.clickAndWait(() =>
      visitor.page
        .getByRole("link", { name: /^Add an indicator/ })
        .first()
        .click(),
    );
    let form = await IndicatorFormPage.verifyOnPage(visitor.page, "Add an indicator");
    await visitor.expectAccessibleAndClean();

    // A first try without a unit and with words for a number.
    await form.name.fill(TITLE);
    await form.choose("A higher number is better");
    await form.baselinePeriod.fill("2019-20");
    await form.baselineValue.fill("about ninety");
    await visitor.clickAndWait(() => form.button("Add the indicator").click());
    form = await IndicatorFormPage.verifyOnPage(visitor.page, "Add an indicator");
    expect(await form.texts(form.errorSummary.locator("li"))).toEqual([
      "Enter the unit, for example children or percent",
      "Enter the baseline value as a number, for example 14738 or 12.5",
    ]);
    expect(await form.name.inputValue()).toBe(TITLE);
    await visitor.expectAccessibleAndClean();

    await form.unit.fill("percent");
    await form.baselineValue.fill("91.5");
    await form.story.fill("More young people leave care for work, training or study than five years ago.");
    await visitor.clickAndWait(() => form.button("Add the indicator").click());
    form = await IndicatorFormPage.verifyOnPage(visitor.page, TITLE);
    expect(await form.confirmation.textContent()).toContain("It is not public until you publish it");
    await visitor.expectAccessibleAndClean();

    await form.page.getByLabel("A survey finding").check({ force: true });
    await form.evidenceText.fill("Seven in ten care leavers said someone helped them plan what came next.");
    await form.page.getByLabel("The person agreed to this being shared").check({ force: true });
    await form.page
      .getByLabel("Names and details that could identify anyone have been removed")
      .check({ force: true });
    await visitor.clickAndWait(() => form.button("Add the evidence").click());
    form = await IndicatorFormPage.verifyOnPage(visitor.page, TITLE);
    expect(await form.confirmation.textContent()).toContain("The evidence has been added.");
    await form.linkAction.selectOption({ index: 1 });
    const action = ((await form.linkAction.locator("option").nth(1).textContent()) ?? "")
      .split(": ")[1]!
      .slice(0, 40);
    await visitor.clickAndWait(() => form.button("Link the action").click());
    form = await IndicatorFormPage.verifyOnPage(visitor.page, TITLE);
    expect(await form.confirmation.textContent()).toContain("The action has been linked.");
    await visitor.expectAccessibleAndClean();

    await visitor.goto("/manage/indicators");
    await visitor.clickAndWait(() => visitor.page.getByRole("button", { name: `Publish ${TITLE}` }).click());
    expect(await visitor.page.locator(".ds_notification-message").textContent()).toContain(
      "The indicator is now public.",
    );

    await visitor.goto(`/manage/indicators/${SLUG}/upload`);
    const upload = await UploadPage.verifyOnPage(visitor.page, TITLE);
    await upload.file.setInputFiles({
      name: "destinations.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        "period,geography,value\n2019-20,S92000003,91.5\n2022-23,S92000003,93.2\n2023-24,S92000003,94.1\n",
      ),
    });
    await visitor.clickAndWait(() => upload.check.click());
    const preview = await UploadPage.verifyOnPage(visitor.page, TITLE);
    await visitor.clickAndWait(() => preview.save.click());
    expect(await (await UploadPage.verifyOnPage(visitor.page, TITLE)).confirmation.textContent()).toContain(
      "3 new",
    );

    // A reader, signed out and without JavaScript.
    const reader = await Visitor.open(browser, server.url, MODES.find((m) => !m.javaScript)!);
    try {
      await reader.goto(`/indicators/${SLUG}`);
      const page = await IndicatorPage.verifyOnPage(reader.page, TITLE);
      expect(await page.texts(page.overTimeTable.locator("tbody tr"))).toEqual([
        "2019/20 91.5",
        "2022/23 93.2",
        "2023/24 94.1",
      ]);
      expect(await page.lineChart.locator("title").textContent()).toContain(TITLE);
      const main = (await page.main.textContent()) ?? "";
      expect(main).toContain("More young people leave care for work");
      expect(main).toContain("Seven in ten care leavers");
      expect(main).toContain(action);
      await reader.expectAccessibleAndClean();
    } finally {
      await reader.close();
    }
  });
});
