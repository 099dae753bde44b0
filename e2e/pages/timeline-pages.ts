import type { Locator, Page } from "playwright-core";
import { AbstractPage } from "./abstract-page.ts";

/** `/manage/timeline/new` and `/manage/timeline/:id`: adding or changing a timeline item. */
export class TimelineItemFormPage extends AbstractPage {
  readonly title: Locator;
  readonly kind: Locator;
  readonly organisation: Locator;
  readonly startDay: Locator;
  readonly startMonth: Locator;
  readonly startYear: Locator;
  readonly endDay: Locator;
  readonly endMonth: Locator;
  readonly endYear: Locator;
  readonly status: Locator;
  readonly warning: Locator;
  readonly submit: Locator;
  readonly saveAnyway: Locator;

  private constructor(page: Page) {
    super(page);
    this.title = page.getByLabel("Title", { exact: true });
    this.kind = page.getByLabel("Kind of thing");
    this.organisation = page.getByLabel("Who is doing it");
    this.startDay = page.locator("#start-day");
    this.startMonth = page.locator("#start-month");
    this.startYear = page.locator("#start-year");
    this.endDay = page.locator("#end-day");
    this.endMonth = page.locator("#end-month");
    this.endYear = page.locator("#end-year");
    this.status = page.getByLabel("Status", { exact: true });
    this.warning = page.locator(".ds_warning-text");
    this.submit = this.main.getByRole("button", { name: /^(Add the item|Save the changes|Check again)$/ });
    this.saveAnyway = this.main.getByRole("button", { name: "Save anyway" });
  }

  static async verifyOnPage(page: Page, heading: string | RegExp): Promise<TimelineItemFormPage> {
    const form = new TimelineItemFormPage(page);
    await form.checkHeading(heading);
    return form;
  }

  /** Ticks an audience, route map or group by clicking its label, as a person does. */
  async tick(name: string): Promise<void> {
    await this.main.locator("label.ds_checkbox__label").getByText(name, { exact: true }).click();
  }

  async chooseExactDate(): Promise<void> {
    await this.main
      .locator("label.ds_radio__label")
      .getByText(/^Yes: give the day/)
      .click();
  }
}

/** `/timeline`: what is coming up, with its filter form. */
export class TimelinePage extends AbstractPage {
  readonly audience: Locator;
  readonly when: Locator;
  readonly show: Locator;
  readonly tables: Locator;
  readonly warning: Locator;

  private constructor(page: Page) {
    super(page);
    this.audience = page.getByLabel("Who it asks or is for");
    this.when = page.getByLabel("When", { exact: true });
    this.show = this.main.getByRole("button", { name: "Show" });
    this.tables = this.main.locator("table");
    this.warning = page.locator(".ds_warning-text");
  }

  static async verifyOnPage(page: Page): Promise<TimelinePage> {
    const timeline = new TimelinePage(page);
    await timeline.checkHeading("What is coming up");
    return timeline;
  }
}
