import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations } from "./support/axe.ts";
import { DESKTOP, launchBrowser, NO_JS, PHONE, Visitor } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

// The checks every browser test relies on must be able to fail: a page with known faults,
// served under the real app's address with the app's own Content-Security-Policy, must fail them.

const BROKEN_PAGE = `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Broken</title>
<link rel="stylesheet" href="/assets/no-such-stylesheet.css"></head>
<body><main><h1>Broken</h1><img src="/assets/ds/images/nothing.png">
<script>document.title = "inline scripts must be blocked";</script></main></body></html>`;

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer("empty");
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openBrokenPage(mode: typeof DESKTOP, body = BROKEN_PAGE): Promise<Visitor> {
  const visitor = await Visitor.open(browser, server.url, mode);
  const csp = (await fetch(server.url)).headers.get("content-security-policy")!;
  expect(csp).toContain("script-src 'self'");
  await visitor.context.route(`${server.url}/broken-page`, (route) =>
    route.fulfill({
      status: 200,
      contentType: "text/html; charset=utf-8",
      headers: { "content-security-policy": csp },
      body,
    }),
  );
  await visitor.goto("/broken-page");
  return visitor;
}

describe("the browser-test checks themselves", () => {
  it("report an image without a text alternative, with JavaScript and without", async () => {
    for (const mode of [DESKTOP, NO_JS]) {
      const visitor = await openBrokenPage(mode);
      await expect(expectNoAxeViolations(visitor)).rejects.toThrow(/image-alt/);
      await visitor.close();
    }
  });

  it("report an inline script blocked by the Content-Security-Policy and assets that are missing", async () => {
    const visitor = await openBrokenPage(DESKTOP);
    const problems = visitor.problems.join("\n");
    expect(problems).toMatch(/console error .*Content Security Policy/);
    expect(problems).toContain("404 for");
    expect(problems).toContain("/assets/no-such-stylesheet.css");
    expect(problems).toContain("/assets/ds/images/nothing.png");
    expect(() => visitor.expectNoProblems()).toThrow();
    await visitor.close();
  });

  it("report a page that scrolls sideways at phone width, but not a wide table in its own scrolling region", async () => {
    const page = (content: string) => `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/assets/ds/css/design-system.min.css"><link rel="stylesheet" href="/assets/app.css">
<title>Wide</title></head><body><main><h1>Wide</h1>${content}</main></body></html>`;
    const wide = await openBrokenPage(PHONE, page('<p><input size="80" aria-label="Too wide"></p>'));
    await expect(wide.expectNoSidewaysScrolling()).rejects.toThrow(/sticking out: .*input/);
    await wide.close();

    // A wide table with hidden labels in its cells (as the design system's "boxes" tables have):
    // bare, it widens the page; in the table component's region, it scrolls on its own.
    const cells = '<td><span class="visually-hidden">Label</span>Unbreakable-table-cell</td>'.repeat(8);
    const wideTable = `<table class="ds_table"><caption>Wide data</caption><tr>${cells}</tr></table>`;
    const bare = await openBrokenPage(PHONE, page(wideTable));
    await expect(bare.expectNoSidewaysScrolling()).rejects.toThrow(/375px screen/);
    await bare.close();
    const inRegion = await openBrokenPage(
      PHONE,
      page(
        `<div class="wm-table-scroll" role="region" aria-label="Wide data" tabindex="0">${wideTable}</div>`,
      ),
    );
    expect(await inRegion.page.locator("table").evaluate((t) => t.scrollWidth)).toBeGreaterThan(375);
    await inRegion.expectNoSidewaysScrolling();
    await inRegion.close();
  });
});
