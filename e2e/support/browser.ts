import fs from "node:fs";
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from "playwright-core";
import { expect } from "vitest";
import { expectNoAxeViolations } from "./axe.ts";

/** Debian's chromium: `apt-get install chromium` locally; `.ci/run` installs it in CI. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Fails the run at once, with the fix, when there is no browser. Never skips: CI must run these. */
export function assertChromiumInstalled(): void {
  if (fs.existsSync(CHROMIUM_PATH)) return;
  throw new Error(
    `The browser tests need Debian's chromium at ${CHROMIUM_PATH}, and it is not installed. ` +
      "Install it with `sudo apt-get update && sudo apt-get install -y chromium`, then run `npm run test:e2e` again." +
      (process.env.CI ? " (CI: .ci/run should have installed it; check its apt-get step.)" : ""),
  );
}

export async function launchBrowser(): Promise<Browser> {
  assertChromiumInstalled();
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A way a person meets the site: a desktop browser, a browser without JavaScript, a phone. */
export interface Mode {
  name: string;
  javaScript: boolean;
  options: BrowserContextOptions;
}

export const DESKTOP: Mode = {
  name: "desktop",
  javaScript: true,
  options: { viewport: { width: 1280, height: 900 } },
};
export const NO_JS: Mode = {
  name: "without JavaScript",
  javaScript: false,
  options: { viewport: { width: 1280, height: 900 }, javaScriptEnabled: false },
};
export const PHONE: Mode = {
  name: "phone (375×812)",
  javaScript: true,
  options: { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
};
export const MODES: Mode[] = [DESKTOP, NO_JS, PHONE];

/**
 * One browser profile (cookies of its own) on the test server, with one tab that records what a
 * person would not see but a broken page shows: console errors (CSP violations among them),
 * uncaught script errors, failed requests and assets that answer 4xx/5xx.
 */
export class Visitor {
  private readonly found: string[] = [];
  /** "Failed to load resource" console errors, by address: judged in expectNoProblems. */
  private readonly failedLoads: string[] = [];
  /** Pages opened (documents), whose status the test checks itself. */
  private readonly documents = new Set<string>();

  readonly context: BrowserContext;
  readonly page: Page;
  readonly mode: Mode;

  private constructor(context: BrowserContext, page: Page, mode: Mode) {
    this.context = context;
    this.page = page;
    this.mode = mode;
  }

  static async open(browser: Browser, baseURL: string, mode: Mode): Promise<Visitor> {
    const context = await browser.newContext({ ...mode.options, baseURL, locale: "en-GB" });
    const page = await context.newPage();
    const visitor = new Visitor(context, page, mode);
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      if (message.text().startsWith("Failed to load resource"))
        visitor.failedLoads.push(message.location().url);
      else visitor.found.push(`console error on ${page.url()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => visitor.found.push(`script error on ${page.url()}: ${error.message}`));
    page.on("requestfailed", (request) => {
      const reason = request.failure()?.errorText ?? "unknown";
      // A request the browser itself abandons because the page moved on (the favicon while a form
      // submits) is not a fault of the page; a missing asset still shows as a 4xx below.
      if (reason === "net::ERR_ABORTED") return;
      visitor.found.push(`request failed: ${request.url()} (${reason})`);
    });
    page.on("response", (response) => {
      if (response.request().isNavigationRequest()) visitor.documents.add(response.url());
      else if (response.status() >= 400) visitor.found.push(`${response.status()} for ${response.url()}`);
    });
    return visitor;
  }

  /**
   * Everything that went wrong unseen. A page's own status (the 404 page, a form shown again with
   * 400) is checked by the test that opens it, so the browser's console note about it is not.
   */
  get problems(): string[] {
    const loads = this.failedLoads
      .filter((url) => !this.documents.has(url))
      .map((url) => `failed to load ${url}`);
    return [...this.found, ...loads];
  }

  /** Opens a path and checks the status the page answered with (200 unless told). */
  async goto(path: string, status = 200): Promise<void> {
    const response = await this.page.goto(path, { waitUntil: "load" });
    expect(response, `no response for ${path}`).not.toBeNull();
    expect(response!.status(), `status of ${path}`).toBe(status);
  }

  /** Clicks something that submits a form or follows a link, and waits for the next page to load. */
  async clickAndWait(action: () => Promise<void>): Promise<void> {
    const loaded = this.page.waitForEvent("load");
    await action();
    await loaded;
  }

  /**
   * WCAG 1.4.10 (reflow): at phone width a page reads top to bottom without scrolling sideways.
   * Data tables are the criterion's own exception (they need two dimensions), so they may be
   * wider than the screen, but only inside their own scrolling region (components/table.ts):
   * nothing in them may widen the page itself. Names the innermost elements that stick out.
   * Measures against the screen's width, not the page's: a phone widens its layout viewport
   * (`innerWidth`) to fit whatever sticks out, and a click then lands on the wrong element.
   */
  async expectNoSidewaysScrolling(): Promise<void> {
    const screenWidth = this.page.viewportSize()!.width;
    const overflow = await this.page.evaluate((width) => {
      const sticksOut = (el: Element) => el.getBoundingClientRect().right > width + 1;
      const wide = Array.from(document.querySelectorAll("body *"))
        .filter(
          (el) =>
            sticksOut(el) && !el.closest(".wm-table-scroll") && !Array.from(el.children).some(sticksOut),
        )
        .slice(0, 5)
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).trim().split(/\s+/).join(".")}` : ""}`,
        );
      return { scrollWidth: document.documentElement.scrollWidth, innerWidth, wide };
    }, screenWidth);
    expect(
      Math.max(overflow.scrollWidth, overflow.innerWidth),
      `${this.page.url()} is ${overflow.scrollWidth}px wide on a ${screenWidth}px screen; sticking out: ${overflow.wide.join(", ") || "(inside a table's scrolling region)"}`,
    ).toBeLessThanOrEqual(screenWidth);
  }

  /**
   * What every page of every journey must pass, checked after the page's own content: axe-core
   * at zero violations, nothing broken (expectNoProblems) and, on a phone, no sideways scrolling.
   */
  async expectAccessibleAndClean(): Promise<void> {
    await expectNoAxeViolations(this);
    this.expectNoProblems();
    if (this.mode === PHONE) await this.expectNoSidewaysScrolling();
  }

  expectNoProblems(): void {
    expect(this.problems, `problems while ${this.mode.name}:\n${this.problems.join("\n")}`).toEqual([]);
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
