import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_EDITOR } from "../src/features/demo/demo.service.ts";
import { GenerateReportPage, ReportPage, ReportsPage } from "./pages/report-pages.ts";
import { SignInPage } from "./pages/sign-in-page.ts";
import { DESKTOP, launchBrowser, MODES, Visitor } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

// Reports in a browser, as the demo editor, with JavaScript, without it and on a phone: generate
// an organisation's report, find it in the list, open it, download its PDF; generate a route-map
// report and compare it with the demo's. Every page passes axe. Printed from the browser (on the
// desktop), a report carries no site header, menu or footer.

const pdfText = (data: Buffer): string | null => {
  try {
    return execFileSync("pdftotext", ["-", "-"], { input: data }).toString("utf8").replace(/\s+/g, " ");
  } catch {
    console.warn("poppler-utils (pdftotext) is not installed: the printed page's text is not read");
    return null;
  }
};

function pageCount(data: Buffer): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", ["-"], { input: data }).toString("utf8"))![1]);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(MODES)("reports, $name,", (mode) => {
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

  it("an editor generates a report, finds it in the list, downloads it and compares two", async () => {
    await editor.goto("/manage/reports");
    await (await SignInPage.verifyOnPage(editor.page)).signInAs(DEMO_EDITOR.email, DEMO_EDITOR.password);
    let form = await GenerateReportPage.verifyOnPage(editor.page);
    await editor.expectAccessibleAndClean();
    await form.chooseKind("Organisation");
    await form.organisation.selectOption({ label: "The Promise Scotland" });
    await editor.clickAndWait(() => form.submit.click());

    const title = /^The Promise Scotland: progress as at \d{1,2} \w+ \d{4}$/;
    let report = await ReportPage.verifyOnPage(editor.page, title);
    expect(await report.totals.textContent()).toContain("In progress");
    await editor.expectAccessibleAndClean();
    const [download] = await Promise.all([
      editor.page.waitForEvent("download"),
      report.downloads.filter({ hasText: "PDF document" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^waymark-report-\d+\.pdf$/);
    expect((await readFile((await download.path())!)).subarray(0, 5).toString()).toBe("%PDF-");

    if (mode === DESKTOP) {
      // The same page on paper, with the print stylesheet and with the screen's: printing leaves
      // the site's chrome out, so it takes no more pages than the screen version.
      await editor.page.emulateMedia({ media: "screen" });
      const screen = await editor.page.pdf({ format: "A4" });
      await editor.page.emulateMedia({ media: "print" });
      const paper = await editor.page.pdf({ format: "A4" });
      await editor.page.emulateMedia({ media: "screen" });
      const printed = pdfText(paper);
      if (printed !== null) {
        expect(pageCount(paper)).toBeLessThanOrEqual(pageCount(screen));
        expect(printed).toContain("The Promise Scotland: progress as at");
        for (const chrome of ["Skip to main content", "This is a new service", "Open Government Licence"])
          expect(printed).not.toContain(chrome);
      }
    }

    await editor.goto("/reports");
    const list = await ReportsPage.verifyOnPage(editor.page);
    await editor.expectAccessibleAndClean();
    await editor.clickAndWait(() => list.main.getByRole("link", { name: title }).first().click());
    await ReportPage.verifyOnPage(editor.page, title);

    await editor.goto("/manage/reports");
    form = await GenerateReportPage.verifyOnPage(editor.page);
    await form.routeMap.selectOption({ label: "Leadership: December 2025" });
    await editor.clickAndWait(() => form.submit.click());
    report = await ReportPage.verifyOnPage(editor.page, /^Leadership route map, December 2025 edition/);
    await editor.expectAccessibleAndClean();
    await editor.clickAndWait(() =>
      report.main
        .getByRole("link", { name: /^Compare with the report as at/ })
        .first()
        .click(),
    );
    expect(await editor.page.locator("h1").textContent()).toMatch(/^What changed between/);
    await editor.expectAccessibleAndClean();
  });
});
