import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FundPage, FundsPage } from "./pages/fund-pages.ts";
import { DESKTOP, launchBrowser, type Mode, PHONE, Visitor } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

// Where the money goes, as a reader meets it on the demo data: from the home page to the Whole
// Family Wellbeing Fund, its years (a chart with the same numbers in a table) and its awards by
// council area, on a phone without JavaScript as well as on a desktop; axe-core at zero throughout.

const PHONE_WITHOUT_JAVASCRIPT: Mode = {
  name: "phone without JavaScript",
  javaScript: false,
  options: { ...PHONE.options, javaScriptEnabled: false },
};

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer("demo");
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each([PHONE_WITHOUT_JAVASCRIPT, DESKTOP])("a reader, $name,", (mode) => {
  let visitor: Visitor;
  beforeEach(async () => {
    visitor = await Visitor.open(browser, server.url, mode);
  });
  afterEach(async () => {
    await visitor.close();
  });

  it("explores a fund by year and by council area", async () => {
    await visitor.goto("/");
    await Promise.all([
      visitor.page.waitForURL(/\/funds$/),
      visitor.page.getByRole("link", { name: "where the money goes" }).click(),
    ]);
    const funds = await FundsPage.verifyOnPage(visitor.page);
    expect(await funds.main.textContent()).toContain("£500 million");
    await visitor.expectAccessibleAndClean();

    await funds.open("Whole Family Wellbeing Fund");
    const fund = await FundPage.verifyOnPage(visitor.page, "Whole Family Wellbeing Fund");
    expect(await fund.chart.count()).toBe(1);
    const years = await fund.tableRows("Money planned, spent and given out each financial year");
    expect(years.map((row) => row[0])).toEqual([
      "2022-23 (April 2022 to March 2023)",
      "2023-24 (April 2023 to March 2024)",
      "2024-25 (April 2024 to March 2025)",
      "2025-26 (April 2025 to March 2026)",
    ]);
    expect(years[0]).toEqual([
      "2022-23 (April 2022 to March 2023)",
      "£50 million",
      "£46.3 million",
      "Underspent",
      "£5.7 million",
    ]);
    const areas = await fund.tableRows("Money given to each council area");
    expect(areas.map((row) => row[0])).toEqual(["Glasgow City", "Fife", "Highland"]);
    expect(areas[0]).toEqual(["Glasgow City", "£9.3 million", "£4.3 million", "2022-23, 2023-24"]);
    await visitor.expectAccessibleAndClean();
  });
});
