import type { Locator, Page } from "playwright-core";
import { AbstractPage } from "./abstract-page.ts";

/**
 * A route map: the latest edition at `/themes/:slug`, an edition at its stable address
 * `/themes/:slug/editions/:id`, or a draft's preview. The h1 is the theme's name.
 */
export class RouteMapPage extends AbstractPage {
  /** The "Last updated" value in the page header's metadata. */
  readonly lastUpdated: Locator;
  /** The ordered actions: top-level items of the route map's list. */
  readonly actions: Locator;
  readonly banner: Locator;
  readonly contents: Locator;

  private constructor(page: Page) {
    super(page);
    this.lastUpdated = this.main
      .locator(".ds_metadata__item", { hasText: "Last updated" })
      .locator(".ds_metadata__value");
    this.actions = this.main.locator("ol.wm-actions > li");
    this.banner = page.locator(".ds_notification");
    this.contents = this.main.getByRole("navigation", { name: "Sections of this route map" });
  }

  static async verifyOnPage(page: Page, theme: string): Promise<RouteMapPage> {
    const routeMap = new RouteMapPage(page);
    await routeMap.checkHeading(theme);
    return routeMap;
  }

  /** The section under an h2 of that title. */
  section(title: string): Locator {
    return this.main.locator("section.wm-edition__section", {
      has: this.page.getByRole("heading", { name: title, level: 2, exact: true }),
    });
  }

  /** The sub-items nested under the action whose text starts with `start`. */
  subItems(start: string): Locator {
    return this.actions.filter({ hasText: start }).locator("> ul > li");
  }

  /** The text of each top-level action, without its sub-items. */
  async actionTexts(): Promise<string[]> {
    return this.actions.evaluateAll((items) =>
      items.map((li) =>
        Array.from(li.childNodes)
          .filter((n) => n.nodeName !== "UL")
          .map((n) => n.textContent ?? "")
          .join("")
          .replace(/\s+/g, " ")
          .trim(),
      ),
    );
  }

  /** Each milestone year (h3) and the text under it. */
  async milestoneYears(): Promise<Array<{ year: string; text: string }>> {
    return this.section("Milestones").evaluate((section) =>
      Array.from(section.querySelectorAll("h3")).map((h3) => {
        const parts: string[] = [];
        for (let n = h3.nextElementSibling; n && n.tagName !== "H3"; n = n.nextElementSibling) {
          parts.push(n.textContent ?? "");
        }
        return { year: (h3.textContent ?? "").trim(), text: parts.join(" ").replace(/\s+/g, " ").trim() };
      }),
    );
  }

  /** The mapping table's column headers and row headers. */
  async mappingTable(): Promise<{ columns: string[]; rows: string[] }> {
    const table = this.section("Mapping").locator("table");
    return {
      columns: await this.texts(table.locator("thead th")),
      rows: await this.texts(table.locator("tbody th")),
    };
  }
}
