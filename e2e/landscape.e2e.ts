import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildLandscape } from "../src/features/landscape/landscape.fixtures.ts";
import { LandscapePage } from "./pages/landscape-page.ts";
import { launchBrowser, MODES, Visitor } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

// The landscape of groups, as the public meets it: with and without JavaScript
// and on a phone, the period form sent and a bad period answered with the error summary, axe-core
// at zero violations throughout.

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer("demo");
  // A small landscape of its own (two overlapping groups, published and draft minutes), so the
  // page has every table whatever the demo data holds.
  await buildLandscape(server.db);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(MODES)("a reader, $name,", (mode) => {
  let visitor: Visitor;
  beforeEach(async () => {
    visitor = await Visitor.open(browser, server.url, mode);
  });
  afterEach(async () => {
    await visitor.close();
  });

  it("sees every group and the meeting load, and chooses another period", async () => {
    await visitor.goto("/landscape");
    const landscape = await LandscapePage.verifyOnPage(visitor.page);
    expect(await landscape.groupRows.count()).toBeGreaterThan(0);
    expect(await landscape.sectionHeadings()).toEqual(
      expect.arrayContaining(["Groups", "Where groups overlap", "Meeting load", "Download the data"]),
    );
    await visitor.expectAccessibleAndClean();

    await landscape.choosePeriod(["1", "1", "2024"], ["31", "12", "2024"]);
    const chosen = await LandscapePage.verifyOnPage(visitor.page);
    expect(await chosen.main.textContent()).toContain(
      "Meetings per person, 1 January 2024 to 31 December 2024",
    );
    await visitor.expectAccessibleAndClean();
  });

  it("is told plainly when the period's dates are wrong", async () => {
    await visitor.goto("/landscape");
    const landscape = await LandscapePage.verifyOnPage(visitor.page);
    await landscape.choosePeriod(["31", "12", "2024"], ["1", "1", "2024"]);
    const summary = visitor.page.locator(".ds_error-summary");
    expect(await summary.textContent()).toContain(
      "The last day of the period must be on or after the first day",
    );
    expect(await visitor.page.title()).toMatch(/^Error: /);
    await visitor.expectAccessibleAndClean();
  });
});
