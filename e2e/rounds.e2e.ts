import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_CONTRIBUTOR } from "../src/features/demo/accountability.demo.ts";
import { DEMO_EDITOR } from "../src/features/demo/demo.service.ts";
import { addDays } from "../src/features/rounds/round.validation.ts";
import { OwedPage, UpdatePage } from "./pages/progress-pages.ts";
import { NewRoundPage, RoundPage, roundLinks } from "./pages/round-pages.ts";
import { SignInPage } from "./pages/sign-in-page.ts";
import { DESKTOP, launchBrowser, NO_JS, PHONE, Visitor } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

// A reporting round in a browser: the demo editor opens one on the Leadership route map (a
// mistake first, then the form again), the demo contributor finds what The Promise Scotland owes
// in it on their progress page and answers one action, and the round's page counts the answer.
// Every page passes axe.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const TITLE = "Autumn 2026 update";

describe.each([DESKTOP, NO_JS, PHONE])("a reporting round, $name,", (mode) => {
  let server: TestServer;
  let editor: Visitor;
  let contributor: Visitor;
  beforeEach(async () => {
    server = await startServer("demo");
    editor = await Visitor.open(browser, server.url, mode);
    contributor = await Visitor.open(browser, server.url, mode);
  });
  afterEach(async () => {
    await editor?.close();
    await contributor?.close();
    await server?.close();
  });

  it("an editor opens a round; a contributor answers; the round's completion page shows it", async () => {
    await editor.goto("/progress");
    await (await SignInPage.verifyOnPage(editor.page)).signInAs(DEMO_EDITOR.email, DEMO_EDITOR.password);
    await editor.clickAndWait(() => editor.page.getByRole("link", { name: "reporting round" }).click());
    await editor.expectAccessibleAndClean();
    await editor.clickAndWait(() =>
      editor.page.getByRole("link", { name: "Open a reporting round" }).click(),
    );
    let form = await NewRoundPage.verifyOnPage(editor.page);
    await editor.expectAccessibleAndClean();

    // Chose "the route maps I choose" but none: told so, and the answers kept.
    await form.title.fill(TITLE);
    await form.due(addDays(new Date().toISOString().slice(0, 10), 30));
    await form.choose("The actions in the route maps I choose below");
    await editor.clickAndWait(() => form.submit.click());
    form = await NewRoundPage.verifyOnPage(editor.page);
    expect(await editor.page.locator(".ds_error-summary").textContent()).toContain(
      "Choose at least one route map",
    );
    expect(await form.title.inputValue()).toBe(TITLE);
    await editor.expectAccessibleAndClean();
    await form.choose(/^Leadership/);
    await editor.clickAndWait(() => form.submit.click());
    let round = await RoundPage.verifyOnPage(editor.page, TITLE);
    expect(await round.completion()).toMatch(/^0% complete: 0 of \d+ updates/);
    expect(await round.row("The Promise Scotland").textContent()).toContain("Not yet");
    await editor.expectAccessibleAndClean();

    await contributor.goto("/progress/the-promise-scotland");
    await (await SignInPage.verifyOnPage(contributor.page)).signInAs(
      DEMO_CONTRIBUTOR.email,
      DEMO_CONTRIBUTOR.password,
    );
    await OwedPage.verifyOnPage(contributor.page, "The Promise Scotland");
    expect(await contributor.page.locator("main").textContent()).toContain(`${TITLE}: due`);
    await contributor.expectAccessibleAndClean();
    const asked = await roundLinks(contributor.page, TITLE).count();
    expect(asked).toBeGreaterThan(0);
    await contributor.clickAndWait(() => roundLinks(contributor.page, TITLE).first().click());
    const update = await UpdatePage.verifyOnPage(contributor.page);
    await update.choose("On track");
    await update.narrative.fill(`The first dialogue was held in October (${mode.name}).`);
    await update.choose("Self-assessed");
    await contributor.clickAndWait(() => update.submit.click());
    await OwedPage.verifyOnPage(contributor.page, "The Promise Scotland");
    expect(await roundLinks(contributor.page, TITLE).count()).toBe(asked - 1);
    await contributor.expectAccessibleAndClean();

    await editor.page.reload({ waitUntil: "load" });
    round = await RoundPage.verifyOnPage(editor.page, TITLE);
    expect(await round.completion()).toMatch(/^\d+% complete: 1 of \d+ updates/);
    expect(await round.row("The Promise Scotland").textContent()).toContain(`1 of ${asked}`);
    await editor.expectAccessibleAndClean();
  });
});
