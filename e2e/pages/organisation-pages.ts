import type { Locator, Page } from "playwright-core";
import { AbstractPage } from "./abstract-page.ts";

/** `/manage/organisations/new` and `/manage/organisations/:slug`: adding or changing an organisation. */
export class OrganisationFormPage extends AbstractPage {
  readonly name: Locator;
  readonly kind: Locator;
  readonly areaCode: Locator;
  readonly errorSummary: Locator;
  readonly submit: Locator;

  private constructor(page: Page) {
    super(page);
    this.name = page.getByLabel("Name", { exact: true });
    this.kind = page.getByLabel("What kind of organisation it is");
    this.areaCode = page.getByLabel("Area code (for a council or health board only)");
    this.errorSummary = page.locator(".ds_error-summary");
    this.submit = this.main.getByRole("button", { name: /^(Add the organisation|Save the changes)$/ });
  }

  static async verifyOnPage(page: Page, heading: string | RegExp): Promise<OrganisationFormPage> {
    const form = new OrganisationFormPage(page);
    await form.checkHeading(heading);
    return form;
  }

  /** Ticks or unticks a sector by clicking its label, as a person does. */
  async toggleSector(name: string): Promise<void> {
    await this.main.locator("label.ds_checkbox__label").getByText(name, { exact: true }).click();
  }
}

/** `/organisations/:slug`: an organisation's page. */
export class OrganisationPage extends AbstractPage {
  readonly details: Locator;

  private constructor(page: Page) {
    super(page);
    this.details = this.main.locator(".ds_summary-list, dl").first();
  }

  static async verifyOnPage(page: Page, name: string): Promise<OrganisationPage> {
    const organisation = new OrganisationPage(page);
    await organisation.checkHeading(name);
    return organisation;
  }
}
