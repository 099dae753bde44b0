import type { Locator, Page } from "playwright-core";
import { AbstractPage } from "./abstract-page.ts";

/** `/manage`: every route map, its published edition and its draft, for editors. */
export class ManagePage extends AbstractPage {
  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<ManagePage> {
    const manage = new ManagePage(page);
    await manage.checkHeading("Manage route maps");
    return manage;
  }

  /** The button that starts a draft copied from the route map's latest edition. */
  startNewEdition(theme: string): Locator {
    return this.main.getByRole("button", { name: `Start a new edition of ${theme}`, exact: true });
  }

  continueEditing(theme: string): Locator {
    return this.main.getByRole("link", { name: `Continue editing the draft of ${theme}`, exact: true });
  }
}
