import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_CONTRIBUTOR } from "../src/features/demo/accountability.demo.ts";
import { MeasurePage, ProjectPage } from "./pages/improvement-pages.ts";
import { SignInPage } from "./pages/sign-in-page.ts";
import { launchBrowser, MODES, Visitor } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

// An improvement project in a browser, as the demo contributor (The Promise Scotland takes part in
// the demo project), with JavaScript, without it and on a phone: a value that is not a number is
// refused, naming the field; then the month that makes the balancing measure's run a shift, and
// the signal in words, on the editing page and the public page. Every page passes axe.

const PROJECT = "Leaders who listen";
const MEASURE = "Days team leaders spent away from their teams";
const SHIFT = "A shift: 8 points in a row above the median since April 2024, on the worse side.";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(MODES)("an improvement project's run chart, $name,", (mode) => {
  let server: TestServer;
  let contributor: Visitor;
  beforeEach(async () => {
    server = await startServer("demo");
    contributor = await Visitor.open(browser, server.url, mode);
  });
  afterEach(async () => {
    await contributor?.close();
    await server?.close();
  });

  it("a contributor adds the value that makes a shift and sees it in words", async () => {
    const page = contributor.page;
    await contributor.goto("/manage/improvement");
    await (await SignInPage.verifyOnPage(page)).signInAs(DEMO_CONTRIBUTOR.email, DEMO_CONTRIBUTOR.password);
    await contributor.expectAccessibleAndClean();
    await contributor.clickAndWait(() => page.getByRole("link", { name: PROJECT }).click());
    await contributor.expectAccessibleAndClean();
    await contributor.clickAndWait(() => page.getByRole("link", { name: MEASURE }).click());
    let measure = await MeasurePage.verifyOnPage(page, MEASURE);
    expect(await measure.reading.textContent()).toContain("No signal");
    await contributor.expectAccessibleAndClean();

    await measure.fillValue(["1", "11", "2024"], "five");
    await contributor.clickAndWait(() => measure.add.click());
    measure = await MeasurePage.verifyOnPage(page, MEASURE);
    expect(await page.title()).toMatch(/^Error: /);
    expect(await measure.errorSummary.textContent()).toContain("Enter the value as a number");
    expect(await measure.value.inputValue()).toBe("five");
    await contributor.expectAccessibleAndClean();

    await measure.value.fill("5");
    await measure.annotation.fill("Two leaders covered for a colleague");
    await contributor.clickAndWait(() => measure.add.click());
    measure = await MeasurePage.verifyOnPage(page, MEASURE);
    expect(await measure.reading.textContent()).toContain(SHIFT);
    await contributor.expectAccessibleAndClean();

    await contributor.goto("/improvement/leaders-who-listen");
    const project = await ProjectPage.verifyOnPage(page, PROJECT);
    expect(await project.reading(MEASURE).textContent()).toContain(SHIFT);
    expect(
      await project.main.getByRole("table", { name: `${MEASURE}: the numbers` }).textContent(),
    ).toContain("Two leaders covered for a colleague");
    await contributor.expectAccessibleAndClean();
  });
});
