import type { Page } from "playwright-core";
import { AbstractPage } from "./abstract-page.ts";

/** `/`: the programme, its foundations and their themes. */
export class HomePage extends AbstractPage {
  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<HomePage> {
    const home = new HomePage(page);
    await home.checkHeading(/\S/);
    return home;
  }
}
