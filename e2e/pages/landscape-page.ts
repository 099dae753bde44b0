import type { Locator, Page } from "playwright-core";
import { AbstractPage } from "./abstract-page.ts";

/** `/landscape`: every group, their overlap, and the meeting load over a chosen period. */
export class LandscapePage extends AbstractPage {
  readonly groupRows: Locator;
  readonly loadSection: Locator;

  private constructor(page: Page) {
    super(page);
    this.groupRows = this.main.locator("table").first().locator("tbody tr");
    this.loadSection = this.main.locator("form[action^='/landscape']");
  }

  static async verifyOnPage(page: Page): Promise<LandscapePage> {
    const landscape = new LandscapePage(page);
    await landscape.checkHeading("The landscape of groups");
    return landscape;
  }

  /** Fills the period form and sends it, as a person would (it is a plain GET form). */
  async choosePeriod(from: [string, string, string], to: [string, string, string]): Promise<void> {
    const parts = ["day", "month", "year"] as const;
    for (const [i, part] of parts.entries()) {
      await this.page.locator(`#from-${part}`).fill(from[i]!);
      await this.page.locator(`#to-${part}`).fill(to[i]!);
    }
    await Promise.all([
      this.page.waitForURL(/\/landscape\?/),
      this.page.getByRole("button", { name: "Show meeting load" }).click(),
    ]);
  }
}
