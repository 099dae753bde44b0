import type { Actor } from "../../platform/actor.ts";
import { recordAudit, withoutVersion } from "../../platform/audit.ts";
import type { Db, Trx } from "../../platform/database.ts";
import { fullDate } from "../../platform/dates.ts";
import { ConflictError, type FieldErrors, NotFoundError, StaleVersionError } from "../../platform/errors.ts";
import { authorize, can } from "../../platform/security/authorize.ts";
import {
  checkText,
  clean,
  optional,
  type Submitted,
  short,
  throwIfInvalid,
} from "../../platform/validation.ts";
import * as agenda from "./agenda.repository.ts";
import type { DateInput, GroupSummary, Meeting, MeetingSummary } from "./governance.types.ts";
import { MEETING_STATUSES } from "./governance.types.ts";
import { checkChoice, checkDateInput, checkFlag, checkTime } from "./governance.validation.ts";
import * as groups from "./group.repository.ts";
import * as repo from "./meeting.repository.ts";

// Meetings: planning them, changing their details and status, setting the next one, and reading
// one in full. Attendance is in attendance.service.ts, agenda items and papers in
// agenda.service.ts, actions in action.service.ts, the minutes workflow in minutes.service.ts.

export interface MeetingInput {
  date: DateInput | undefined;
  /** "HH:MM", "15:05" or "3.05pm". */
  startTime?: Submitted;
  endTime?: Submitted;
  place?: Submitted;
  online?: Submitted | boolean;
  status?: Submitted;
}

/** A meeting with its group, or NotFoundError. Reads no private detail. */
export async function meetingAndGroup(
  db: Db,
  meetingId: number,
): Promise<{ meeting: NonNullable<Awaited<ReturnType<typeof repo.findMeeting>>>; group: GroupSummary }> {
  const meeting = await repo.findMeeting(db, meetingId);
  const group = meeting && (await groups.findGroupById(db, meeting.groupId));
  if (!meeting || !group) throw new NotFoundError("There is no such meeting.");
  return { meeting, group };
}

/**
 * A meeting to change: it must exist and the actor must manage its group. The meeting's row is
 * locked, so two changes to one meeting queue rather than interleave.
 */
export async function meetingToChange(trx: Trx, actor: Actor, meetingId: number) {
  const found = await meetingAndGroup(trx, meetingId);
  authorize(actor, "group.manage", { groupId: found.group.id });
  await repo.lockMeeting(trx, meetingId);
  return found;
}

/** Refuses changes to minutes once they are agreed: amendments are noted, the record stays. */
export function refuseIfMinutesFixed(meeting: MeetingSummary): void {
  if (meeting.minutesStatus !== "draft")
    throw new ConflictError(
      `The minutes of this meeting are ${meeting.minutesStatus}, so they can no longer be changed. ` +
        "Note any amendments when they are agreed.",
    );
}

function checkMeeting(input: MeetingInput, group: GroupSummary, errors: FieldErrors) {
  const date = checkDateInput(errors, "date", input.date, { what: "date of the meeting", required: true });
  const startTime = checkTime(errors, "startTime", input.startTime, "start time");
  const endTime = checkTime(errors, "endTime", input.endTime, "end time");
  if (startTime && endTime && endTime <= startTime)
    errors.endTime = "The end time must be after the start time";
  const place = checkText(errors, "place", input.place, short("place", optional));
  const online = checkFlag(input.online);
  const status =
    clean(typeof input.status === "string" ? input.status : undefined) === ""
      ? "planned"
      : checkChoice(errors, "status", input.status, MEETING_STATUSES, "Choose planned, held or cancelled");
  if (date && !errors.date) {
    if (group.status === "ended")
      errors.date = `${group.name} has ended, so it cannot have meetings. Change the group's status first`;
    else if (group.endDate && date > group.endDate)
      errors.date = `${group.name} ends on ${fullDate(group.endDate)}: the meeting must be on or before that date`;
    else if (group.startDate && date < group.startDate)
      errors.date = `${group.name} starts on ${fullDate(group.startDate)}: the meeting must be on or after that date`;
  }
  return { date, startTime, endTime, place, online, status: status ?? "planned" };
}

/** Plans a meeting of a group (needs group.manage for it). Returns the new meeting's id. */
export async function planMeeting(
  trx: Trx,
  actor: Actor,
  groupId: number,
  input: MeetingInput,
): Promise<number> {
  const group = await groups.findGroupById(trx, groupId);
  if (!group) throw new NotFoundError("There is no such group.");
  authorize(actor, "group.manage", { groupId });
  await groups.lockGroup(trx, groupId);
  const errors: FieldErrors = {};
  const values = checkMeeting(input, group, errors);
  throwIfInvalid(errors);
  const id = await repo.insertMeeting(trx, {
    group_id: groupId,
    meeting_date: values.date as string,
    start_time: values.startTime,
    end_time: values.endTime,
    place: values.place,
    online: values.online,
    status: values.status,
  });
  await recordAudit(trx, actor, {
    action: "meeting.plan",
    entityType: "meeting",
    entityId: id,
    after: values,
  });
  return id;
}

/**
 * Changes a meeting's date, times, place and status (needs group.manage for its group). The form
 * was made from the meeting's details at `version`: if someone has saved them since, nothing is
 * saved (StaleVersionError). Attendance, the agenda and the minutes are not its details.
 */
export async function updateMeeting(
  trx: Trx,
  actor: Actor,
  meetingId: number,
  version: number,
  input: MeetingInput,
): Promise<void> {
  const { meeting, group } = await meetingToChange(trx, actor, meetingId);
  if (meeting.version !== version) throw new StaleVersionError();
  const errors: FieldErrors = {};
  const values = checkMeeting(input, group, errors);
  if (values.date && values.date !== meeting.date && meeting.minutesStatus !== "draft")
    errors.date = "The minutes of this meeting are agreed, so its date cannot change";
  throwIfInvalid(errors);
  const saved = await repo.updateMeetingDetails(
    trx,
    meetingId,
    {
      meeting_date: values.date as string,
      start_time: values.startTime,
      end_time: values.endTime,
      place: values.place,
      online: values.online,
      status: values.status,
    },
    version,
  );
  if (!saved) throw new StaleVersionError();
  await recordAudit(trx, actor, {
    action: "meeting.update",
    entityType: "meeting",
    entityId: meetingId,
    before: withoutVersion(meeting),
    after: values,
  });
}

/**
 * Sets the group's next meeting from this one: plans it (or finds the group's meeting already on
 * that date) and links it. Returns the next meeting's id.
 */
export async function setNextMeeting(
  trx: Trx,
  actor: Actor,
  meetingId: number,
  input: MeetingInput,
): Promise<number> {
  const { meeting, group } = await meetingToChange(trx, actor, meetingId);
  const errors: FieldErrors = {};
  const values = checkMeeting({ ...input, status: "planned" }, group, errors);
  if (values.date && !errors.date && values.date <= meeting.date)
    errors.date = `The next meeting must be after this one, on ${fullDate(meeting.date)}`;
  throwIfInvalid(errors);
  const existing = (await repo.listMeetings(trx, group.id, { publishedOnly: false })).find(
    (m) => m.date === values.date && m.id !== meetingId,
  );
  let nextId: number;
  if (existing) {
    nextId = existing.id;
    // The next meeting's details change: a form open on them is now out of date.
    await repo.updateMeetingDetails(trx, nextId, {
      start_time: values.startTime ?? existing.startTime,
      end_time: values.endTime ?? existing.endTime,
      place: values.place || existing.place,
      online: values.online || existing.online,
    });
  } else {
    nextId = await repo.insertMeeting(trx, {
      group_id: group.id,
      meeting_date: values.date as string,
      start_time: values.startTime,
      end_time: values.endTime,
      place: values.place,
      online: values.online,
      status: "planned",
    });
  }
  await repo.updateMeeting(trx, meetingId, { next_meeting_id: nextId });
  await recordAudit(trx, actor, {
    action: "meeting.set_next",
    entityType: "meeting",
    entityId: meetingId,
    before: { nextMeetingId: meeting.nextMeetingId },
    after: { nextMeetingId: nextId, ...values },
  });
  return nextId;
}

/** May the actor see this meeting's unpublished minutes and private papers? */
export function mayReadPrivate(actor: Actor, groupId: number): boolean {
  return can(actor, "group.read_private", { groupId });
}

/**
 * One meeting in full. Minutes that are not published are "not found" to anyone who may not read
 * the group's private business (so their existence does not leak), and so are private papers.
 */
export async function getMeeting(db: Db, actor: Actor, meetingId: number): Promise<Meeting> {
  const { meeting, group } = await meetingAndGroup(db, meetingId);
  const all = mayReadPrivate(actor, group.id);
  if (!all && meeting.minutesStatus !== "published") throw new NotFoundError("There is no such meeting.");
  const [attendance, items, papers, actions, mattersArising, agreedAt, nextMeeting] = await Promise.all([
    repo.listAttendance(db, meetingId),
    agenda.listItems(db, meetingId),
    agenda.listPapers(db, meetingId, { publicOnly: !all }),
    agenda.listActions(db, meetingId),
    agenda.listMattersArising(db, group.id, meeting),
    meeting.agreedAtMeetingId === null ? undefined : repo.findMeetingSummary(db, meeting.agreedAtMeetingId),
    meeting.nextMeetingId === null ? undefined : repo.findMeetingSummary(db, meeting.nextMeetingId),
  ]);
  const itemIds = new Set(items.map((i) => i.id));
  return {
    id: meeting.id,
    groupId: meeting.groupId,
    date: meeting.date,
    startTime: meeting.startTime,
    endTime: meeting.endTime,
    place: meeting.place,
    online: meeting.online,
    status: meeting.status,
    minutesStatus: meeting.minutesStatus,
    publishedOn: meeting.publishedOn,
    version: meeting.version,
    group: { id: group.id, slug: group.slug, name: group.name },
    agreedAt: agreedAt ?? null,
    amendments: meeting.amendments,
    nextMeeting: nextMeeting ?? null,
    attendance,
    items: items.map((item) => ({
      ...item,
      papers: papers.filter((p) => p.agendaItemId === item.id),
      actions: actions.filter((a) => a.agendaItemId === item.id),
    })),
    otherActions: actions.filter((a) => a.agendaItemId === null || !itemIds.has(a.agendaItemId)),
    mattersArising,
  };
}

/** A group's meetings the actor may see (the public: published minutes only), latest first. */
export async function listGroupMeetings(db: Db, actor: Actor, groupId: number): Promise<MeetingSummary[]> {
  return repo.listMeetings(db, groupId, { publishedOnly: !mayReadPrivate(actor, groupId) });
}
