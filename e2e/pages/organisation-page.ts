import type { Locator, Page } from "playwright-core";
import { AbstractPage } from "./abstract-page.ts";

/** `/organisations/:slug`: what one organisation must act on, and the form that narrows the list. */
export class OrganisationPage extends AbstractPage {
  readonly actions: Locator;
  readonly caption: Locator;
  readonly showButton: Locator;

  private constructor(page: Page) {
    super(page);
    this.actions = this.main.locator("table tbody tr");
    this.caption = this.main.locator("table caption");
    this.showButton = this.main.getByRole("button", { name: "Show these actions" });
  }

  static async verifyOnPage(page: Page, organisation: string): Promise<OrganisationPage> {
    const organisationPage = new OrganisationPage(page);
    await organisationPage.checkHeading(organisation);
    return organisationPage;
  }

  /** Chooses what to show by clicking its label, as a person does (the design system styles the input). */
  async show(choice: RegExp): Promise<void> {
    await this.main.locator("label.ds_radio__label").filter({ hasText: choice }).click();
  }

  /** Each listed action's role ("Lead", "Partner (as …)"), as read in the table. */
  async roles(): Promise<string[]> {
    return this.texts(this.actions.locator("td:nth-child(3)"));
  }
}
