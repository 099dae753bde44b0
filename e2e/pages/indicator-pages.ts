import type { Locator, Page } from "playwright-core";
import { AbstractPage } from "./abstract-page.ts";

/** `/indicators/:slug`: one indicator, its charts and tables, filters and status. */
export class IndicatorPage extends AbstractPage {
  readonly status: Locator;
  readonly lineChart: Locator;
  readonly overTimeTable: Locator;
  readonly areaSelect: Locator;
  readonly show: Locator;

  private constructor(page: Page) {
    super(page);
    this.status = page.locator("#progress");
    this.lineChart = page.locator("section[aria-labelledby='over-time'] svg[role='img']");
    this.overTimeTable = page.locator("section[aria-labelledby='over-time'] table");
    this.areaSelect = page.getByLabel("Area", { exact: true });
    this.show = this.main.getByRole("button", { name: "Show" });
  }

  static async verifyOnPage(page: Page, title: string): Promise<IndicatorPage> {
    const p = new IndicatorPage(page);
    await p.checkHeading(title);
    return p;
  }
}

/** `/manage/indicators/:slug/upload`: the upload form, and the pages it leads to. */
export class UploadPage extends AbstractPage {
  readonly file: Locator;
  readonly check: Locator;
  readonly errorSummary: Locator;
  readonly problems: Locator;
  readonly save: Locator;
  readonly confirmation: Locator;

  private constructor(page: Page) {
    super(page);
    this.file = page.getByLabel("Data file (CSV or Excel)");
    this.check = this.main.getByRole("button", { name: "Check the file" });
    this.errorSummary = page.locator(".ds_error-summary");
    this.problems = page.locator("main table").first();
    this.save = this.main.getByRole("button", { name: /^Save \d+ rows$/ });
    this.confirmation = page.locator(".ds_notification-message");
  }

  static async verifyOnPage(page: Page, title: string): Promise<UploadPage> {
    const p = new UploadPage(page);
    await p.checkHeading(title);
    return p;
  }
}

/** `/manage/indicators/new` and an indicator's editing page: the indicator form, evidence, links. */
export class IndicatorFormPage extends AbstractPage {
  readonly outcome: Locator;
  readonly name: Locator;
  readonly unit: Locator;
  readonly baselinePeriod: Locator;
  readonly baselineValue: Locator;
  readonly story: Locator;
  readonly errorSummary: Locator;
  readonly confirmation: Locator;
  readonly evidenceText: Locator;
  readonly linkAction: Locator;

  private constructor(page: Page) {
    super(page);
    this.outcome = page.getByLabel("Outcome it measures");
    this.name = page.getByLabel("Name of the indicator");
    this.unit = page.getByLabel("Unit", { exact: true });
    this.baselinePeriod = page.getByLabel("Baseline period (optional)");
    this.baselineValue = page.getByLabel("Baseline value (optional)");
    this.story = page.getByLabel("The story behind the data (optional)");
    this.errorSummary = page.locator(".ds_error-summary");
    this.confirmation = page.locator(".ds_notification-message");
    this.evidenceText = page.getByLabel("Quote or finding");
    this.linkAction = page.getByLabel("Link an action");
  }

  choose(label: string): Promise<void> {
    return this.page.getByLabel(label, { exact: true }).check({ force: true });
  }

  button(name: string): Locator {
    return this.main.getByRole("button", { name });
  }

  static async verifyOnPage(page: Page, title: string): Promise<IndicatorFormPage> {
    const p = new IndicatorFormPage(page);
    await p.checkHeading(title);
    return p;
  }
}
