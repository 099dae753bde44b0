import type { Locator, Page } from "playwright-core";
import { AbstractPage } from "./abstract-page.ts";

/** `/sectors`: every sector and how many route maps and actions name it. */
export class SectorsPage extends AbstractPage {
  readonly sectorLinks: Locator;

  private constructor(page: Page) {
    super(page);
    this.sectorLinks = this.main.locator("table tbody th a, table tbody td a");
  }

  static async verifyOnPage(page: Page): Promise<SectorsPage> {
    const sectors = new SectorsPage(page);
    await sectors.checkHeading("Who must act");
    return sectors;
  }
}

/** `/sectors/:slug`: every action in every route map where one sector must act. */
export class SectorPage extends AbstractPage {
  readonly routeMaps: Locator;

  private constructor(page: Page) {
    super(page);
    this.routeMaps = this.main.locator("section.wm-sector-route-map");
  }

  static async verifyOnPage(page: Page, sector: string): Promise<SectorPage> {
    const sectorPage = new SectorPage(page);
    await sectorPage.checkHeading(sector);
    return sectorPage;
  }

  /** The actions listed under one route map. */
  actions(theme: string): Locator {
    return this.routeMaps
      .filter({ has: this.page.getByRole("heading", { name: theme, level: 2 }) })
      .locator("ol.wm-actions > li");
  }
}
