import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inviteUser } from "../src/features/accounts/invitation.service.ts";
import { createUser } from "../src/features/accounts/user.service.ts";
import { actorWith, pathOf } from "../test/support/accounts.ts";
import { unique } from "../test/support/factories.ts";
import { linkIn, type MailCatcher, startMailCatcher } from "../test/support/smtp.ts";
import {
  AccountPage,
  CheckEmailPage,
  InvitationPage,
  LinkProblemPage,
  NewPasswordPage,
  ResetRequestPage,
} from "./pages/account-pages.ts";
import { SignInPage } from "./pages/sign-in-page.ts";
import { launchBrowser, MODES, Visitor } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

// Accounts in a browser, with JavaScript, without it and at phone width: accepting an invitation
// from its email, signing in (wrongly, then rightly), resetting a forgotten password from its
// email, and signing out everywhere. The app sends real email over SMTP to a mail catcher in this
// process; the links are read from the messages. Every page passes axe-core.

let browser: Browser;
let catcher: MailCatcher;
beforeAll(async () => {
  browser = await launchBrowser();
  catcher = await startMailCatcher();
});
afterAll(async () => {
  await browser?.close();
  await catcher?.close();
});

describe.each(MODES)("accounts, $name,", (mode) => {
  let server: TestServer;
  let visitor: Visitor;
  beforeEach(async () => {
    server = await startServer("empty", { mailer: catcher.mailer });
    visitor = await Visitor.open(browser, server.url, mode);
  });
  afterEach(async () => {
    await visitor?.close();
    await server?.close();
  });

  it("an invited person accepts from the emailed link, is signed in, and signs in again later", async () => {
    const email = `${unique("invited")}@example.test`;
    const admin = await actorWith(server.db);
    await inviteUser(
      server.db,
      admin,
      { email, name: "Eilidh Invited", grants: [{ role: "reader" }] },
      catcher.mailer,
    );
    const path = pathOf(linkIn(await catcher.next(email, 0), "http://localhost/invitations/"));

    await visitor.goto(path);
    const invitation = await InvitationPage.verifyOnPage(visitor.page);
    await visitor.expectAccessibleAndClean();
    await invitation.accept("short");
    await InvitationPage.verifyOnPage(visitor.page);
    expect(await invitation.errorSummary.textContent()).toContain("at least 12 characters");
    await visitor.expectAccessibleAndClean();

    await invitation.accept("a password of my own choosing");
    const account = await AccountPage.verifyOnPage(visitor.page);
    expect(await account.confirmation.textContent()).toContain("Welcome to Waymark");
    expect((await account.texts(account.roles)).join(" ")).toContain("Reader.");
    await visitor.expectAccessibleAndClean();

    // The link has done its work: opened again, it says so.
    await visitor.goto(path, 404);
    await LinkProblemPage.verifyOnPage(visitor.page);
    await visitor.expectAccessibleAndClean();

    await visitor.clickAndWait(() => account.signOutButton.click());
    await visitor.goto("/sign-in?returnTo=%2Faccount");
    const signIn = await SignInPage.verifyOnPage(visitor.page);
    await signIn.signInAs(email, "not my password at all");
    await SignInPage.verifyOnPage(visitor.page);
    expect(await signIn.errorSummary.textContent()).toContain("The email address or password is not right");
    await visitor.expectAccessibleAndClean();
    await signIn.signInAs(email, "a password of my own choosing");
    await AccountPage.verifyOnPage(visitor.page);
  });

  it("someone who forgot their password gets a link by email, chooses a new one, and is signed out everywhere else", async () => {
    const email = `${unique("forgetful")}@example.test`;
    await createUser(server.db, {
      email,
      name: "Callum",
      grants: [{ role: "reader" }],
      password: "the password I forgot",
    });

    await visitor.goto("/sign-in");
    await visitor.clickAndWait(() =>
      visitor.page.getByRole("link", { name: "I have forgotten my password" }).click(),
    );
    const request = await ResetRequestPage.verifyOnPage(visitor.page);
    await visitor.expectAccessibleAndClean();
    await request.ask("not an email address");
    await ResetRequestPage.verifyOnPage(visitor.page);
    await visitor.expectAccessibleAndClean();
    await request.ask(email);
    await CheckEmailPage.verifyOnPage(visitor.page);
    await visitor.expectAccessibleAndClean();

    const path = pathOf(linkIn(await catcher.next(email, 0), "http://localhost/password-reset/"));
    await visitor.goto(path);
    const choose = await NewPasswordPage.verifyOnPage(visitor.page);
    await visitor.expectAccessibleAndClean();
    await choose.save("my brand new password");
    const account = await AccountPage.verifyOnPage(visitor.page);
    expect(await account.confirmation.textContent()).toContain("Your new password has been saved");
    await visitor.expectAccessibleAndClean();

    await account.signOutEverywhere();
    const signIn = await SignInPage.verifyOnPage(visitor.page);
    expect(await visitor.page.locator(".ds_notification-message").textContent()).toContain(
      "You have been signed out everywhere",
    );
    await visitor.expectAccessibleAndClean();
    await signIn.signInAs(email, "my brand new password");
    await visitor.goto("/account");
    await AccountPage.verifyOnPage(visitor.page);
  });
});
