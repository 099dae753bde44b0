import type { Locator, Page } from "playwright-core";
import { AbstractPage } from "./abstract-page.ts";

/** `/sign-in`: the built-in sign-in form. */
export class SignInPage extends AbstractPage {
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly errorSummary: Locator;

  private constructor(page: Page) {
    super(page);
    this.email = page.getByLabel("Email address");
    this.password = page.getByLabel("Password", { exact: true });
    this.submit = this.main.getByRole("button", { name: "Sign in" });
    this.errorSummary = page.locator(".ds_error-summary");
  }

  static async verifyOnPage(page: Page): Promise<SignInPage> {
    const signIn = new SignInPage(page);
    await signIn.checkHeading("Sign in");
    return signIn;
  }

  /** Fills in and sends the form; waits for whatever page comes next. */
  async signInAs(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    const loaded = this.page.waitForEvent("load");
    await this.submit.click();
    await loaded;
  }
}
