import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_ADMIN, DEMO_EDITOR } from "../src/features/demo/demo.service.ts";
import { pathOf } from "../test/support/accounts.ts";
import { unique } from "../test/support/factories.ts";
import { linkIn, type MailCatcher, startMailCatcher } from "../test/support/smtp.ts";
import { InvitationPage } from "./pages/account-pages.ts";
import { AuditPage, InvitePage, PeoplePage, PersonPage, TokensPage } from "./pages/admin-pages.ts";
import { SignInPage } from "./pages/sign-in-page.ts";
import { expectNoAxeViolations } from "./support/axe.ts";
import { launchBrowser, MODES, Visitor } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

// Administration in a browser, as the demo administrator: the people, one person's roles (a
// refused grant, then a granted one), deactivating and reactivating, the audit trail that
// recorded it, an API token that works once and not after it is revoked, and inviting someone
// through the form (the real email read from a mail catcher, its link followed). With JavaScript,
// without it, and at phone width; every page passes axe-core.

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

describe.each(MODES)("the demo administrator, $name,", (mode) => {
  let server: TestServer;
  let admin: Visitor;
  beforeEach(async () => {
    server = await startServer("demo", { mailer: catcher.mailer });
    admin = await Visitor.open(browser, server.url, mode);
  });
  afterEach(async () => {
    await admin?.close();
    await server?.close();
  });

  it("manages the demo editor's roles and access, and finds it all in the audit trail", async () => {
    await admin.goto("/admin");
    const signIn = await SignInPage.verifyOnPage(admin.page);
    await signIn.signInAs(DEMO_ADMIN.email, DEMO_ADMIN.password);
    const people = await PeoplePage.verifyOnPage(admin.page);
    expect(await people.table.textContent()).toContain(DEMO_EDITOR.email);
    await admin.expectAccessibleAndClean();

    await admin.clickAndWait(() => people.person(DEMO_EDITOR.name).click());
    let person = await PersonPage.verifyOnPage(admin.page, DEMO_EDITOR.name);
    expect(await person.texts(person.roles)).toEqual(["Programme editor"]);
    await admin.expectAccessibleAndClean();

    // A contributor needs an organisation: the form comes back with the error summary.
    await person.grant("Organisation contributor");
    person = await PersonPage.verifyOnPage(admin.page, DEMO_EDITOR.name);
    expect(await admin.page.title()).toMatch(/^Error: /);
    expect(await person.errorSummary.textContent()).toContain("Choose the organisation");
    await admin.expectAccessibleAndClean();

    await person.grant("Analyst");
    person = await PersonPage.verifyOnPage(admin.page, DEMO_EDITOR.name);
    expect(await person.confirmation.textContent()).toContain("The role has been granted.");
    expect(await person.texts(person.roles)).toEqual(["Programme editor", "Analyst"]);

    await person.press("Deactivate this account");
    person = await PersonPage.verifyOnPage(admin.page, DEMO_EDITOR.name);
    expect(await person.confirmation.textContent()).toContain("The account has been deactivated");
    await admin.expectAccessibleAndClean();
    await person.press("Reactivate this account");
    person = await PersonPage.verifyOnPage(admin.page, DEMO_EDITOR.name);
    expect(await person.confirmation.textContent()).toContain("The account has been reactivated");

    await admin.goto("/admin/audit");
    const audit = await AuditPage.verifyOnPage(admin.page);
    await audit.filterByPerson("Demo administrator");
    const trail = await AuditPage.verifyOnPage(admin.page);
    const actions = (await trail.texts(trail.rows.locator("td:nth-child(3)"))).map((a) => a.split(" on ")[0]);
    // Newest first: what was just done, in the reverse order.
    const order = ["user.reactivate", "user.deactivate", "user.role.grant"].map((a) => actions.indexOf(a));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    await admin.expectAccessibleAndClean();
  });

  it("invites someone through the form, who follows the emailed link", async () => {
    await admin.goto("/admin");
    await (await SignInPage.verifyOnPage(admin.page)).signInAs(DEMO_ADMIN.email, DEMO_ADMIN.password);
    const people = await PeoplePage.verifyOnPage(admin.page);
    await admin.clickAndWait(() => people.main.getByRole("link", { name: "Invite someone" }).click());
    let invite = await InvitePage.verifyOnPage(admin.page);
    await admin.expectAccessibleAndClean();

    // A contributor without an organisation: the form comes back saying so, answers kept.
    const email = `${unique("e2e-invitee")}@example.test`;
    await invite.invite({ email, name: "Isla Invitee", roles: ["Reader", "Organisation contributor"] });
    invite = await InvitePage.verifyOnPage(admin.page);
    expect(await admin.page.title()).toMatch(/^Error: /);
    expect(await invite.errorSummary.textContent()).toContain("Choose the organisation");
    expect(await admin.page.getByLabel("Email address").inputValue()).toBe(email);
    await admin.expectAccessibleAndClean();

    await invite.invite({ email, name: "Isla Invitee", roles: [], organisation: "Fife" });
    const person = await PersonPage.verifyOnPage(admin.page, "Isla Invitee");
    expect(await person.confirmation.textContent()).toContain("The invitation has been emailed");
    expect((await person.texts(person.roles)).sort()).toEqual([
      "Organisation contributor for Fife",
      "Reader",
    ]);
    await admin.expectAccessibleAndClean();

    const link = pathOf(linkIn(await catcher.next(email, 0), "http://localhost/invitations/"));
    const invitee = await Visitor.open(browser, server.url, mode);
    try {
      await invitee.goto(link);
      await InvitationPage.verifyOnPage(invitee.page);
      expect(await invitee.page.locator("main").textContent()).toContain(email);
      await expectNoAxeViolations(invitee);
      invitee.expectNoProblems();
    } finally {
      await invitee.close();
    }
  });

  it("makes an API token that works until it is revoked", async () => {
    await admin.goto("/account/tokens");
    await (await SignInPage.verifyOnPage(admin.page)).signInAs(DEMO_ADMIN.email, DEMO_ADMIN.password);
    let tokens = await TokensPage.verifyOnPage(admin.page);
    await admin.expectAccessibleAndClean();
    await tokens.make("Browser test script", "In 7 days");
    tokens = await TokensPage.verifyOnPage(admin.page);
    const token = ((await tokens.newToken.textContent()) ?? "").trim();
    expect(token).toMatch(/^wmk_/);
    await admin.expectAccessibleAndClean();
    const call = () =>
      fetch(`${server.url}/api/v1/admin/users`, { headers: { authorization: `Bearer ${token}` } });
    expect((await call()).status).toBe(200);

    await admin.goto("/account/tokens");
    tokens = await TokensPage.verifyOnPage(admin.page);
    expect(await tokens.table.textContent()).not.toContain(token);
    await admin.clickAndWait(() => tokens.main.getByRole("button", { name: /Revoke/ }).click());
    tokens = await TokensPage.verifyOnPage(admin.page);
    expect(await tokens.table.textContent()).toContain("Revoked");
    expect((await call()).status).toBe(401);
    await admin.expectAccessibleAndClean();
  });
});
