import net from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inviteUser } from "../src/features/accounts/invitation.service.ts";
import { loadConfig } from "../src/platform/config.ts";
import { logMailer } from "../src/platform/mail.ts";
import { actorWith } from "../test/support/accounts.ts";
import { unique } from "../test/support/factories.ts";
import { startTestProvider, type TestProvider } from "../test/support/oidc-provider.ts";
import { SignInPage } from "./pages/sign-in-page.ts";
import { expectNoAxeViolations } from "./support/axe.ts";
import { launchBrowser, MODES, Visitor } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

// Single sign-on in a browser: Waymark configured by WAYMARK_OIDC_* (read by the real config
// reader) against a real OpenID Connect provider (oidc-provider) on a port of this machine. An
// invited person presses "Sign in with Test ID", logs in and consents on the provider's own pages,
// and comes back signed in, their account active. With JavaScript, without it and at phone width;
// Waymark's pages pass axe-core (the provider's development pages are not ours to judge).

const PROVIDER_NAME = "Test ID";

/** A port free a moment ago, for Waymark: the provider must know where it sends people back to. */
async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let browser: Browser;
let provider: TestProvider;
let port: number;
beforeAll(async () => {
  browser = await launchBrowser();
  port = await freePort();
  provider = await startTestProvider(`http://127.0.0.1:${port}/sign-in/sso/callback`);
});
afterAll(async () => {
  await browser?.close();
  await provider?.close();
});

/** Logs in and consents on the provider's development pages, as the person with this subject. */
async function signInAtProvider(page: Page, subject: string): Promise<void> {
  await page.locator('input[name="login"]').fill(subject);
  await page.locator('input[name="password"]').fill("any password");
  const consent = page.waitForEvent("load");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await consent;
  const back = page.waitForURL((url) => url.origin === `http://127.0.0.1:${port}`, { waitUntil: "load" });
  await page.getByRole("button", { name: "Continue" }).click();
  await back;
}

describe.each(MODES)("single sign-on, $name,", (mode) => {
  let server: TestServer;
  let visitor: Visitor;
  beforeEach(async () => {
    const config = loadConfig({
      WAYMARK_OIDC_ISSUER: provider.issuer,
      WAYMARK_OIDC_CLIENT_ID: provider.clientId,
      WAYMARK_OIDC_CLIENT_SECRET: provider.clientSecret,
      WAYMARK_OIDC_NAME: PROVIDER_NAME,
    });
    server = await startServer("empty", { oidc: config.oidc!, port });
    visitor = await Visitor.open(browser, server.url, mode);
  });
  afterEach(async () => {
    await visitor?.close();
    await server?.close();
  });

  /** Problems on Waymark's own pages: the provider's development pages load fonts from the web. */
  function waymarkProblems(): string[] {
    return visitor.problems.filter((p) => p.includes(server.url));
  }

  it("an invited person signs in through the provider and comes back signed in", async () => {
    const email = `${unique("sso")}@example.test`;
    const admin = await actorWith(server.db);
    await inviteUser(
      server.db,
      admin,
      { email, name: "Morag Single", grants: [{ role: "reader" }] },
      // The invitation's email is not needed: single sign-on matches the invited address.
      logMailer(() => {}, server.url),
    );
    const subject = unique("subject");
    provider.people.set(subject, { email, email_verified: true, name: "Morag Single" });

    await visitor.goto("/sign-in?returnTo=%2Faccount");
    const signIn = await SignInPage.verifyOnPage(visitor.page);
    const button = signIn.main.getByRole("link", { name: `Sign in with ${PROVIDER_NAME}` });
    expect(await button.isVisible()).toBe(true);
    await visitor.expectAccessibleAndClean();

    await visitor.clickAndWait(() => button.click());
    expect(new URL(visitor.page.url()).origin).toBe(provider.issuer);
    await signInAtProvider(visitor.page, subject);

    expect(new URL(visitor.page.url()).pathname).toBe("/account");
    await visitor.page.locator("h1").waitFor({ state: "visible" });
    expect(await visitor.page.locator("main").textContent()).toContain(email);
    expect(await signIn.signOutButton.isVisible()).toBe(true);
    await expectNoAxeViolations(visitor);
    expect(waymarkProblems()).toEqual([]);

    const row = await server.db
      .selectFrom("app_user")
      .select(["status", "oidc_subject"])
      .where("email", "=", email)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "active", oidc_subject: subject });
  });

  it("someone the provider knows but Waymark does not is told so, and is not signed in", async () => {
    const subject = unique("stranger");
    provider.people.set(subject, { email: `${subject}@example.test`, email_verified: true });
    await visitor.goto("/sign-in");
    const signIn = await SignInPage.verifyOnPage(visitor.page);
    await visitor.clickAndWait(() =>
      signIn.main.getByRole("link", { name: `Sign in with ${PROVIDER_NAME}` }).click(),
    );
    await signInAtProvider(visitor.page, subject);
    expect(await visitor.page.locator("main").textContent()).toContain("There is no Waymark account");
    expect(await signIn.signInLink.isVisible()).toBe(true);
    await expectNoAxeViolations(visitor);
    expect(waymarkProblems()).toEqual([]);
  });
});
