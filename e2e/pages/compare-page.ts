import type { Locator, Page } from "playwright-core";
import { AbstractPage } from "./abstract-page.ts";

/** `/themes/:slug/compare`: what was added, removed and changed between two editions. */
export class ComparePage extends AbstractPage {
  readonly summary: Locator;
  readonly sections: Locator;

  private constructor(page: Page) {
    super(page);
    this.summary = this.main.locator(".ds_summary-list");
    this.sections = this.main.locator("section.wm-compare__section");
  }

  static async verifyOnPage(page: Page, theme: string): Promise<ComparePage> {
    const compare = new ComparePage(page);
    await compare.checkHeading(`What changed in the ${theme} route map`);
    return compare;
  }

  /** The comparison of one section, by its h2. */
  section(title: string): Locator {
    return this.sections.filter({
      has: this.page.getByRole("heading", { name: title, level: 2, exact: true }),
    });
  }
}
