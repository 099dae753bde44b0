import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { AxeResults, Result } from "axe-core";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import type { Mode } from "./browser.ts";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(path.join(path.dirname(require.resolve("axe-core")), "axe.min.js"), "utf8");

/** WCAG 2.2 AA and axe's best practices, at zero violations (the quality bar in docs/ARCHITECTURE.md). */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

function describeViolation(v: Result): string {
  const nodes = v.nodes
    .map((n) => `    at ${n.target.join(" ")}\n      ${n.failureSummary?.replaceAll("\n", "\n      ") ?? ""}`)
    .join("\n");
  return `  ${v.id} (${v.impact ?? "no impact given"}): ${v.help}\n    ${v.helpUrl}\n${nodes}`;
}

async function runAxe(page: Page): Promise<Result[]> {
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = (
      window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }
    ).axe;
    return (await axe.run(document, { runOnly: { type: "tag", values: tags } })).violations;
  }, AXE_TAGS);
}

/**
 * axe-core waits on timers, and a page with JavaScript disabled runs none, so axe would wait for
 * ever. Instead the page exactly as it stands (its DOM, never touched by a script) is shown again
 * in a second tab with JavaScript on but the page's own scripts answered with nothing, at the
 * same address, size and stylesheets, and axe runs there.
 */
async function violationsWithoutJavaScript(page: Page, mode: Mode): Promise<Result[]> {
  const browser = page.context().browser();
  if (!browser) throw new Error("The page has no browser to open a second tab in.");
  const snapshot = await page.content();
  const url = page.url();
  const context = await browser.newContext({ ...mode.options, javaScriptEnabled: true });
  try {
    await context.route("**/*", (route) => {
      const request = route.request();
      if (request.isNavigationRequest() && request.url() === url) {
        return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: snapshot });
      }
      if (request.resourceType() === "script") {
        return route.fulfill({ status: 200, contentType: "text/javascript", body: "" });
      }
      return route.continue();
    });
    const replay = await context.newPage();
    await replay.goto(url, { waitUntil: "load" });
    return await runAxe(replay);
  } finally {
    await context.close();
  }
}

/**
 * Runs axe-core on the page as the visitor sees it now and fails with every violation's rule,
 * help and elements. axe goes in through the DevTools protocol (page.evaluate), which the page's
 * Content-Security-Policy does not govern, so pages are tested with their real CSP in force.
 */
export async function expectNoAxeViolations(visitor: { page: Page; mode: Mode }): Promise<void> {
  const { page, mode } = visitor;
  const violations = mode.javaScript ? await runAxe(page) : await violationsWithoutJavaScript(page, mode);
  expect(
    violations.map((v) => v.id),
    `axe-core found accessibility problems on ${page.url()} (${mode.name}):\n${violations.map(describeViolation).join("\n")}`,
  ).toEqual([]);
}
