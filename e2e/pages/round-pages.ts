import type { Locator, Page } from "playwright-core";
import { AbstractPage } from "./abstract-page.ts";

/** `/rounds/new`: the form that opens a reporting round. */
export class NewRoundPage extends AbstractPage {
  readonly title: Locator;
  readonly submit: Locator;

  private constructor(page: Page) {
    super(page);
    this.title = page.getByLabel("Name of the round");
    this.submit = this.main.getByRole("button", { name: "Open the round" });
  }

  static async verifyOnPage(page: Page): Promise<NewRoundPage> {
    const form = new NewRoundPage(page);
    await form.checkHeading("Open a reporting round");
    return form;
  }

  /** Types the due date into the design system's three boxes. */
  async due(iso: string): Promise<void> {
    const [year, month, day] = iso.split("-");
    await this.page.locator("#due-day").fill(String(Number(day)));
    await this.page.locator("#due-month").fill(String(Number(month)));
    await this.page.locator("#due-year").fill(year!);
  }

  /** Clicks a radio or checkbox label, as a person does (the design system styles the input). */
  async choose(label: string | RegExp): Promise<void> {
    await this.main.locator("label.ds_radio__label, label.ds_checkbox__label").getByText(label).click();
  }
}

/** `/rounds/:id`: who has answered a round. */
export class RoundPage extends AbstractPage {
  readonly organisations: Locator;

  private constructor(page: Page) {
    super(page);
    this.organisations = this.main.locator("table").first().locator("tbody tr");
  }

  static async verifyOnPage(page: Page, title: string): Promise<RoundPage> {
    const round = new RoundPage(page);
    await round.checkHeading(title);
    return round;
  }

  row(organisation: string): Locator {
    return this.organisations.filter({ has: this.page.getByRole("rowheader", { name: organisation }) });
  }

  async completion(): Promise<string> {
    return ((await this.main.locator("#completion + p").textContent()) ?? "").replace(/\s+/g, " ").trim();
  }
}

/** The links to answer one round, in the "Updates asked for" part of an organisation's progress page. */
export function roundLinks(page: Page, title: string): Locator {
  return page
    .locator("main h2#rounds ~ .ds_inset-text")
    .filter({ has: page.getByRole("heading", { name: `${title}: due` }) })
    .getByRole("link");
}
