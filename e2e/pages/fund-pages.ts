import type { Locator, Page } from "playwright-core";
import { AbstractPage } from "./abstract-page.ts";

/** `/funds`: every published fund, with how much of it is given out. */
export class FundsPage extends AbstractPage {
  static async verifyOnPage(page: Page): Promise<FundsPage> {
    const funds = new FundsPage(page);
    await funds.checkHeading("Where the money goes");
    return funds;
  }

  async open(name: string): Promise<void> {
    await Promise.all([
      this.page.waitForURL(/\/funds\/[^/]+$/),
      this.main.getByRole("link", { name }).click(),
    ]);
  }
}

/** `/funds/<slug>`: a fund's years (chart and table), council areas and awards. */
export class FundPage extends AbstractPage {
  readonly chart: Locator;

  private constructor(page: Page) {
    super(page);
    this.chart = this.main.locator("figure.wm-chart svg[role='img']");
  }

  static async verifyOnPage(page: Page, name: string): Promise<FundPage> {
    const fund = new FundPage(page);
    await fund.checkHeading(name);
    return fund;
  }

  /** The rows of the table with this caption, each as its cells' text. */
  async tableRows(caption: string): Promise<string[][]> {
    const table = this.main.locator("table", { has: this.page.locator("caption", { hasText: caption }) });
    const rows: string[][] = [];
    for (const row of await table.locator("tbody tr").all())
      rows.push(await this.texts(row.locator("th, td")));
    return rows;
  }
}
