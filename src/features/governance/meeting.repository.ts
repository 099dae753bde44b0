import { type Insertable, sql, type Updateable } from "kysely";
import type { MeetingAttendanceTable, MeetingStatus, MeetingTable, MinutesStatus } from "../../db/schema.ts";
import type { Db } from "../../platform/database.ts";
import type { Attendance, MeetingSummary } from "./governance.types.ts";
import { organisationRef, personRef } from "./row-refs.ts";

// Meetings and their attendance: the SQL. Agenda items, papers and actions are in agenda.repository.ts.

const SUMMARY = [
  "id",
  "group_id",
  "meeting_date",
  "start_time",
  "end_time",
  "place",
  "online",
  "status",
  "minutes_status",
  "published_on",
] as const;

interface SummaryRow {
  id: number;
  group_id: number;
  meeting_date: string;
  start_time: string | null;
  end_time: string | null;
  place: string;
  online: boolean;
  status: MeetingStatus;
  minutes_status: MinutesStatus;
  published_on: string | null;
}

export function toMeetingSummary(row: SummaryRow): MeetingSummary {
  return {
    id: row.id,
    groupId: row.group_id,
    date: row.meeting_date,
    startTime: row.start_time,
    endTime: row.end_time,
    place: row.place,
    online: row.online,
    status: row.status,
    minutesStatus: row.minutes_status,
    publishedOn: row.published_on,
  };
}

/** A group's meetings, latest first; only those with published minutes when asked. */
export async function listMeetings(
  db: Db,
  groupId: number,
  options: { publishedOnly: boolean },
): Promise<MeetingSummary[]> {
  let query = db.selectFrom("meeting").select(SUMMARY).where("group_id", "=", groupId);
  if (options.publishedOnly) query = query.where("minutes_status", "=", "published");
  const rows = await query
    .orderBy("meeting_date", "desc")
    .orderBy("start_time", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map(toMeetingSummary);
}

export async function findMeeting(
  db: Db,
  id: number,
): Promise<
  | (MeetingSummary & {
      agreedAtMeetingId: number | null;
      amendments: string;
      nextMeetingId: number | null;
      version: number;
    })
  | undefined
> {
  const row = await db
    .selectFrom("meeting")
    .select([...SUMMARY, "agreed_at_meeting_id", "amendments", "next_meeting_id", "version"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    ...toMeetingSummary(row),
    agreedAtMeetingId: row.agreed_at_meeting_id,
    amendments: row.amendments,
    nextMeetingId: row.next_meeting_id,
    version: row.version,
  };
}

export async function findMeetingSummary(db: Db, id: number): Promise<MeetingSummary | undefined> {
  const row = await db.selectFrom("meeting").select(SUMMARY).where("id", "=", id).executeTakeFirst();
  return row && toMeetingSummary(row);
}

/** Locks the meeting's row for the rest of the transaction, so two changes to it queue. */
export async function lockMeeting(db: Db, id: number): Promise<void> {
  await db.selectFrom("meeting").select("id").where("id", "=", id).forUpdate().execute();
}

export async function insertMeeting(db: Db, values: Insertable<MeetingTable>): Promise<number> {
  const { id } = await db.insertInto("meeting").values(values).returning("id").executeTakeFirstOrThrow();
  return id;
}

export async function updateMeeting(db: Db, id: number, values: Updateable<MeetingTable>): Promise<void> {
  await db
    .updateTable("meeting")
    .set({ ...values, updated_at: new Date() })
    .where("id", "=", id)
    .execute();
}

/**
 * Changes the meeting's details (date, times, place, online, status) and moves its version on:
 * with `version`, only if it is still the one the form was made from (false when someone else
 * saved first; PostgreSQL re-checks it after waiting for a concurrent writer).
 */
export async function updateMeetingDetails(
  db: Db,
  id: number,
  values: Updateable<MeetingTable>,
  version?: number,
): Promise<boolean> {
  let query = db
    .updateTable("meeting")
    .set({ ...values, version: sql<number>`version + 1`, updated_at: new Date() })
    .where("id", "=", id);
  if (version !== undefined) query = query.where("version", "=", version);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function listAttendance(db: Db, meetingId: number): Promise<Attendance[]> {
  const rows = await db
    .selectFrom("meeting_attendance as a")
    .innerJoin("person as p", "p.id", "a.person_id")
    .leftJoin("organisation as o", "o.id", "a.organisation_id")
    .leftJoin("person as d", "d.id", "a.deputised_by_id")
    .select([
      "a.id",
      "a.status",
      "a.co_chair",
      "a.position",
      "p.id as person_id",
      "p.name as person_name",
      "o.id as organisation_id",
      "o.slug as organisation_slug",
      "o.name as organisation_name",
      "d.id as deputy_id",
      "d.name as deputy_name",
    ])
    .where("a.meeting_id", "=", meetingId)
    .orderBy("a.position")
    .orderBy("a.id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    person: { id: row.person_id, name: row.person_name },
    organisation: organisationRef(row.organisation_id, row.organisation_slug, row.organisation_name),
    status: row.status,
    deputisedBy: personRef(row.deputy_id, row.deputy_name),
    coChair: row.co_chair,
    position: row.position,
  }));
}

/** Replaces a meeting's attendance with these rows, in this order. */
export async function replaceAttendance(
  db: Db,
  meetingId: number,
  rows: Omit<Insertable<MeetingAttendanceTable>, "meeting_id">[],
): Promise<void> {
  await db.deleteFrom("meeting_attendance").where("meeting_id", "=", meetingId).execute();
  if (rows.length > 0)
    await db
      .insertInto("meeting_attendance")
      .values(rows.map((row) => ({ ...row, meeting_id: meetingId })))
      .execute();
}

/** The ids of everyone who is or was a member of the group (deputies may stand in for them). */
export async function memberPersonIds(db: Db, groupId: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom("group_membership")
    .select("person_id")
    .where("group_id", "=", groupId)
    .execute();
  return new Set(rows.map((r) => r.person_id));
}
