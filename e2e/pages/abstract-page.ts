import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

/**
 * What every Waymark page has: one h1, the site header and navigation, and an account link.
 * Each page object's `verifyOnPage` checks the h1, so a test fails where it lands on the wrong page
 * (as in hmpps-template-typescript's integration tests).
 */
export abstract class AbstractPage {
  readonly heading: Locator;
  readonly main: Locator;
  readonly signInLink: Locator;
  readonly signOutButton: Locator;

  readonly page: Page;

  protected constructor(page: Page) {
    this.page = page;
    this.heading = page.locator("h1");
    this.main = page.locator("main");
    this.signInLink = page.getByRole("banner").getByRole("link", { name: "Sign in" });
    this.signOutButton = page.getByRole("banner").getByRole("button", { name: "Sign out" });
  }

  /** Checks the page's one h1 says what it should; returns its text. */
  protected async checkHeading(expected: string | RegExp): Promise<string> {
    await this.heading.first().waitFor({ state: "visible" });
    expect(await this.heading.count(), `one h1 on ${this.page.url()}`).toBe(1);
    const text = ((await this.heading.textContent()) ?? "").replace(/\s+/g, " ").trim();
    if (typeof expected === "string") expect(text).toBe(expected);
    else expect(text).toMatch(expected);
    return text;
  }

  /** The text of every element matched, as a person reads it (trimmed, spaces collapsed). */
  async texts(locator: Locator): Promise<string[]> {
    return (await locator.allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim());
  }

  /** The headings (h2, h3) of the main content, in order. */
  async sectionHeadings(): Promise<string[]> {
    return this.texts(this.main.locator("h2, h3"));
  }
}
