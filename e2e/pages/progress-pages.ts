import type { Locator, Page } from "playwright-core";
import { AbstractPage } from "./abstract-page.ts";

/** `/progress/:organisation`: what an organisation must act on, with its drafts. */
export class OwedPage extends AbstractPage {
  readonly actions: Locator;

  private constructor(page: Page) {
    super(page);
    this.actions = this.main.locator("table tbody tr");
  }

  static async verifyOnPage(page: Page, organisation: string): Promise<OwedPage> {
    const owed = new OwedPage(page);
    await owed.checkHeading(organisation);
    return owed;
  }

  /** The link to update the action whose text starts with these words. */
  updateLink(actionStart: string): Locator {
    return this.actions.filter({ hasText: actionStart }).getByRole("link", { name: /update/i });
  }

  row(actionStart: string): Locator {
    return this.actions.filter({ hasText: actionStart });
  }
}

/** `/progress/:organisation/:theme/:key`: the update form. */
export class UpdatePage extends AbstractPage {
  readonly narrative: Locator;
  readonly linkUrl: Locator;
  readonly linkTitle: Locator;
  readonly voice: Locator;
  readonly document: Locator;
  readonly documentTitle: Locator;
  readonly submit: Locator;
  readonly saveDraft: Locator;

  private constructor(page: Page) {
    super(page);
    this.narrative = page.getByLabel("What has happened since the last update?");
    this.linkUrl = page.getByLabel("A web link that shows it");
    this.linkTitle = page.getByLabel("What the link is");
    this.voice = page.getByLabel("What children, young people or families told you");
    this.document = page.getByLabel("A document that shows it");
    this.documentTitle = page.getByLabel("What the document is");
    this.submit = this.main.getByRole("button", { name: "Submit the update" });
    this.saveDraft = this.main.getByRole("button", { name: "Save as a draft" });
  }

  static async verifyOnPage(page: Page): Promise<UpdatePage> {
    const form = new UpdatePage(page);
    await form.checkHeading("Give an update");
    return form;
  }

  /** Chooses a radio button by clicking its label, as a person does (the design system styles the input). */
  async choose(label: string): Promise<void> {
    await this.main.locator("label.ds_radio__label").getByText(label, { exact: true }).click();
  }
}

/** `/progress/:organisation/upload`: the spreadsheet downloads and upload, its preview or its problems. */
export class BulkPage extends AbstractPage {
  readonly downloadCsv: Locator;
  readonly file: Locator;
  readonly submitTick: Locator;
  readonly check: Locator;
  readonly save: Locator;
  readonly errorSummary: Locator;
  readonly problems: Locator;
  readonly changes: Locator;
  readonly confirmation: Locator;

  private constructor(page: Page) {
    super(page);
    this.downloadCsv = this.main.getByRole("link", { name: "Download as CSV (.csv)" });
    this.file = page.getByLabel("Your filled-in spreadsheet (CSV or Excel)");
    this.submitTick = this.main.locator("label.ds_checkbox__label");
    this.check = this.main.getByRole("button", { name: "Check the file" });
    this.save = this.main.getByRole("button", { name: /^(Save \d+ drafts?|Submit \d+ updates?)$/ });
    this.errorSummary = page.locator(".ds_error-summary");
    this.problems = this.main.locator("table").filter({ hasText: "Problem" });
    this.changes = this.main.locator("table").filter({ hasText: "After saving" });
    this.confirmation = page.locator(".ds_notification-message");
  }

  static async verifyOnPage(
    page: Page,
    heading: "Update many actions at once" | "Check before saving",
  ): Promise<BulkPage> {
    const bulk = new BulkPage(page);
    await bulk.checkHeading(heading);
    return bulk;
  }
}
