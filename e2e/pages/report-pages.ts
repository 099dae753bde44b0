import type { Locator, Page } from "playwright-core";
import { AbstractPage } from "./abstract-page.ts";

/** `/manage/reports`: the form that generates a report. */
export class GenerateReportPage extends AbstractPage {
  readonly organisation: Locator;
  readonly routeMap: Locator;
  readonly submit: Locator;

  private constructor(page: Page) {
    super(page);
    this.organisation = page.getByLabel("Which organisation", { exact: true });
    this.routeMap = page.getByLabel("Which route map", { exact: true });
    this.submit = this.main.getByRole("button", { name: "Generate the report" });
  }

  static async verifyOnPage(page: Page): Promise<GenerateReportPage> {
    const form = new GenerateReportPage(page);
    await form.checkHeading("Generate a report");
    return form;
  }

  /** Chooses what the report is about by clicking its label, as a person does. */
  async chooseKind(label: "Route map" | "Organisation"): Promise<void> {
    await this.main.locator("label.ds_radio__label").getByText(label, { exact: true }).click();
  }
}

/** `/reports/:id`: one frozen report, with its files to download. */
export class ReportPage extends AbstractPage {
  readonly totals: Locator;
  readonly downloads: Locator;

  private constructor(page: Page) {
    super(page);
    this.totals = this.main.locator("table.wm-report-totals");
    this.downloads = this.main.locator('section[aria-labelledby="downloads"] a');
  }

  static async verifyOnPage(page: Page, title: string | RegExp): Promise<ReportPage> {
    const report = new ReportPage(page);
    await report.checkHeading(title);
    return report;
  }
}

/** `/reports`: every report, newest first. */
export class ReportsPage extends AbstractPage {
  static async verifyOnPage(page: Page): Promise<ReportsPage> {
    const list = new ReportsPage(page);
    await list.checkHeading("Reports");
    return list;
  }
}
