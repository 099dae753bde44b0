import type { Locator, Page } from "playwright-core";
import { AbstractPage } from "./abstract-page.ts";

/** `/admin`: everyone with an account. */
export class PeoplePage extends AbstractPage {
  readonly table: Locator;

  private constructor(page: Page) {
    super(page);
    this.table = page.locator("main table");
  }

  static async verifyOnPage(page: Page): Promise<PeoplePage> {
    const people = new PeoplePage(page);
    await people.checkHeading("Manage people");
    return people;
  }

  person(name: string): Locator {
    return this.table.getByRole("link", { name, exact: true });
  }
}

/** `/admin/users/:id`: one person's roles and access. */
export class PersonPage extends AbstractPage {
  readonly confirmation: Locator;
  readonly errorSummary: Locator;
  readonly roles: Locator;

  private constructor(page: Page) {
    super(page);
    this.confirmation = page.locator(".ds_notification-message");
    this.errorSummary = page.locator(".ds_error-summary");
    this.roles = page.locator("main table tbody th");
  }

  static async verifyOnPage(page: Page, name: string): Promise<PersonPage> {
    const person = new PersonPage(page);
    await person.checkHeading(name);
    return person;
  }

  /** Chooses a role (and an organisation or group, when given) and grants it; waits for the next page. */
  async grant(role: string, scope?: { organisation?: string; group?: string }): Promise<void> {
    await this.page.getByLabel(role, { exact: true }).check({ force: true });
    if (scope?.organisation)
      await this.page
        .getByLabel("Organisation (for an organisation contributor only)")
        .selectOption({ label: scope.organisation });
    const loaded = this.page.waitForEvent("load");
    await this.main.getByRole("button", { name: "Grant this role" }).click();
    await loaded;
  }

  async press(name: string | RegExp): Promise<void> {
    const loaded = this.page.waitForEvent("load");
    await this.main.getByRole("button", { name }).click();
    await loaded;
  }
}

/** `/admin/audit`: the audit trail. */
export class AuditPage extends AbstractPage {
  readonly rows: Locator;

  private constructor(page: Page) {
    super(page);
    this.rows = page.locator("main table tbody tr");
  }

  static async verifyOnPage(page: Page): Promise<AuditPage> {
    const audit = new AuditPage(page);
    await audit.checkHeading("Audit trail");
    return audit;
  }

  async filterByPerson(text: string): Promise<void> {
    await this.page.getByLabel("Who made the change").fill(text);
    const loaded = this.page.waitForEvent("load");
    await this.main.getByRole("button", { name: "Show changes" }).click();
    await loaded;
  }
}

/** `/account/tokens`: one's own API tokens. */
export class TokensPage extends AbstractPage {
  readonly newToken: Locator;
  readonly table: Locator;

  private constructor(page: Page) {
    super(page);
    this.newToken = page.locator("#new-token");
    this.table = page.locator("main table");
  }

  static async verifyOnPage(page: Page): Promise<TokensPage> {
    const tokens = new TokensPage(page);
    await tokens.checkHeading("Your API tokens");
    return tokens;
  }

  async make(name: string, expiry: string): Promise<void> {
    await this.page.getByLabel("Name", { exact: true }).fill(name);
    await this.page.getByLabel(expiry, { exact: true }).check({ force: true });
    const loaded = this.page.waitForEvent("load");
    await this.main.getByRole("button", { name: "Make the token" }).click();
    await loaded;
  }
}

/** `/admin/invite`: invite someone by email, with their roles. */
export class InvitePage extends AbstractPage {
  readonly errorSummary: Locator;

  private constructor(page: Page) {
    super(page);
    this.errorSummary = page.locator(".ds_error-summary");
  }

  static async verifyOnPage(page: Page): Promise<InvitePage> {
    const invite = new InvitePage(page);
    await invite.checkHeading("Invite someone");
    return invite;
  }

  /** Fills in the form (roles ticked by their names) and sends it; waits for the next page. */
  async invite(person: {
    email: string;
    name: string;
    roles: string[];
    organisation?: string;
  }): Promise<void> {
    await this.page.getByLabel("Email address").fill(person.email);
    await this.page.getByLabel("Full name").fill(person.name);
    for (const role of person.roles) await this.page.getByLabel(role, { exact: true }).check({ force: true });
    if (person.organisation)
      await this.page
        .getByLabel("Organisation (for an organisation contributor only)")
        .selectOption({ label: person.organisation });
    const loaded = this.page.waitForEvent("load");
    await this.main.getByRole("button", { name: "Send the invitation" }).click();
    await loaded;
  }
}
