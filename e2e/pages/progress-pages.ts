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
  readonly submit: Locator;
  readonly saveDraft: Locator;

  private constructor(page: Page) {
    super(page);
    this.narrative = page.getByLabel("What has happened since the last update?");
    this.linkUrl = page.getByLabel("A web link that shows it");
    this.linkTitle = page.getByLabel("What the link is");
    this.voice = page.getByLabel("What children, young people or families told you");
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
