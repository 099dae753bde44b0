import { describe, expect, it } from "vitest";
import { auditCount, refusal } from "../../../test/support/editing-fixtures.ts";
import { PUBLIC } from "../../platform/actor.ts";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../platform/errors.ts";
import { addAction, setActionStatus } from "./action.service.ts";
import { addAgendaItem, addPaper } from "./agenda.service.ts";
import { recordAttendance } from "./attendance.service.ts";
import { governanceDatabase } from "./governance.test-support.ts";
import { getMeeting, planMeeting, setNextMeeting, updateMeeting } from "./meeting.service.ts";
import { addMembership } from "./membership.service.ts";
import { agreeMinutes, publishMinutes } from "./minutes.service.ts";

const { db, editor, reader, run, makeGroup, secretaryOf } = await governanceDatabase();

describe("meetings", () => {
  it("a secretary plans a meeting, records who came, writes the minutes, and they reach the public once published", async () => {
    const group = await makeGroup();
    const secretary = await secretaryOf(group.id);
    await run((trx) =>
      addMembership(trx, secretary, group.id, {
        person: "Louise Long",
        organisation: "SOLACE",
        role: "co_chair",
      }),
    );
    await run((trx) =>
      addMembership(trx, secretary, group.id, { person: "Laura Caven", organisation: "CoSLA" }),
    );
    const meetingId = await run((trx) =>
      planMeeting(trx, secretary, group.id, {
        date: "2024-05-21",
        startTime: "10:00",
        endTime: "12.30pm",
        place: "Edinburgh",
      }),
    );
    await run((trx) =>
      updateMeeting(trx, secretary, meetingId, 0, {
        date: { day: "21", month: "5", year: "2024" },
        startTime: "10:00",
        endTime: "12:30",
        place: "Edinburgh",
        status: "held",
      }),
    );
    await run((trx) =>
      recordAttendance(trx, secretary, meetingId, [
        { person: "Louise Long", organisation: "SOLACE", coChair: true },
        { person: "Laura Caven", organisation: "cosla", status: "deputised", deputisedBy: "Gillian Gibson" },
        { person: "" },
      ]),
    );
    const itemId = await run((trx) =>
      addAgendaItem(trx, secretary, meetingId, {
        title: "Welcome from co-chairs",
        notes: "Louise Long welcomed members.",
        discussionPoints: "• first point\n\n- second point",
        decisions: "Agreed the approach",
      }),
    );
    await run((trx) =>
      addPaper(trx, secretary, itemId, {
        title: "Timeline",
        reference: "paper 5/1",
        url: "https://example.org/p",
      }),
    );
    await run((trx) =>
      addAction(trx, secretary, meetingId, {
        text: "Collate the feedback",
        agendaItemId: String(itemId),
        ownerOrganisation: "CELCIS",
      }),
    );
    const nextId = await run((trx) =>
      setNextMeeting(trx, secretary, meetingId, {
        date: "2024-06-11",
        startTime: "3.05pm",
        endTime: "4.30pm",
        online: true,
      }),
    );

    await expect(getMeeting(db, PUBLIC, meetingId)).rejects.toBeInstanceOf(NotFoundError);
    const draft = await getMeeting(db, reader, meetingId);
    expect(
      draft.attendance.map((a) => [
        a.person.name,
        a.organisation?.name,
        a.status,
        a.deputisedBy?.name ?? null,
        a.coChair,
      ]),
    ).toEqual([
      ["Louise Long", "SOLACE", "present", null, true],
      ["Laura Caven", "CoSLA", "deputised", "Gillian Gibson", false],
    ]);
    expect(draft.items[0]).toMatchObject({
      discussionPoints: ["first point", "second point"],
      decisions: ["Agreed the approach"],
    });
    expect(draft.items[0]!.papers.map((p) => p.reference)).toEqual(["paper 5/1"]);
    expect(draft.nextMeeting).toMatchObject({
      id: nextId,
      date: "2024-06-11",
      startTime: "15:05",
      endTime: "16:30",
      online: true,
    });

    await run((trx) =>
      updateMeeting(trx, secretary, nextId, 0, {
        date: "2024-06-11",
        startTime: "15:05",
        endTime: "16:30",
        online: true,
        status: "held",
      }),
    );
    const later = await getMeeting(db, reader, nextId);
    expect(later.mattersArising.map((a) => a.text)).toEqual(["Collate the feedback"]);

    await run((trx) =>
      agreeMinutes(trx, secretary, meetingId, {
        agreedAt: String(nextId),
        amendments: "Spelling of a name corrected.",
      }),
    );
    await run((trx) => publishMinutes(trx, secretary, meetingId, { publishedOn: "2024-07-01" }));
    const published = await getMeeting(db, PUBLIC, meetingId);
    expect(published.minutesStatus).toBe("published");
    expect(published.agreedAt?.id).toBe(nextId);
    // The paper was never made public.
    expect(published.items[0]!.papers).toEqual([]);

    const action = draft.items[0]!.actions[0]!;
    await run((trx) =>
      setActionStatus(trx, secretary, action.id, { status: "closed", closedOn: "2024-06-01" }),
    );
    const third = await run((trx) => planMeeting(trx, secretary, group.id, { date: "2024-09-10" }));
    expect((await getMeeting(db, reader, third)).mattersArising).toEqual([]);
  });

  it("refuses an end time before the start, naming the field, and saves nothing", async () => {
    const group = await makeGroup();
    const before = await auditCount(db);
    const error = await refusal(
      run((trx) =>
        planMeeting(trx, editor, group.id, { date: "2025-01-10", startTime: "15:00", endTime: "14:00" }),
      ),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fields).toEqual({ endTime: "The end time must be after the start time" });
    expect(await auditCount(db)).toBe(before);
  });

  it("refuses a meeting date in an ended group, or after its end date", async () => {
    const ended = await makeGroup({ status: "ended" });
    expect(
      (await refusal(run((trx) => planMeeting(trx, editor, ended.id, { date: "2025-01-10" })))).fields.date,
    ).toContain("has ended");
    const ending = await makeGroup({ startDate: "2024-01-01", endDate: "2024-12-31" });
    expect(
      (await refusal(run((trx) => planMeeting(trx, editor, ending.id, { date: "2025-01-10" })))).fields.date,
    ).toContain("ends on 31 December 2024");
  });

  it("refuses duplicate attendance rows and a deputy sent by someone not in the group, saving nothing", async () => {
    const group = await makeGroup();
    const meetingId = await run((trx) => planMeeting(trx, editor, group.id, { date: "2025-02-01" }));
    const before = await auditCount(db);
    const twice = await refusal(
      run((trx) =>
        recordAttendance(trx, editor, meetingId, [{ person: "Jane Scott" }, { person: "jane  scott" }]),
      ),
    );
    expect(twice.fields).toEqual({
      "person-2": "jane  scott is listed twice, in rows 1 and 2: keep one row",
    });
    const deputy = await refusal(
      run((trx) =>
        recordAttendance(trx, editor, meetingId, [
          { person: "Not A Member", status: "deputised", deputisedBy: "Someone" },
        ]),
      ),
    );
    expect(deputy.fields["status-1"]).toContain("is not a member");
    expect(await auditCount(db)).toBe(before);
    expect((await getMeeting(db, editor, meetingId)).attendance).toEqual([]);
    expect(await db.selectFrom("person").select("id").where("name", "=", "Someone").execute()).toEqual([]);
  });

  it("refuses a membership deputising for someone not in the group", async () => {
    const group = await makeGroup();
    const error = await refusal(
      run((trx) => addMembership(trx, editor, group.id, { person: "A Deputy", deputyFor: "Nobody Here" })),
    );
    expect(error.fields.deputyFor).toContain("is not a member of this group");
  });

  it("keeps agreed minutes fixed, and lets only the group's secretary change them", async () => {
    const group = await makeGroup();
    const other = await makeGroup();
    const meetingId = await run((trx) =>
      planMeeting(trx, editor, group.id, { date: "2025-03-01", status: "held" }),
    );
    const otherSecretary = await secretaryOf(other.id);
    expect(
      await refusal(run((trx) => addAgendaItem(trx, otherSecretary, meetingId, { title: "x" }))),
    ).toBeInstanceOf(ForbiddenError);
    expect(await refusal(run((trx) => publishMinutes(trx, editor, meetingId, {})))).toBeInstanceOf(
      ValidationError,
    );
    await run((trx) => agreeMinutes(trx, editor, meetingId, {}));
    expect(
      await refusal(run((trx) => addAgendaItem(trx, editor, meetingId, { title: "Late item" }))),
    ).toBeInstanceOf(ConflictError);
  });
});
