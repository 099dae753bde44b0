import type { Locator, Page } from "playwright-core";
import { AbstractPage } from "./abstract-page.ts";

/** `/manage/import`: upload or paste a document to check. */
export class ImportUploadPage extends AbstractPage {
  readonly file: Locator;
  readonly source: Locator;
  readonly confirmation: Locator;
  readonly errorSummary: Locator;

  private constructor(page: Page) {
    super(page);
    this.file = page.getByLabel("Document", { exact: true });
    this.source = page.getByLabel("Web address it came from (optional)");
    this.confirmation = page.locator(".ds_notification-message, .ds_notification");
    this.errorSummary = page.locator(".ds_error-summary");
  }

  static async verifyOnPage(page: Page): Promise<ImportUploadPage> {
    const upload = new ImportUploadPage(page);
    await upload.checkHeading("Import a document");
    return upload;
  }

  async check(): Promise<void> {
    const loaded = this.page.waitForEvent("load");
    await this.main.getByRole("button", { name: "Check the document" }).click();
    await loaded;
  }
}

/** The review screen: what the document holds and what importing it will do. */
export class ImportReviewPage extends AbstractPage {
  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<ImportReviewPage> {
    const review = new ImportReviewPage(page);
    await review.checkHeading("Check before importing");
    return review;
  }

  async importIt(): Promise<void> {
    const loaded = this.page.waitForEvent("load");
    await this.main.getByRole("button", { name: "Import it" }).click();
    await loaded;
  }
}
