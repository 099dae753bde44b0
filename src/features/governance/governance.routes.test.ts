import { describe, expect, it } from "vitest";
import { auditCount } from "../../../test/support/editing-fixtures.ts";
import { unique } from "../../../test/support/factories.ts";
import { governanceApp } from "../../../test/support/governance-app.ts";
import { getPage, postForm, signIn } from "../../../test/support/http.ts";
import { addAgendaItem, addPaper } from "./agenda.service.ts";
import { createGroup } from "./group.service.ts";
import { planMeeting } from "./meeting.service.ts";
import { agreeMinutes, publishMinutes } from "./minutes.service.ts";

// The governance pages over HTTP: what the public may see (published minutes and public papers
// only), and forms that refuse bad input with a message naming the field, saving nothing.

const { app, db, admin, run } = await governanceApp();

async function groupWithMeetings() {
  const group = await run((trx) => createGroup(trx, admin, { name: unique("Workforce Development Group") }));
  const published = await run((trx) =>
    planMeeting(trx, admin, group.id, { date: "2024-08-05", status: "held" }),
  );
  const item = await run((trx) => addAgendaItem(trx, admin, published, { title: "Workforce development" }));
  await run((trx) =>
    addPaper(trx, admin, item, {
      title: "Public timeline",
      url: "https://example.org/timeline",
      public: true,
    }),
  );
  await run((trx) =>
    addPaper(trx, admin, item, { title: "Private groups map", url: "https://example.org/private" }),
  );
  await run((trx) => agreeMinutes(trx, admin, published, {}));
  await run((trx) => publishMinutes(trx, admin, published, { publishedOn: "2024-10-04" }));
  const draft = await run((trx) => planMeeting(trx, admin, group.id, { date: "2024-09-10", status: "held" }));
  await run((trx) => addAgendaItem(trx, admin, draft, { title: "A draft item nobody outside may read" }));
  return { group, published, draft };
}

describe("what the public see of a group", () => {
  it("lists only meetings with published minutes, and never a draft's minutes or a private paper", async () => {
    const { group, published, draft } = await groupWithMeetings();
    const groupPage = await getPage(app, undefined, `/groups/${group.slug}`);
    expect(groupPage.statusCode).toBe(200);
    expect(groupPage.body).toContain(`/groups/${group.slug}/meetings/${published}`);
    expect(groupPage.body).not.toContain(`/meetings/${draft}`);
    expect(groupPage.body).not.toContain("10 September 2024");

    const minutes = await getPage(app, undefined, `/groups/${group.slug}/meetings/${published}`);
    expect(minutes.statusCode).toBe(200);
    expect(minutes.body).toContain("Public timeline");
    expect(minutes.body).not.toContain("Private groups map");
    expect(minutes.body).not.toContain("example.org/private");

    const hidden = await getPage(app, undefined, `/groups/${group.slug}/meetings/${draft}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).not.toContain("A draft item nobody outside may read");
    // A meeting at another group's address is not found either.
    const other = await run((trx) => createGroup(trx, admin, { name: unique("Other group") }));
    expect((await getPage(app, undefined, `/groups/${other.slug}/meetings/${published}`)).statusCode).toBe(
      404,
    );
  });

  it("shows a reader the draft minutes and the private paper, marked as not public", async () => {
    const { group, draft, published } = await groupWithMeetings();
    const reader = await signIn(app, db, "reader");
    const page = await getPage(app, reader, `/groups/${group.slug}/meetings/${draft}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("they are not public yet");
    expect(page.headers["cache-control"]).toContain("no-store");
    expect((await getPage(app, reader, `/groups/${group.slug}/meetings/${published}`)).body).toContain(
      "Private groups map",
    );
  });
});

describe("forms that refuse bad input", () => {
  it("say which field is wrong, keep what was typed, and save nothing", async () => {
    const { group, draft } = await groupWithMeetings();
    const editor = await signIn(app, db, "programme_editor");
    const ended = await run((trx) =>
      createGroup(trx, admin, { name: unique("Ended group"), status: "ended" }),
    );
    const before = await auditCount(db);

    const times = await postForm(app, editor, `/manage/groups/${group.slug}/meetings`, {
      "date-day": "1",
      "date-month": "10",
      "date-year": "2024",
      startTime: "15:00",
      endTime: "2pm",
      place: "Perth",
    });
    expect(times.statusCode).toBe(400);
    expect(times.body).toContain("The end time must be after the start time");
    expect(times.body).toContain('href="#meeting-endTime"');
    expect(times.body).toContain('value="Perth"');

    const twice = await postForm(app, editor, `/manage/meetings/${draft}/attendance`, {
      "person-1": "Jane Scott",
      "organisation-1": "CELCIS",
      "person-2": "jane scott",
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain("is listed twice, in rows 1 and 2");

    const deputy = await postForm(app, editor, `/manage/groups/${group.slug}/members`, {
      person: "A Deputy",
      deputyFor: "Nobody In This Group",
    });
    expect(deputy.statusCode).toBe(400);
    expect(deputy.body).toContain("Nobody In This Group is not a member of this group");

    const late = await postForm(app, editor, `/manage/groups/${ended.slug}/meetings`, {
      "date-day": "1",
      "date-month": "10",
      "date-year": "2024",
    });
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain("has ended, so it cannot have meetings");

    const nonsense = await postForm(app, editor, `/manage/groups/${group.slug}/meetings`, {
      "date-day": "31",
      "date-month": "2",
      "date-year": "2024",
      startTime: "25:99",
    });
    expect(nonsense.statusCode).toBe(400);
    expect(nonsense.body).toContain("The date of the meeting must be a real date");
    expect(nonsense.body).toContain("Enter the start time as a time");

    expect(await auditCount(db)).toBe(before);
    expect(await db.selectFrom("person").select("id").where("name", "=", "A Deputy").execute()).toEqual([]);
  });

  it("refuse a secretary of another group, and send the public to sign in", async () => {
    const { group } = await groupWithMeetings();
    const other = await run((trx) => createGroup(trx, admin, { name: unique("Another group") }));
    const secretary = await signIn(app, db, [{ role: "group_secretary", groupId: other.id }]);
    expect((await getPage(app, secretary, `/manage/groups/${group.slug}`)).statusCode).toBe(403);
    expect((await getPage(app, secretary, `/manage/groups/${other.slug}`)).statusCode).toBe(200);
    const anonymous = await getPage(app, undefined, `/manage/groups/${group.slug}`);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain("/sign-in");
  });
});
