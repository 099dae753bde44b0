import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_CONTRIBUTOR } from "../src/features/accountability/accountability.demo.ts";
import { OwedPage, UpdatePage } from "./pages/progress-pages.ts";
import { SignInPage } from "./pages/sign-in-page.ts";
import { expectNoAxeViolations } from "./support/axe.ts";
import { DESKTOP, launchBrowser, NO_JS, PHONE, Visitor } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

// The contributor's journey, as The Promise Scotland's demo contributor does it in a browser:
// see what the organisation owes, start an update, save it as a draft (which the public cannot
// see), attach evidence, submit it, and find it on the action's public page. Every page passes axe.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const ACTION = "The Promise Scotland to convene candid dialogues";

describe.each([DESKTOP, NO_JS, PHONE])("the demo contributor, $name,", (mode) => {
  let server: TestServer;
  let contributor: Visitor;
  let reader: Visitor;
  beforeEach(async () => {
    server = await startServer("demo");
    contributor = await Visitor.open(browser, server.url, mode);
    reader = await Visitor.open(browser, server.url, mode);
  });
  afterEach(async () => {
    await contributor?.close();
    await reader?.close();
    await server?.close();
  });

  async function accessibleAndClean(visitor: Visitor): Promise<void> {
    await expectNoAxeViolations(visitor);
    if (mode === PHONE) await visitor.expectNoSidewaysScrolling();
    visitor.expectNoProblems();
  }

  it("sees what the organisation owes, saves a draft, adds evidence and submits it for everyone to read", async () => {
    const draftWords = `A draft the public must not see (${mode.name}).`;
    const finalWords = `Two dialogues held with systems leaders in Fife and Glasgow (${mode.name}).`;

    await contributor.goto("/progress");
    const signIn = await SignInPage.verifyOnPage(contributor.page);
    await signIn.signInAs(DEMO_CONTRIBUTOR.email, DEMO_CONTRIBUTOR.password);
    await accessibleAndClean(contributor);
    await contributor.clickAndWait(() =>
      contributor.page.getByRole("link", { name: "The Promise Scotland" }).click(),
    );
    const owed = await OwedPage.verifyOnPage(contributor.page, "The Promise Scotland");
    expect(await owed.actions.count()).toBeGreaterThanOrEqual(5);
    await accessibleAndClean(contributor);

    await contributor.clickAndWait(() => owed.updateLink(ACTION).click());
    let form = await UpdatePage.verifyOnPage(contributor.page);
    await accessibleAndClean(contributor);
    await form.choose("In progress");
    await form.narrative.fill(draftWords);
    await form.choose("Self-assessed");
    await contributor.clickAndWait(() => form.saveDraft.click());
    const afterDraft = await OwedPage.verifyOnPage(contributor.page, "The Promise Scotland");
    expect(await afterDraft.row(ACTION).textContent()).toContain("Draft saved");

    await reader.goto("/organisations/the-promise-scotland");
    await reader.clickAndWait(() =>
      reader.page.getByRole("link", { name: new RegExp(`^${ACTION}`) }).click(),
    );
    expect(await reader.page.locator("main").textContent()).not.toContain(draftWords);

    await contributor.clickAndWait(() => afterDraft.updateLink(ACTION).click());
    form = await UpdatePage.verifyOnPage(contributor.page);
    expect(await form.narrative.inputValue()).toBe(draftWords);
    await form.choose("On track");
    await form.narrative.fill(finalWords);
    await form.linkUrl.fill("https://thepromise.scot/");
    await form.linkTitle.fill("Notes of the dialogues");
    await form.voice.fill("It was the first time someone asked what we thought.");
    await form.choose("Evidenced");
    await contributor.clickAndWait(() => form.submit.click());
    await OwedPage.verifyOnPage(contributor.page, "The Promise Scotland");

    await reader.page.reload({ waitUntil: "load" });
    const story = (await reader.page.locator("main").textContent()) ?? "";
    expect(story).toContain(finalWords);
    expect(story).toContain("Notes of the dialogues");
    expect(story).not.toContain(draftWords);
    await accessibleAndClean(reader);
    await accessibleAndClean(contributor);
  });
});
