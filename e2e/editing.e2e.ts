import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_EDITOR } from "../src/features/demo/demo.service.ts";
import { EditEditionPage, PublishedEditionPage } from "./pages/edit-edition-page.ts";
import { EditionsPage } from "./pages/editions-page.ts";
import { ManagePage } from "./pages/manage-page.ts";
import { NotFoundPage } from "./pages/not-found-page.ts";
import { PreviewPage } from "./pages/preview-page.ts";
import { RouteMapPage } from "./pages/route-map-page.ts";
import { SignInPage } from "./pages/sign-in-page.ts";
import { launchBrowser, MODES, Visitor } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

// The editing flow end to end, as the demo editor does it in a browser: with JavaScript,
// without it, and at phone width. Sign in, start a new edition of Leadership, add an action and a sub-item, preview,
// publish with a date, and see it on the public route map. Until it is published, nothing of the
// draft reaches a reader without an account. Every editing page passes axe-core.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(MODES)("the demo editor, $name,", (mode) => {
  // Each run edits the same demo route map, so each has a server and database of its own.
  let server: TestServer;
  let editor: Visitor;
  let reader: Visitor;
  beforeEach(async () => {
    server = await startServer("demo");
    editor = await Visitor.open(browser, server.url, mode);
    reader = await Visitor.open(browser, server.url, mode);
  });
  afterEach(async () => {
    await editor?.close();
    await reader?.close();
    await server?.close();
  });

  /** What a reader without an account sees of the Leadership route map and its editions. */
  async function publicText(): Promise<string> {
    const parts: string[] = [];
    for (const path of [
      "/themes/leadership",
      "/themes/leadership/editions",
      "/themes/leadership/compare",
      "/",
    ]) {
      await reader.goto(path);
      parts.push((await reader.page.locator("body").textContent()) ?? "");
    }
    return parts.join("\n");
  }

  it("starts a new edition of Leadership, adds an action, publishes it with a date, and readers see it only then", async () => {
    const action = `The Waymark browser test (${mode.name}) to check that a new action reaches the public route map.`;
    const subItem = `A sub-item of the browser test's action (${mode.name}).`;

    // Signed out, the editing pages send the editor to sign in first, and back afterwards.
    await editor.goto("/manage");
    const signIn = await SignInPage.verifyOnPage(editor.page);
    await signIn.signInAs(DEMO_EDITOR.email, DEMO_EDITOR.password);
    const manage = await ManagePage.verifyOnPage(editor.page);
    expect(new URL(editor.page.url()).pathname).toBe("/manage");
    await editor.expectAccessibleAndClean();

    await editor.clickAndWait(() => manage.startNewEdition("Leadership").click());
    const edit = await EditEditionPage.verifyOnPage(editor.page, "Leadership");
    expect(await edit.confirmation.textContent()).toContain("You have started a new edition");
    const draftId = edit.editionId();
    // Copied from the December 2025 edition, with its ten actions.
    expect(await edit.actionTexts()).toHaveLength(10);
    await editor.expectAccessibleAndClean();

    // An empty action is refused with the design system's error summary, and nothing is added.
    await edit.addAction("");
    let page = await EditEditionPage.verifyOnPage(editor.page, "Leadership");
    expect(await editor.page.title()).toMatch(/^Error: /);
    await page.errorSummary.waitFor();
    expect(await page.errorSummary.locator("a").count()).toBeGreaterThan(0);
    expect(await page.actionTexts()).toHaveLength(10);
    await editor.expectAccessibleAndClean();

    await page.addAction(action);
    page = await EditEditionPage.verifyOnPage(editor.page, "Leadership");
    expect(await page.confirmation.textContent()).toContain("The action has been added.");
    expect((await page.actionTexts()).at(-1)).toBe(action);

    await page.addAction(subItem, action);
    page = await EditEditionPage.verifyOnPage(editor.page, "Leadership");
    expect(await page.texts(page.subItems(action))).toEqual([subItem]);
    await editor.expectAccessibleAndClean();

    // The draft is not public: not on the route map, its editions, the comparison or the home
    // page, and its own address is "not found" to a reader without an account.
    const before = await publicText();
    expect(before).not.toContain(action);
    expect(before).not.toContain(subItem);
    await reader.goto(`/themes/leadership/editions/${draftId}`, 404);
    await NotFoundPage.verifyOnPage(reader.page);
    // Nor in the open data a reader (or a script) can fetch.
    for (const path of ["/api/v1/themes/leadership/editions", "/api/v1/themes/leadership/editions/latest"]) {
      const response = await reader.context.request.get(path);
      expect(response.status(), path).toBe(200);
      const body = await response.text();
      expect(body).not.toContain(action);
      expect(body).not.toContain(subItem);
    }
    expect((await reader.context.request.get(`/api/v1/themes/leadership/editions/${draftId}`)).status()).toBe(
      404,
    );
    await reader.goto(`/manage/editions/${draftId}/preview`);
    await SignInPage.verifyOnPage(reader.page);
    reader.expectNoProblems();

    await editor.clickAndWait(() => page.previewLink.click());
    const preview = await PreviewPage.verifyOnPage(editor.page, "Leadership");
    const previewActions = await preview.texts(preview.actions);
    expect(previewActions).toHaveLength(11);
    expect(previewActions.at(-1)).toBe(`${action} ${subItem}`);
    await editor.expectAccessibleAndClean();

    await editor.goto(`/manage/editions/${draftId}`);
    page = await EditEditionPage.verifyOnPage(editor.page, "Leadership");
    // A date before the previous edition's is refused, naming the field.
    await page.publish("1", "11", "2025");
    page = await EditEditionPage.verifyOnPage(editor.page, "Leadership");
    expect(await page.errorSummary.textContent()).toContain("The date must be on or after");
    await editor.expectAccessibleAndClean();

    await page.publish("15", "1", "2026");
    const published = await PublishedEditionPage.verifyOnPage(editor.page, "Leadership", "January 2026");
    expect(await published.confirmation.textContent()).toContain("This edition has been published.");
    await editor.expectAccessibleAndClean();

    // Readers now see it: the route map's latest edition, with the new action and its sub-item.
    // (A fresh browser: anonymous pages may be cached for a minute, so the reader above could
    // still be shown the page they read before.)
    const later = await Visitor.open(browser, server.url, mode);
    try {
      await later.goto("/themes/leadership");
      const routeMap = await RouteMapPage.verifyOnPage(later.page, "Leadership");
      expect((await routeMap.lastUpdated.textContent())?.trim()).toBe("January 2026");
      const actions = await routeMap.actionTexts();
      expect(actions).toHaveLength(11);
      expect(actions.at(-1)).toBe(action);
      expect(await routeMap.texts(routeMap.subItems(action))).toEqual([subItem]);
      await later.expectAccessibleAndClean();

      await later.goto("/themes/leadership/editions");
      const editions = await EditionsPage.verifyOnPage(later.page, "Leadership");
      const rows = await editions.texts(editions.rows);
      expect(rows).toHaveLength(3);
      expect(rows[0]).toMatch(/^January 2026 Latest/);
      later.expectNoProblems();
    } finally {
      await later.close();
    }
  });
});
