import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_ANALYST } from "../src/features/indicators/indicator-demo.ts";
import { IndicatorPage, UploadPage } from "./pages/indicator-pages.ts";
import { SignInPage } from "./pages/sign-in-page.ts";
import { launchBrowser, MODES, Visitor } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

// The progress framework in a browser, with JavaScript, without it, and at phone width: a reader
// filters an indicator page by area (a plain GET form) and reads the chart's numbers in its table;
// the demo analyst uploads a file with mistakes, sees them by row with nothing saved, uploads a
// clean file, checks the preview and saves it, and the public page shows the new value.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(MODES)("the progress framework, $name,", (mode) => {
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

  it("a reader sees the chart's numbers in a table and filters the page by council area", async () => {
    await visitor.goto("/indicators");
    await visitor.expectAccessibleAndClean();
    await visitor.goto("/indicators/children-looked-after");
    const page = await IndicatorPage.verifyOnPage(visitor.page, "Children looked after");
    expect(await page.status.textContent()).toContain("Substantial progress");
    expect(await page.lineChart.locator("title").textContent()).toContain("Children looked after, Scotland");
    expect(await page.texts(page.overTimeTable.locator("tbody td:first-of-type"))).toEqual([
      "14,738",
      "12,596",
      "12,206",
    ]);
    await visitor.expectAccessibleAndClean();

    await page.areaSelect.selectOption({ label: "City of Edinburgh" });
    await visitor.clickAndWait(() => page.show.click());
    expect(new URL(visitor.page.url()).searchParams.get("geography")).toBe("S12000036");
    const edinburgh = await IndicatorPage.verifyOnPage(visitor.page, "Children looked after");
    expect(await edinburgh.sectionHeadings()).toContain("Over time: City of Edinburgh");
    await visitor.expectAccessibleAndClean();

    await visitor.goto("/indicators/council-areas?area=S12000023");
    expect(await visitor.page.locator("main").textContent()).toContain("[c]");
    await visitor.expectAccessibleAndClean();
  });

  it("the analyst uploads a file with mistakes, then a clean file, previews it and saves it", async () => {
    await visitor.goto("/manage/indicators/children-looked-after/upload");
    await (await SignInPage.verifyOnPage(visitor.page)).signInAs(DEMO_ANALYST.email, DEMO_ANALYST.password);
    let upload = await UploadPage.verifyOnPage(visitor.page, "Children looked after");
    await visitor.expectAccessibleAndClean();

    await upload.file.setInputFiles({
      name: "mistakes.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("period,geography,value\n2024-07-31,S12999999,10\n2024-07-31,S92000003,many\n"),
    });
    await visitor.clickAndWait(() => upload.check.click());
    upload = await UploadPage.verifyOnPage(visitor.page, "Children looked after");
    expect(await upload.errorSummary.textContent()).toContain("Nothing has been saved");
    expect(await upload.texts(upload.problems.locator("tbody tr"))).toEqual([
      expect.stringContaining("S12999999"),
      expect.stringContaining('"many" is not a number.'),
    ]);
    await visitor.expectAccessibleAndClean();

    await upload.file.setInputFiles({
      name: "2024.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("period,geography,value,flag\n2024-07-31,S92000003,11900,provisional\n"),
    });
    await visitor.clickAndWait(() => upload.check.click());
    const preview = await UploadPage.verifyOnPage(visitor.page, "Children looked after");
    expect(await preview.main.textContent()).toContain("1 new");
    await visitor.expectAccessibleAndClean();
    await visitor.clickAndWait(() => preview.save.click());
    const saved = await UploadPage.verifyOnPage(visitor.page, "Children looked after");
    expect(await saved.confirmation.textContent()).toContain("1 new, 0 replaced, 0 unchanged");
    await visitor.expectAccessibleAndClean();

    await visitor.goto("/indicators/children-looked-after");
    const page = await IndicatorPage.verifyOnPage(visitor.page, "Children looked after");
    expect(await page.texts(page.overTimeTable.locator("tbody tr"))).toContain(
      "31 July 2024 11,900 Provisional",
    );
  });
});
