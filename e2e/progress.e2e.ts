import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_CONTRIBUTOR } from "../src/features/demo/accountability.demo.ts";
import { BulkPage, OwedPage, UpdatePage } from "./pages/progress-pages.ts";
import { SignInPage } from "./pages/sign-in-page.ts";
import { DESKTOP, launchBrowser, NO_JS, PHONE, Visitor } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

// The contributor's journey, as The Promise Scotland's demo contributor does it in a browser:
// see what the organisation owes, start an update with a document attached, save it as a draft
// (which the public cannot see, document and all), add more evidence, submit it, and find it, with
// its document, on the action's public page. Then many actions at once: download the spreadsheet,
// upload it with a mistake (every problem shown, nothing saved), then corrected, check the
// preview and save. Every page passes axe.

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
  "latin1",
);

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

  it("sees what the organisation owes, saves a draft, adds evidence and submits it for everyone to read", async () => {
    const draftWords = `A draft the public must not see (${mode.name}).`;
    const finalWords = `Two dialogues held with systems leaders in Fife and Glasgow (${mode.name}).`;

    await contributor.goto("/progress");
    const signIn = await SignInPage.verifyOnPage(contributor.page);
    await signIn.signInAs(DEMO_CONTRIBUTOR.email, DEMO_CONTRIBUTOR.password);
    await contributor.expectAccessibleAndClean();
    await contributor.clickAndWait(() =>
      contributor.page.getByRole("link", { name: "The Promise Scotland" }).click(),
    );
    const owed = await OwedPage.verifyOnPage(contributor.page, "The Promise Scotland");
    expect(await owed.actions.count()).toBeGreaterThanOrEqual(5);
    await contributor.expectAccessibleAndClean();

    await contributor.clickAndWait(() => owed.updateLink(ACTION).click());
    let form = await UpdatePage.verifyOnPage(contributor.page);
    await contributor.expectAccessibleAndClean();
    await form.choose("In progress");
    await form.narrative.fill(draftWords);
    await form.document.setInputFiles({
      name: "dialogue-notes.pdf",
      mimeType: "application/pdf",
      buffer: PDF,
    });
    await form.documentTitle.fill("Notes of the first dialogue");
    await form.choose("Self-assessed");
    await contributor.clickAndWait(() => form.saveDraft.click());
    const afterDraft = await OwedPage.verifyOnPage(contributor.page, "The Promise Scotland");
    expect(await afterDraft.row(ACTION).textContent()).toContain("Draft saved");

    await reader.goto("/organisations/the-promise-scotland");
    await reader.clickAndWait(() =>
      reader.page.getByRole("link", { name: new RegExp(`^${ACTION}`) }).click(),
    );
    expect(await reader.page.locator("main").textContent()).not.toContain(draftWords);
    expect(await reader.page.locator("main").textContent()).not.toContain("Notes of the first dialogue");

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
    const documentLink = reader.page.getByRole("link", { name: "Notes of the first dialogue" });
    const document = await reader.page.request.get((await documentLink.getAttribute("href"))!);
    expect(document.status()).toBe(200);
    expect(document.headers()["content-type"]).toBe("application/pdf");
    expect(Buffer.from(await document.body()).equals(PDF)).toBe(true);
    await reader.expectAccessibleAndClean();
    await contributor.expectAccessibleAndClean();
  });

  it("updates many actions at once: downloads the spreadsheet, sees every problem, then every change, before saving", async () => {
    await contributor.goto("/progress/the-promise-scotland");
    await (await SignInPage.verifyOnPage(contributor.page)).signInAs(
      DEMO_CONTRIBUTOR.email,
      DEMO_CONTRIBUTOR.password,
    );
    await OwedPage.verifyOnPage(contributor.page, "The Promise Scotland");
    await contributor.clickAndWait(() =>
      contributor.page.getByRole("link", { name: "Update many actions at once with a spreadsheet" }).click(),
    );
    let bulk = await BulkPage.verifyOnPage(contributor.page, "Update many actions at once");
    await contributor.expectAccessibleAndClean();

    const [download] = await Promise.all([
      contributor.page.waitForEvent("download"),
      bulk.downloadCsv.click(),
    ]);
    expect(download.suggestedFilename()).toBe("the-promise-scotland-actions.csv");
    const rows = parse(
      (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, ""),
    ) as string[][];
    const [heading, first] = rows as [string[], string[]];
    expect(heading.slice(0, 3)).toEqual(["Reference", "Route map", "Action"]);
    const changed = (status: string, narrative: string) =>
      Buffer.from(
        stringify([heading, [...first.slice(0, 5), status, "", "Evidenced", narrative, first[9]!]]),
      );

    await bulk.file.setInputFiles({
      name: "ours.csv",
      mimeType: "text/csv",
      buffer: changed("Going fine", ""),
    });
    await contributor.clickAndWait(() => bulk.check.click());
    bulk = await BulkPage.verifyOnPage(contributor.page, "Check before saving");
    expect(await bulk.errorSummary.textContent()).toContain("Nothing has been saved");
    expect(await bulk.texts(bulk.problems.locator("tbody tr"))).toEqual([
      expect.stringContaining('Status "Going fine" is not one of Not started'),
    ]);
    await contributor.expectAccessibleAndClean();

    const words = `Dialogues planned in three councils (${mode.name}).`;
    await bulk.file.setInputFiles({
      name: "ours.csv",
      mimeType: "text/csv",
      buffer: changed("On track", words),
    });
    await contributor.clickAndWait(() => bulk.check.click());
    bulk = await BulkPage.verifyOnPage(contributor.page, "Check before saving");
    expect(await bulk.texts(bulk.changes.locator("tbody tr"))).toEqual([expect.stringContaining(words)]);
    await contributor.expectAccessibleAndClean();
    await contributor.clickAndWait(() => bulk.save.click());
    bulk = await BulkPage.verifyOnPage(contributor.page, "Update many actions at once");
    expect(await bulk.confirmation.textContent()).toContain("1 update saved as drafts.");
    await contributor.expectAccessibleAndClean();

    await contributor.goto("/progress/the-promise-scotland");
    const owed = await OwedPage.verifyOnPage(contributor.page, "The Promise Scotland");
    expect(await owed.row(first[2]!.slice(0, 40)).textContent()).toContain("Draft saved");
  });
});
