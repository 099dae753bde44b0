import type { Page } from "playwright-core";
import { AbstractPage } from "./abstract-page.ts";

/** The page anyone sees for an address that does not exist. */
export class NotFoundPage extends AbstractPage {
  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<NotFoundPage> {
    const notFound = new NotFoundPage(page);
    await notFound.checkHeading("Page not found");
    return notFound;
  }
}
