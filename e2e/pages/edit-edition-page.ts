import type { Locator, Page } from "playwright-core";
import { AbstractPage } from "./abstract-page.ts";

/** `/manage/editions/:id` for a draft: a form per section, and the publish form. */
export class EditEditionPage extends AbstractPage {
  /** The confirmation of the last change ("The action has been added."). */
  readonly confirmation: Locator;
  readonly errorSummary: Locator;
  readonly actionsSection: Locator;
  /** The main actions (each may hold a list of sub-items). */
  readonly mainActions: Locator;
  readonly publishSection: Locator;
  readonly previewLink: Locator;

  private constructor(page: Page) {
    super(page);
    this.confirmation = this.main.locator(".ds_notification-message");
    this.errorSummary = page.locator(".ds_error-summary");
    this.actionsSection = page.locator("section#actions");
    this.mainActions = this.actionsSection.locator(":scope > ol.wm-edit-list > li.wm-edit-item");
    this.publishSection = page.locator("section#publish");
    this.previewLink = this.main.locator(".wm-edit-links").getByRole("link", { name: "Preview the draft" });
  }

  static async verifyOnPage(page: Page, theme: string): Promise<EditEditionPage> {
    const edit = new EditEditionPage(page);
    await edit.checkHeading(`Edit the draft: ${theme}`);
    return edit;
  }

  /** The edition's id, from the page's address. */
  editionId(): number {
    const match = /\/manage\/editions\/(\d+)/.exec(new URL(this.page.url()).pathname);
    if (!match) throw new Error(`Not on an edit page: ${this.page.url()}`);
    return Number(match[1]);
  }

  /**
   * Fills in the "Add an action" form and sends it: as a main action, or under the action whose
   * text starts with `under`. Waits for the page that comes back.
   */
  async addAction(text: string, under?: string): Promise<void> {
    const form = this.actionsSection.locator("form.wm-edit-add");
    await form.getByLabel("Action", { exact: true }).fill(text);
    const where = form.getByLabel("Where does it go?");
    if (under) {
      const option = where.locator("option", { hasText: under.slice(0, 40) });
      await where.selectOption({ value: (await option.getAttribute("value")) ?? "" });
    } else {
      await where.selectOption({ label: "As a main action" });
    }
    await this.submit(form.getByRole("button", { name: "Add an action" }));
  }

  /** Fills in the "Last updated" date and publishes. */
  async publish(day: string, month: string, year: string): Promise<void> {
    const form = this.publishSection.locator("form");
    await form.getByLabel("Day").fill(day);
    await form.getByLabel("Month").fill(month);
    await form.getByLabel("Year").fill(year);
    await this.submit(form.getByRole("button", { name: "Publish this edition" }));
  }

  /** The text of each main action in the draft, in order. */
  async actionTexts(): Promise<string[]> {
    return this.texts(this.mainActions.locator(":scope > .wm-edit-item__text"));
  }

  /** The sub-items listed under the main action whose text contains `text`. */
  subItems(text: string): Locator {
    return this.mainActions
      .filter({ has: this.page.locator(":scope > .wm-edit-item__text", { hasText: text }) })
      .locator(".wm-edit-sublist .wm-edit-item__text");
  }

  private async submit(button: Locator): Promise<void> {
    const loaded = this.page.waitForEvent("load");
    await button.click();
    await loaded;
  }
}

/** `/manage/editions/:id` once published: it can no longer be changed. */
export class PublishedEditionPage extends AbstractPage {
  readonly confirmation: Locator;

  private constructor(page: Page) {
    super(page);
    this.confirmation = this.main.locator(".ds_notification-message");
  }

  static async verifyOnPage(page: Page, theme: string, label: string): Promise<PublishedEditionPage> {
    const published = new PublishedEditionPage(page);
    await published.checkHeading(`${theme}: ${label}`);
    return published;
  }
}
