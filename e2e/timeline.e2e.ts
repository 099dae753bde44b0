import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_EDITOR } from "../src/features/demo/demo.service.ts";
import { SignInPage } from "./pages/sign-in-page.ts";
import { TimelineItemFormPage, TimelinePage } from "./pages/timeline-pages.ts";
import { launchBrowser, MODES, type Mode, PHONE, Visitor } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

// The forward timeline in a browser. An editor adds a consultation of the workforce in September
// 2024, when the demo's consultation package already asks the workforce three things: the form
// comes back with the warning naming them, and "Save anyway" saves it. A reader on a phone
// without JavaScript filters the timeline by audience. Every page passes axe.

const PHONE_WITHOUT_JS: Mode = {
  name: "phone without JavaScript",
  javaScript: false,
  options: { ...PHONE.options, javaScriptEnabled: false },
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(MODES)("the timeline's clash warning, $name,", (mode) => {
  let server: TestServer;
  let editor: Visitor;
  beforeEach(async () => {
    server = await startServer("demo");
    editor = await Visitor.open(browser, server.url, mode);
  });
  afterEach(async () => {
    await editor?.close();
    await server?.close();
  });

  it("an editor adding a consultation that clashes is warned, with the other items named, and saves anyway", async () => {
    await editor.goto("/manage/timeline/new");
    await (await SignInPage.verifyOnPage(editor.page)).signInAs(DEMO_EDITOR.email, DEMO_EDITOR.password);
    let form = await TimelineItemFormPage.verifyOnPage(editor.page, "Add an item to the timeline");
    await editor.expectAccessibleAndClean();

    await form.title.fill("Survey of social work staff");
    await form.kind.selectOption({ label: "Survey" });
    await form.organisation.selectOption({ label: "Social Work Scotland" });
    await form.chooseExactDate();
    await form.startDay.fill("2");
    await form.startMonth.fill("9");
    await form.startYear.fill("2024");
    await form.endDay.fill("13");
    await form.endMonth.fill("9");
    await form.endYear.fill("2024");
    await form.status.selectOption({ label: "Closed" });
    await form.tick("The workforce");
    await editor.clickAndWait(() => form.submit.click());

    form = await TimelineItemFormPage.verifyOnPage(editor.page, "Add an item to the timeline");
    const warning = (await form.warning.textContent()) ?? "";
    expect(warning).toContain("It has not been saved yet");
    expect(warning).toContain("The workforce");
    expect(warning).toContain("Consultation on a universal definition of care experience");
    expect(warning).toContain("Consultation on the future of fostering");
    expect(warning).toContain("Consultation on support for moving on from care");
    expect(await form.title.inputValue()).toBe("Survey of social work staff");
    await editor.expectAccessibleAndClean();

    await editor.clickAndWait(() => form.saveAnyway.click());
    form = await TimelineItemFormPage.verifyOnPage(editor.page, "Change: Survey of social work staff");
    expect(await editor.page.getByRole("status").textContent()).toContain("The item was saved");
    // Saved: the form no longer asks to save anyway.
    expect(await form.saveAnyway.count()).toBe(0);
    await editor.expectAccessibleAndClean();
  });
});

describe("reading the timeline on a phone without JavaScript", () => {
  let server: TestServer;
  let reader: Visitor;
  beforeEach(async () => {
    server = await startServer("demo");
    reader = await Visitor.open(browser, server.url, PHONE_WITHOUT_JS);
  });
  afterEach(async () => {
    await reader?.close();
    await server?.close();
  });

  it("a reader chooses an audience and sees only what asks them, with the clash named", async () => {
    await reader.goto("/");
    await reader.clickAndWait(() =>
      reader.page.getByRole("link", { name: "the timeline", exact: true }).click(),
    );
    let timeline = await TimelinePage.verifyOnPage(reader.page);
    await reader.expectAccessibleAndClean();
    await reader.expectNoSidewaysScrolling();

    await timeline.audience.selectOption({ label: "The workforce" });
    await timeline.when.selectOption({ label: "Everything, past ones too" });
    await reader.clickAndWait(() => timeline.show.click());
    timeline = await TimelinePage.verifyOnPage(reader.page);
    expect(reader.page.url()).toContain("audience=workforce");
    const text = (await timeline.main.textContent()) ?? "";
    expect(text).toContain("Consultation on the future of fostering");
    expect(text).not.toContain("First meeting of the Minister's Partnership group");
    expect(await timeline.warning.textContent()).toContain("The workforce: 4 things at once");
    await reader.expectAccessibleAndClean();
    await reader.expectNoSidewaysScrolling();

    await reader.clickAndWait(() =>
      reader.page.getByRole("link", { name: "Consultation on the future of fostering" }).first().click(),
    );
    expect(await reader.page.locator("h1").textContent()).toContain(
      "Consultation on the future of fostering",
    );
    expect(await reader.page.locator("main").textContent()).toContain("8 July to 4 October 2024");
    await reader.expectAccessibleAndClean();
    await reader.expectNoSidewaysScrolling();
  });
});
