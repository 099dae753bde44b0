import type { Locator, Page } from "playwright-core";
import { AbstractPage } from "./abstract-page.ts";

/** `/foundations/:slug`: one foundation and its route maps. */
export class FoundationPage extends AbstractPage {
  readonly themeLinks: Locator;

  private constructor(page: Page) {
    super(page);
    this.themeLinks = this.main.locator("h3 a");
  }

  static async verifyOnPage(page: Page, name: string): Promise<FoundationPage> {
    const foundation = new FoundationPage(page);
    await foundation.checkHeading(name);
    return foundation;
  }
}
