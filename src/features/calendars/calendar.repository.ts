import type { Db } from "../../platform/database.ts";
import type { CalendarAttendance } from "./meeting-calendar.ts";

// Reads for calendars: who was at which meetings, with names (never e-mail addresses).

export interface AttendanceRecord {
  meetingId: number;
  personId: number;
  name: string;
  organisation: string | null;
  status: CalendarAttendance;
  coChair: boolean;
  deputy: { personId: number; name: string; organisation: string | null } | null;
}

export async function listAttendance(db: Db, meetingIds: number[]): Promise<AttendanceRecord[]> {
  if (meetingIds.length === 0) return [];
  const rows = await db
    .selectFrom("meeting_attendance as a")
    .innerJoin("person as p", "p.id", "a.person_id")
    .leftJoin("organisation as o", "o.id", "a.organisation_id")
    .leftJoin("person as d", "d.id", "a.deputised_by_id")
    .leftJoin("organisation as dorg", "dorg.id", "d.organisation_id")
    .select([
      "a.meeting_id",
      "a.person_id",
      "a.status",
      "a.co_chair",
      "p.name",
      "o.name as organisation",
      "d.id as deputy_id",
      "d.name as deputy_name",
      "dorg.name as deputy_organisation",
    ])
    .where("a.meeting_id", "in", meetingIds)
    .orderBy("a.meeting_id")
    .orderBy("a.position")
    .orderBy("a.id")
    .execute();
  return rows.map((r) => ({
    meetingId: r.meeting_id,
    personId: r.person_id,
    name: r.name,
    organisation: r.organisation,
    status: r.status,
    coChair: r.co_chair,
    deputy:
      r.deputy_id === null
        ? null
        : { personId: r.deputy_id, name: r.deputy_name!, organisation: r.deputy_organisation ?? null },
  }));
}

export function findGroup(db: Db, slug: string) {
  return db
    .selectFrom("governance_group")
    .select(["id", "slug", "name"])
    .where("slug", "=", slug)
    .executeTakeFirst();
}

export function findPerson(db: Db, id: number) {
  return db.selectFrom("person").select(["id", "name"]).where("id", "=", id).executeTakeFirst();
}

/** The meetings a person has an attendance row at, or came to as someone's deputy. */
export async function meetingIdsAttendedBy(db: Db, personId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("meeting_attendance")
    .select("meeting_id")
    .where((eb) => eb.or([eb("person_id", "=", personId), eb("deputised_by_id", "=", personId)]))
    .execute();
  return rows.map((r) => r.meeting_id);
}
