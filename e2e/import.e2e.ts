import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_EDITOR } from "../src/features/demo/demo.service.ts";
import { ImportReviewPage, ImportUploadPage } from "./pages/import-pages.ts";
import { SignInPage } from "./pages/sign-in-page.ts";
import { launchBrowser, MODES, Visitor } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

// Importing a document in a browser, as the demo programme editor: upload a committed invented
// progress update, read the review screen (nothing saved yet), import it, see the result, and
// find its key actions on the public commitments page. A file that is not text is refused with
// a message. With JavaScript, without it and at phone width; every page passes axe-core.

const FIXTURE = path.resolve(
  import.meta.dirname,
  "../test/fixtures/import/progress/progress-update-part2.txt",
);
const ADDRESS = "https://www.gov.scot/publications/supporting-families-progress-update/pages/part-2/";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(MODES)("importing a document, $name,", (mode) => {
  let server: TestServer;
  let editor: Visitor;
  beforeEach(async () => {
    server = await startServer("demo");
    editor = await Visitor.open(browser, server.url, mode);
  });
  afterEach(async () => {
    await editor?.close();
    await server?.close();
  });

  const commitments = () =>
    server.db
      .selectFrom("commitment")
      .select("text")
      .orderBy("ordinal")
      .execute()
      .then((rows) => rows.map((r) => r.text));

  it("uploads a progress update, reviews it, imports it and finds its key actions", async () => {
    await editor.goto("/manage/import");
    await (await SignInPage.verifyOnPage(editor.page)).signInAs(DEMO_EDITOR.email, DEMO_EDITOR.password);
    let upload = await ImportUploadPage.verifyOnPage(editor.page);
    await editor.expectAccessibleAndClean();

    // Not text: refused on the form, saying why.
    await upload.file.setInputFiles({
      name: "scan.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0, 0, 1, 2, 3]),
    });
    await upload.check();
    upload = await ImportUploadPage.verifyOnPage(editor.page);
    expect(await editor.page.title()).toMatch(/^Error: /);
    expect(await upload.errorSummary.textContent()).toContain("This file is not text");
    await editor.expectAccessibleAndClean();

    await upload.file.setInputFiles(FIXTURE);
    await upload.source.fill(ADDRESS);
    await upload.check();
    const review = await ImportReviewPage.verifyOnPage(editor.page);
    const reviewed = (await review.main.textContent()) ?? "";
    expect(reviewed).toContain("progress-update-part2.txt");
    expect(reviewed).toContain("We will fund a family support worker in every Glenbrae secondary school");
    expect(reviewed).toContain("Each key action will become a commitment");
    expect(await commitments()).toEqual([]);
    await editor.expectAccessibleAndClean();

    await review.importIt();
    upload = await ImportUploadPage.verifyOnPage(editor.page);
    expect(await upload.main.textContent()).toContain("The document was imported.");
    expect(await commitments()).toHaveLength(4);
    await editor.expectAccessibleAndClean();

    await editor.goto("/commitments");
    const page = (await editor.page.locator("main").textContent()) ?? "";
    expect(page).toContain("Part 2: Families at the centre");
    expect(page).toContain("We will review how families are told about changes to their support");
    expect(await editor.page.locator(`main a[href="${ADDRESS}"]`).count()).toBe(1);
    await editor.expectAccessibleAndClean();
  });
});
