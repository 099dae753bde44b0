import type { Locator, Page } from "playwright-core";
import { AbstractPage } from "./abstract-page.ts";

// The account pages: accepting an invitation, resetting a password, and /account.

/** Fills a form's fields by label and sends it; waits for the next page. */
async function send(page: Page, submit: Locator): Promise<void> {
  const loaded = page.waitForEvent("load");
  await submit.click();
  await loaded;
}

/** `/invitations/:token`: the invited person chooses a password. */
export class InvitationPage extends AbstractPage {
  readonly password: Locator;
  readonly errorSummary: Locator;

  private constructor(page: Page) {
    super(page);
    this.password = page.getByLabel("Choose a password");
    this.errorSummary = page.locator(".ds_error-summary");
  }

  static async verifyOnPage(page: Page): Promise<InvitationPage> {
    const invitation = new InvitationPage(page);
    await invitation.checkHeading("Accept your invitation");
    return invitation;
  }

  async accept(password: string): Promise<void> {
    await this.password.fill(password);
    await send(this.page, this.main.getByRole("button", { name: "Accept and sign in" }));
  }
}

/** `/password-reset`: asking for a link. */
export class ResetRequestPage extends AbstractPage {
  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<ResetRequestPage> {
    const request = new ResetRequestPage(page);
    await request.checkHeading("Reset your password");
    return request;
  }

  async ask(email: string): Promise<void> {
    await this.page.getByLabel("Email address").fill(email);
    await send(this.page, this.main.getByRole("button", { name: "Send me a link" }));
  }
}

/** After asking: the same answer whether or not there is an account. */
export class CheckEmailPage extends AbstractPage {
  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<CheckEmailPage> {
    const check = new CheckEmailPage(page);
    await check.checkHeading("Check your email");
    return check;
  }
}

/** `/password-reset/:token`: choosing the new password. */
export class NewPasswordPage extends AbstractPage {
  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<NewPasswordPage> {
    const choose = new NewPasswordPage(page);
    await choose.checkHeading("Choose a new password");
    return choose;
  }

  async save(password: string): Promise<void> {
    await this.page.getByLabel("New password").fill(password);
    await send(this.page, this.main.getByRole("button", { name: "Save and sign in" }));
  }
}

/** A link from an email that no longer works. */
export class LinkProblemPage extends AbstractPage {
  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<LinkProblemPage> {
    const problem = new LinkProblemPage(page);
    await problem.checkHeading("This link does not work");
    return problem;
  }
}

/** `/account`: who you are, your roles, your password, signing out everywhere. */
export class AccountPage extends AbstractPage {
  readonly confirmation: Locator;
  readonly roles: Locator;

  private constructor(page: Page) {
    super(page);
    this.confirmation = page.locator(".ds_notification-message");
    this.roles = this.main.locator("h2:text('What you can do') + ul li");
  }

  static async verifyOnPage(page: Page): Promise<AccountPage> {
    const account = new AccountPage(page);
    await account.checkHeading("Your account");
    return account;
  }

  async signOutEverywhere(): Promise<void> {
    await send(this.page, this.main.getByRole("button", { name: "Sign out everywhere" }));
  }
}
