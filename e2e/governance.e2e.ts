import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createUser } from "../src/features/accounts/user.service.ts";
import { DEMO_GROUP_NAME } from "../src/features/demo/governance-demo.ts";
import { slugify } from "../src/platform/slugs.ts";
import {
  ActionLogPage,
  AgendaItemPage,
  AttendancePage,
  ManageGroupPage,
  ManageMeetingPage,
  MinutesPage,
} from "./pages/governance-pages.ts";
import { SignInPage } from "./pages/sign-in-page.ts";
import { DESKTOP, launchBrowser, NO_JS, Visitor } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

// The secretary's journey through a meeting of the demo's National Leadership Group, in a browser,
// with JavaScript and without: plan the meeting, record who came, write an item of the minutes,
// attach a paper's file and put a corrected one in its place, agree them, publish them, open the action log; readers without an account
// see the minutes and the public paper only once published. Every page passes axe-core.

const PAPER = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
const CORRECTED_PAPER = Buffer.from(PAPER.toString().replace("%%EOF", "% corrected\n%%EOF"));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SLUG = slugify(DEMO_GROUP_NAME);
const PASSWORD = "a long secretary password";

describe.each([DESKTOP, NO_JS])("the group's secretary, $name,", (mode) => {
  let server: TestServer;
  let secretary: Visitor;
  let reader: Visitor;
  let email: string;
  beforeEach(async () => {
    server = await startServer("demo");
    const group = await server.db
      .selectFrom("governance_group")
      .select("id")
      .where("slug", "=", SLUG)
      .executeTakeFirstOrThrow();
    email = `secretary-${mode.name.replace(/\W+/g, "-")}@example.test`;
    await createUser(server.db, {
      email,
      name: "Group secretary",
      grants: [{ role: "group_secretary", groupId: group.id }],
      password: PASSWORD,
    });
    secretary = await Visitor.open(browser, server.url, mode);
    reader = await Visitor.open(browser, server.url, mode);
  });
  afterEach(async () => {
    await secretary?.close();
    await reader?.close();
    await server?.close();
  });

  it("saving a meeting's details from an out-of-date page is refused, keeping what was typed and showing what is saved now", async () => {
    const meeting = await server.db
      .selectFrom("meeting")
      .select("id")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const path = `/manage/meetings/${meeting.id}`;
    // The same secretary in two browser windows, each opened before either saves.
    const other = await Visitor.open(browser, server.url, mode);
    try {
      for (const window of [secretary, other]) {
        await window.goto(path);
        await (await SignInPage.verifyOnPage(window.page)).signInAs(email, PASSWORD);
        await ManageMeetingPage.verifyOnPage(window.page);
      }
      const first = await ManageMeetingPage.verifyOnPage(secretary.page);
      await first.detailsForm.getByLabel("Place").fill("Dundee");
      await secretary.clickAndWait(() =>
        first.detailsForm.getByRole("button", { name: "Save the meeting's details" }).click(),
      );
      expect(
        await (await ManageMeetingPage.verifyOnPage(secretary.page)).confirmation.textContent(),
      ).toBeTruthy();

      const second = await ManageMeetingPage.verifyOnPage(other.page);
      await second.detailsForm.getByLabel("Place").fill("Inverness");
      const answered = other.page.waitForResponse((r) => r.request().isNavigationRequest());
      await other.clickAndWait(() =>
        second.detailsForm.getByRole("button", { name: "Save the meeting's details" }).click(),
      );
      expect((await answered).status()).toBe(409);
      const refused = await ManageMeetingPage.verifyOnPage(other.page);
      expect(await refused.detailsForm.getByLabel("Place").inputValue()).toBe("Inverness");
      expect(await other.page.locator("main").textContent()).toContain("Dundee");
      await other.expectAccessibleAndClean();
    } finally {
      await other.close();
    }
  });

  it("plans a meeting, records attendance, writes the minutes, attaches a paper, agrees and publishes them, opens the action log", async () => {
    await secretary.goto(`/manage/groups/${SLUG}`);
    await (await SignInPage.verifyOnPage(secretary.page)).signInAs(email, PASSWORD);
    const group = await ManageGroupPage.verifyOnPage(secretary.page, DEMO_GROUP_NAME);
    await secretary.expectAccessibleAndClean();

    const plan = await group.planMeeting({
      day: "10",
      month: "9",
      year: "2024",
      start: "15:05",
      end: "16:30",
      place: "Glasgow",
    });
    await secretary.clickAndWait(() => plan.click());
    let meeting = await ManageMeetingPage.verifyOnPage(secretary.page);
    expect(await meeting.confirmation.textContent()).toContain("The meeting has been planned");
    const meetingId = meeting.meetingId();
    await secretary.expectAccessibleAndClean();

    // Not public while the minutes are a draft.
    await reader.goto(`/groups/${SLUG}/meetings/${meetingId}`, 404);

    await meeting.detailsForm.getByLabel("Status").selectOption("held");
    await secretary.clickAndWait(() =>
      meeting.detailsForm.getByRole("button", { name: "Save the meeting's details" }).click(),
    );
    meeting = await ManageMeetingPage.verifyOnPage(secretary.page);

    await secretary.clickAndWait(() => meeting.recordAttendance().click());
    const attendance = await AttendancePage.verifyOnPage(secretary.page);
    await secretary.expectAccessibleAndClean();
    await attendance.fillRow(1, { name: "Louise Long", organisation: "SOLACE", coChair: true });
    await attendance.fillRow(2, { name: "Laura Caven", organisation: "CoSLA", status: "apologies" });
    await attendance.fillRow(3, { name: "Alex McTier", organisation: "CELCIS" });
    await secretary.clickAndWait(() => attendance.save().click());
    meeting = await ManageMeetingPage.verifyOnPage(secretary.page);
    expect(await meeting.confirmation.textContent()).toContain("The attendance has been saved");

    await meeting.itemForm.getByLabel("Title").fill("Workforce development");
    await meeting.itemForm
      .getByLabel("Minute of the item")
      .fill("Alex McTier set out how CELCIS will research workforce wellbeing.");
    await meeting.itemForm
      .getByLabel("Points made in discussion")
      .fill("Map existing research first\nAvoid new surveys for now");
    await secretary.clickAndWait(() =>
      meeting.itemForm.getByRole("button", { name: "Add the item" }).click(),
    );
    meeting = await ManageMeetingPage.verifyOnPage(secretary.page);
    await secretary.expectAccessibleAndClean();

    // A paper for the item, as a file: public once the minutes are.
    await secretary.clickAndWait(() =>
      meeting.main.getByRole("link", { name: "Change Workforce development", exact: true }).click(),
    );
    let item = await AgendaItemPage.verifyOnPage(secretary.page, "Workforce development");
    await secretary.expectAccessibleAndClean();
    const addPaper = await item.addPaperWithFile({
      title: "Workforce wellbeing research plan",
      reference: "paper 3/1",
      file: { name: "wellbeing plan.pdf", mimeType: "application/pdf", buffer: PAPER },
      public: true,
    });
    await secretary.clickAndWait(() => addPaper.click());
    item = await AgendaItemPage.verifyOnPage(secretary.page, "Workforce development");
    expect(await item.confirmation.textContent()).toContain("The paper has been added");
    await item.fileLink("wellbeing plan.pdf").waitFor();
    await secretary.expectAccessibleAndClean();
    // The wrong version went up: a corrected one takes its place.
    const replace = await item.replaceFile("Workforce wellbeing research plan", {
      name: "wellbeing plan v2.pdf",
      mimeType: "application/pdf",
      buffer: CORRECTED_PAPER,
    });
    await secretary.clickAndWait(() => replace.click());
    item = await AgendaItemPage.verifyOnPage(secretary.page, "Workforce development");
    expect(await item.confirmation.textContent()).toContain("The paper has been updated");
    const fileAddress = await item.fileLink("wellbeing plan v2.pdf").getAttribute("href");
    expect(fileAddress).toMatch(new RegExp(`^/groups/${SLUG}/papers/\\d+/file$`));
    await secretary.expectAccessibleAndClean();
    const asSecretary = await secretary.page.request.get(fileAddress!);
    expect(asSecretary.status()).toBe(200);
    expect(asSecretary.headers()["content-disposition"]).toContain("attachment;");
    expect(Buffer.from(await asSecretary.body())).toEqual(CORRECTED_PAPER);
    // The minutes are a draft: the paper is not public yet.
    expect((await reader.page.request.get(fileAddress!)).status()).toBe(404);
    await secretary.goto(`/manage/meetings/${meetingId}`);
    meeting = await ManageMeetingPage.verifyOnPage(secretary.page);

    await meeting.agreeForm.getByLabel("Amendments agreed").fill("A name corrected.");
    await secretary.clickAndWait(() =>
      meeting.agreeForm.getByRole("button", { name: "Mark the minutes as agreed" }).click(),
    );
    meeting = await ManageMeetingPage.verifyOnPage(secretary.page);
    expect(await meeting.confirmation.textContent()).toContain("agreed");
    await secretary.expectAccessibleAndClean();
    await reader.goto(`/groups/${SLUG}/meetings/${meetingId}`, 404);

    await secretary.clickAndWait(() =>
      meeting.publishForm.getByRole("button", { name: "Publish the minutes" }).click(),
    );
    meeting = await ManageMeetingPage.verifyOnPage(secretary.page);
    expect(await meeting.confirmation.textContent()).toContain("published");

    await reader.goto(`/groups/${SLUG}/meetings/${meetingId}`);
    const minutes = await MinutesPage.verifyOnPage(reader.page);
    // As a person reads it: the rendered text, line breaks between blocks.
    const text = (await minutes.texts(minutes.main)).join(" ");
    expect(text).toContain("Louise Long (Co-Chair), SOLACE");
    expect(text).toContain("Apologies Laura Caven, CoSLA");
    expect(text).toContain("Workforce development");
    expect(text).toContain("Map existing research first");
    expect(text).toContain("Amendments: A name corrected.");
    expect(text).toContain("download wellbeing plan v2.pdf");
    expect((await reader.page.request.get(fileAddress!)).status()).toBe(200);
    await reader.expectAccessibleAndClean();
    await secretary.expectAccessibleAndClean();

    // The action log: the secretariat's view from the group's page, the public one for readers.
    await secretary.goto(`/manage/groups/${SLUG}`);
    await ManageGroupPage.verifyOnPage(secretary.page, DEMO_GROUP_NAME);
    await secretary.clickAndWait(() => secretary.page.getByRole("link", { name: "The action log" }).click());
    await ActionLogPage.verifyOnPage(secretary.page);
    expect(secretary.page.url()).toContain(`/manage/groups/${SLUG}/actions`);
    await secretary.expectAccessibleAndClean();
    await reader.goto(`/groups/${SLUG}`);
    await reader.clickAndWait(() =>
      reader.page.getByRole("link", { name: "The group's action log" }).click(),
    );
    const log = await ActionLogPage.verifyOnPage(reader.page);
    await reader.page.getByLabel(/^Open actions/).check({ force: true });
    await reader.clickAndWait(() => log.main.getByRole("button", { name: "Show these actions" }).click());
    await ActionLogPage.verifyOnPage(reader.page);
    expect(reader.page.url()).toContain("status=open");
    await reader.expectAccessibleAndClean();
  });
});
