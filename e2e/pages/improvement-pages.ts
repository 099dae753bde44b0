import type { Locator, Page } from "playwright-core";
import { AbstractPage } from "./abstract-page.ts";

/** `/manage/improvement/:slug/measures/:id`: a measure's values, the form that adds one, and the reading. */
export class MeasurePage extends AbstractPage {
  readonly reading: Locator;
  readonly errorSummary: Locator;
  readonly day: Locator;
  readonly month: Locator;
  readonly year: Locator;
  readonly value: Locator;
  readonly annotation: Locator;
  readonly add: Locator;

  private constructor(page: Page) {
    super(page);
    this.reading = this.main.locator(".ds_inset-text").filter({ hasText: "What the run chart shows now" });
    this.errorSummary = page.locator(".ds_error-summary");
    this.day = page.locator("#date-day");
    this.month = page.locator("#date-month");
    this.year = page.locator("#date-year");
    this.value = page.getByLabel(/^Value/);
    this.annotation = page.getByLabel("Change made (optional)");
    this.add = this.main.getByRole("button", { name: "Add the value", exact: true });
  }

  static async verifyOnPage(page: Page, name: string): Promise<MeasurePage> {
    const measure = new MeasurePage(page);
    await measure.checkHeading(name);
    return measure;
  }

  async fillValue(date: [string, string, string], value: string): Promise<void> {
    await this.day.fill(date[0]);
    await this.month.fill(date[1]);
    await this.year.fill(date[2]);
    await this.value.fill(value);
  }
}

/** `/improvement/:slug`: a published project with its run charts. */
export class ProjectPage extends AbstractPage {
  static async verifyOnPage(page: Page, title: string): Promise<ProjectPage> {
    const project = new ProjectPage(page);
    await project.checkHeading(title);
    return project;
  }

  /** The words beside a measure's chart. */
  reading(measure: string): Locator {
    return this.main
      .locator("section")
      .filter({ has: this.page.getByRole("heading", { name: measure }) })
      .locator(".ds_inset-text");
  }
}
