import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_ADMIN, DEMO_EDITOR } from "../src/features/demo/demo.service.ts";
import { AuditPage, PeoplePage, PersonPage, TokensPage } from "./pages/admin-pages.ts";
import { SignInPage } from "./pages/sign-in-page.ts";
import { expectNoAxeViolations } from "./support/axe.ts";
import { launchBrowser, MODES, Visitor } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

// Administration in a browser, as the demo administrator: the people, one person's roles (a
// refused grant, then a granted one), deactivating and reactivating, the audit trail that
// recorded it, and an API token that works once and not after it is revoked. With JavaScript,
// without it, and at phone width; every page passes axe-core.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(MODES)("the demo administrator, $name,", (mode) => {
  let server: TestServer;
  let admin: Visitor;
  beforeEach(async () => {
    server = await startServer("demo");
    admin = await Visitor.open(browser, server.url, mode);
  });
  afterEach(async () => {
    await admin?.close();
    await server?.close();
  });

  async function accessibleAndClean(): Promise<void> {
    await expectNoAxeViolations(admin);
    admin.expectNoProblems();
    if (mode.name.includes("phone")) await admin.expectNoSidewaysScrolling();
  }

  it("manages the demo editor's roles and access, and finds it all in the audit trail", async () => {
    await admin.goto("/admin");
    const signIn = await SignInPage.verifyOnPage(admin.page);
    await signIn.signInAs(DEMO_ADMIN.email, DEMO_ADMIN.password);
    const people = await PeoplePage.verifyOnPage(admin.page);
    expect(await people.table.textContent()).toContain(DEMO_EDITOR.email);
    await accessibleAndClean();

    await admin.clickAndWait(() => people.person(DEMO_EDITOR.name).click());
    let person = await PersonPage.verifyOnPage(admin.page, DEMO_EDITOR.name);
    expect(await person.texts(person.roles)).toEqual(["Programme editor"]);
    await accessibleAndClean();

    // A contributor needs an organisation: the form comes back with the error summary.
    await person.grant("Organisation contributor");
    person = await PersonPage.verifyOnPage(admin.page, DEMO_EDITOR.name);
    expect(await admin.page.title()).toMatch(/^Error: /);
    expect(await person.errorSummary.textContent()).toContain("Choose the organisation");
    await accessibleAndClean();

    await person.grant("Analyst");
    person = await PersonPage.verifyOnPage(admin.page, DEMO_EDITOR.name);
    expect(await person.confirmation.textContent()).toContain("The role has been granted.");
    expect(await person.texts(person.roles)).toEqual(["Programme editor", "Analyst"]);

    await person.press("Deactivate this account");
    person = await PersonPage.verifyOnPage(admin.page, DEMO_EDITOR.name);
    expect(await person.confirmation.textContent()).toContain("The account has been deactivated");
    await accessibleAndClean();
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
    await accessibleAndClean();
  });

  it("makes an API token that works until it is revoked", async () => {
    await admin.goto("/account/tokens");
    await (await SignInPage.verifyOnPage(admin.page)).signInAs(DEMO_ADMIN.email, DEMO_ADMIN.password);
    let tokens = await TokensPage.verifyOnPage(admin.page);
    await accessibleAndClean();
    await tokens.make("Browser test script", "In 7 days");
    tokens = await TokensPage.verifyOnPage(admin.page);
    const token = ((await tokens.newToken.textContent()) ?? "").trim();
    expect(token).toMatch(/^wmk_/);
    await accessibleAndClean();
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
    await accessibleAndClean();
  });
});
