import type { Locator, Page } from "playwright-core";
import { AbstractPage } from "./abstract-page.ts";

/** `/themes/:slug/editions`: every edition of one route map, newest first. */
export class EditionsPage extends AbstractPage {
  readonly rows: Locator;

  private constructor(page: Page) {
    super(page);
    this.rows = this.main.locator("table tbody tr");
  }

  static async verifyOnPage(page: Page, theme: string): Promise<EditionsPage> {
    const editions = new EditionsPage(page);
    await editions.checkHeading(`Editions of the ${theme} route map`);
    return editions;
  }

  /** The link to an edition's stable address, by its name ("December 2025"). */
  editionLink(name: string): Locator {
    return this.rows.locator("td:first-child a, th:first-child a").filter({ hasText: name });
  }
}
