import type { Db } from "../../platform/database.ts";
import type {
  LandscapeAttendance,
  LandscapeGroup,
  LandscapeMeeting,
  LandscapeMembership,
  LandscapePerson,
} from "./landscape.types.ts";

// The landscape's reads: every group, membership and meeting, and the attendance behind the
// meeting load, in a handful of queries (no query per group). What a visitor may see is decided by
// `Visibility`, worked out by the service from the actor's grants.

/** Where the asker may read a group's private business: everywhere, or in these groups only. */
export interface Visibility {
  everywhere: boolean;
  groupIds: number[];
}

export interface MeetingRow extends LandscapeMeeting {
  startTime: string | null;
  endTime: string | null;
  place: string;
  online: boolean;
  minutesStatus: "draft" | "agreed" | "published";
  publishedOn: string | null;
}

/** Whether the asker may read this group's unpublished minutes. */
export function readsPrivate(visibility: Visibility, groupId: number): boolean {
  return visibility.everywhere || visibility.groupIds.includes(groupId);
}

/** A group as the landscape and open data read it. */
export interface GroupRecord extends LandscapeGroup {
  priorities: string;
}

export async function listGroups(db: Db): Promise<GroupRecord[]> {
  const rows = await db
    .selectFrom("governance_group")
    .select([
      "id",
      "slug",
      "name",
      "remit",
      "priorities",
      "parent_id",
      "portfolio",
      "start_date",
      "review_date",
      "end_date",
      "status",
    ])
    .orderBy("name")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    remit: r.remit,
    priorities: r.priorities,
    parentId: r.parent_id,
    portfolio: r.portfolio === "" ? null : r.portfolio,
    startDate: r.start_date,
    reviewDate: r.review_date,
    endDate: r.end_date,
    status: r.status,
  }));
}

export async function listMemberships(db: Db): Promise<LandscapeMembership[]> {
  const rows = await db
    .selectFrom("group_membership")
    .select(["group_id", "person_id", "organisation_id", "role", "from_date", "to_date"])
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    groupId: r.group_id,
    personId: r.person_id,
    organisationId: r.organisation_id,
    role: r.role,
    from: r.from_date,
    to: r.to_date,
  }));
}

export function listPeople(db: Db): Promise<LandscapePerson[]> {
  return db.selectFrom("person").select(["id", "name"]).orderBy("name").execute();
}

export function listOrganisations(db: Db): Promise<{ id: number; slug: string; name: string }[]> {
  return db.selectFrom("organisation").select(["id", "slug", "name"]).orderBy("name").execute();
}

/**
 * The meetings the asker may see: all of them where they may read private business; elsewhere
 * those whose minutes are published, and the next meeting those published minutes name (its date
 * is in the published minutes), never its own minutes.
 */
export async function listVisibleMeetings(
  db: Db,
  visibility: Visibility,
  filter: { groupId?: number; ids?: number[] } = {},
): Promise<MeetingRow[]> {
  if (filter.ids?.length === 0) return [];
  const rows = await db
    .selectFrom("meeting")
    .select([
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
    ])
    .$if(!visibility.everywhere, (q) =>
      q.where((eb) =>
        eb.or([
          eb("minutes_status", "=", "published"),
          eb(
            "id",
            "in",
            eb
              .selectFrom("meeting as published")
              .select("published.next_meeting_id")
              .where("published.minutes_status", "=", "published")
              .where("published.next_meeting_id", "is not", null),
          ),
          ...(visibility.groupIds.length > 0 ? [eb("group_id", "in", visibility.groupIds)] : []),
        ]),
      ),
    )
    .$if(filter.groupId !== undefined, (q) => q.where("group_id", "=", filter.groupId!))
    .$if(filter.ids !== undefined, (q) => q.where("id", "in", filter.ids!))
    .orderBy("meeting_date")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    groupId: r.group_id,
    date: r.meeting_date,
    status: r.status,
    startTime: r.start_time,
    endTime: r.end_time,
    place: r.place,
    online: r.online,
    minutesStatus: r.minutes_status,
    publishedOn: r.published_on,
  }));
}

/** Attendance the asker may see: of meetings with published minutes, or in groups whose private business they may read. */
export async function listVisibleAttendance(db: Db, visibility: Visibility): Promise<LandscapeAttendance[]> {
  const rows = await db
    .selectFrom("meeting_attendance")
    .innerJoin("meeting", "meeting.id", "meeting_attendance.meeting_id")
    .select([
      "meeting_attendance.meeting_id",
      "meeting_attendance.person_id",
      "meeting_attendance.organisation_id",
      "meeting_attendance.status",
      "meeting_attendance.deputised_by_id",
    ])
    .$if(!visibility.everywhere, (q) =>
      q.where((eb) =>
        eb.or([
          eb("meeting.minutes_status", "=", "published"),
          ...(visibility.groupIds.length > 0 ? [eb("meeting.group_id", "in", visibility.groupIds)] : []),
        ]),
      ),
    )
    .orderBy("meeting_attendance.id")
    .execute();
  return rows.map((r) => ({
    meetingId: r.meeting_id,
    personId: r.person_id,
    organisationId: r.organisation_id,
    status: r.status,
    deputisedById: r.deputised_by_id,
  }));
}
