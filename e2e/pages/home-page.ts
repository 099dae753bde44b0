import type { Locator, Page } from "playwright-core";
import { AbstractPage } from "./abstract-page.ts";

/** `/`: the programme, its foundations and their route maps. */
export class HomePage extends AbstractPage {
  /** One h2 per foundation, each a link to the foundation's page. */
  readonly foundationHeadings: Locator;

  private constructor(page: Page) {
    super(page);
    this.foundationHeadings = this.main.locator("section.wm-foundation h2");
  }

  static async verifyOnPage(page: Page): Promise<HomePage> {
    const home = new HomePage(page);
    await home.checkHeading("The promise");
    return home;
  }

  /** The route-map links listed under one foundation. */
  themeLinks(foundation: string): Locator {
    return this.main
      .locator("section.wm-foundation", {
        has: this.page.getByRole("heading", { name: foundation, level: 2 }),
      })
      .locator("h3 a");
  }

  /** The facts line under a route map's link ("Last updated December 2025. 1 outcome, …"). */
  themeFacts(theme: string): Locator {
    return this.main
      .locator(".ds_category-item, li", { has: this.page.getByRole("link", { name: theme, exact: true }) })
      .locator(".wm-theme-facts")
      .first();
  }
}
