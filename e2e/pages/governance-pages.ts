import type { Locator, Page } from "playwright-core";
import { AbstractPage } from "./abstract-page.ts";

// Page objects for the governance pages a group's secretariat uses, and the public minutes.

/** `/manage/groups/:slug`: a group's meetings, members and details. */
export class ManageGroupPage extends AbstractPage {
  readonly planForm: Locator;

  private constructor(page: Page) {
    super(page);
    this.planForm = this.main.locator('form[action$="/meetings"]');
  }

  static async verifyOnPage(page: Page, group: string): Promise<ManageGroupPage> {
    const manage = new ManageGroupPage(page);
    await manage.checkHeading(group);
    return manage;
  }

  /** Fills in the "plan a meeting" form (a date as day, month and year; times as typed). */
  async planMeeting(values: {
    day: string;
    month: string;
    year: string;
    start: string;
    end: string;
    place: string;
  }) {
    await this.planForm.locator("#date-day").fill(values.day);
    await this.planForm.locator("#date-month").fill(values.month);
    await this.planForm.locator("#date-year").fill(values.year);
    await this.planForm.getByLabel("Start time").fill(values.start);
    await this.planForm.getByLabel("End time").fill(values.end);
    await this.planForm.getByLabel("Place").fill(values.place);
    return this.planForm.getByRole("button", { name: "Plan the meeting" });
  }
}

/** `/manage/meetings/:id`: one meeting's minutes workflow, attendance, agenda, actions and details. */
export class ManageMeetingPage extends AbstractPage {
  readonly confirmation: Locator;
  readonly detailsForm: Locator;
  readonly itemForm: Locator;
  readonly agreeForm: Locator;
  readonly publishForm: Locator;

  private constructor(page: Page) {
    super(page);
    this.confirmation = this.main.locator(".ds_notification-message");
    this.detailsForm = this.main
      .locator("form")
      .filter({ has: page.getByRole("button", { name: "Save the meeting's details" }) });
    this.itemForm = this.main.locator('form[action$="/items"]');
    this.agreeForm = this.main.locator('form[action$="/agree"]');
    this.publishForm = this.main.locator('form[action$="/publish"]');
  }

  static async verifyOnPage(page: Page): Promise<ManageMeetingPage> {
    const manage = new ManageMeetingPage(page);
    await manage.checkHeading(/: meeting on /);
    return manage;
  }

  meetingId(): number {
    return Number(/\/manage\/meetings\/(\d+)/.exec(this.page.url())![1]);
  }

  recordAttendance(): Locator {
    return this.main.getByRole("link", { name: "Record attendance" });
  }
}

/** `/manage/meetings/:id/attendance`: one row per person. */
export class AttendancePage extends AbstractPage {
  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<AttendancePage> {
    const attendance = new AttendancePage(page);
    await attendance.checkHeading(/: meeting on /);
    return attendance;
  }

  async fillRow(
    n: number,
    values: { name: string; organisation: string; status?: string; coChair?: boolean },
  ) {
    await this.page.locator(`#attendance-person-${n}`).fill(values.name);
    await this.page.locator(`#attendance-organisation-${n}`).fill(values.organisation);
    if (values.status) await this.page.locator(`#attendance-status-${n}`).selectOption(values.status);
    // The design system draws the box over the input: a person clicks its label.
    if (values.coChair) await this.page.locator(`label[for="attendance-coChair-${n}"]`).click();
  }

  save(): Locator {
    return this.main.getByRole("button", { name: "Save the attendance" });
  }
}

/** `/groups/:slug/meetings/:id`: the minutes as the public read them. */
export class MinutesPage extends AbstractPage {
  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<MinutesPage> {
    const minutes = new MinutesPage(page);
    await minutes.checkHeading(/ minutes: /);
    return minutes;
  }
}

/** `/manage/agenda-items/:id`: one item's minute and its papers, with the form to add one (a link or a file). */
export class AgendaItemPage extends AbstractPage {
  readonly confirmation: Locator;
  readonly paperForm: Locator;

  private constructor(page: Page) {
    super(page);
    this.confirmation = this.main.locator(".ds_notification-message");
    this.paperForm = this.main.locator('form[action$="/papers"]');
  }

  static async verifyOnPage(page: Page, title: string): Promise<AgendaItemPage> {
    const item = new AgendaItemPage(page);
    await item.checkHeading(title);
    return item;
  }

  /** Fills in the paper form with a file; `public` ticks "anyone may read it". */
  async addPaperWithFile(values: {
    title: string;
    reference: string;
    file: { name: string; mimeType: string; buffer: Buffer };
    public: boolean;
  }): Promise<Locator> {
    await this.paperForm.getByLabel("Title of the paper").fill(values.title);
    await this.paperForm.getByLabel("Reference").fill(values.reference);
    await this.paperForm.getByLabel("The paper's file").setInputFiles(values.file);
    // The design system draws the box over the input: a person clicks its label.
    if (values.public) await this.paperForm.locator('label[for="paper-public"]').click();
    return this.paperForm.getByRole("button", { name: "Add the paper" });
  }

  /** Opens "Put a new file in place of …" for a paper and chooses the file; returns its button. */
  async replaceFile(
    paperTitle: string,
    file: { name: string; mimeType: string; buffer: Buffer },
  ): Promise<Locator> {
    const disclosure = this.main.locator("details", {
      has: this.page.getByText(`Put a new file in place of ${paperTitle}`, { exact: true }),
    });
    await disclosure.locator("summary").click();
    await disclosure.getByLabel(`The new file for ${paperTitle}`).setInputFiles(file);
    return disclosure.getByRole("button", { name: "Replace the file" });
  }

  fileLink(fileName: string): Locator {
    return this.main.getByRole("link", { name: `Download ${fileName}` });
  }
}

/** `/groups/:slug/actions` and `/manage/groups/:slug/actions`: a group's action log. */
export class ActionLogPage extends AbstractPage {
  readonly table: Locator;

  private constructor(page: Page) {
    super(page);
    this.table = this.main.locator("table");
  }

  static async verifyOnPage(page: Page): Promise<ActionLogPage> {
    const log = new ActionLogPage(page);
    await log.checkHeading(/Action log$/);
    return log;
  }
}
