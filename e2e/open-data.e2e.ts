import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchBrowser, NO_JS, PHONE, Visitor } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

// The public data of accountability, as a reader on a phone or without JavaScript meets it: the
// download link beside the route map's table of actions is there, and what it downloads holds a
// row for each of the table's actions. axe-core at zero violations.

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer("demo");
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each([PHONE, NO_JS])("a reader, $name,", (mode) => {
  let visitor: Visitor;
  beforeEach(async () => {
    visitor = await Visitor.open(browser, server.url, mode);
  });
  afterEach(async () => {
    await visitor.close();
  });

  it("downloads a route map's actions from beside its table", async () => {
    await visitor.goto("/themes/leadership");
    await visitor.expectAccessibleAndClean();
    const progress = visitor.page.locator(".wm-progress");
    const actions = await progress.locator("table tbody tr").count();
    expect(actions).toBeGreaterThan(0);
    const [download] = await Promise.all([
      visitor.page.waitForEvent("download"),
      progress.getByRole("link", { name: /^CSV file/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("leadership-actions.csv");
    const rows = parse(await readFile((await download.path())!, "utf8"), {
      bom: true,
      columns: true,
    }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(actions);
    expect(rows[0]!.route_map).toBe("Leadership");
  });
});
