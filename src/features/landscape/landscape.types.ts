// The landscape of groups, as plain data: what the pure computations (overlap, meeting load,
// flags) read. The landscape service maps the governance feature's records into these, after it
// has left out what the asker may not see (attendance of meetings whose minutes are unpublished).

/** "YYYY-MM-DD": a calendar date with no time or zone. */
export type IsoDate = string;

export type GroupStatus = "active" | "paused" | "ended";
export type MembershipRole = "co_chair" | "secretariat" | "member" | "observer";
export type MeetingStatus = "planned" | "held" | "cancelled";
export type AttendanceStatus = "present" | "apologies" | "deputised";

export interface LandscapeGroup {
  id: number;
  slug: string;
  name: string;
  remit: string;
  parentId: number | null;
  portfolio: string | null;
  startDate: IsoDate | null;
  reviewDate: IsoDate | null;
  endDate: IsoDate | null;
  status: GroupStatus;
}

export interface LandscapePerson {
  id: number;
  name: string;
}

export interface LandscapeOrganisation {
  id: number;
  name: string;
}

export interface LandscapeMembership {
  groupId: number;
  personId: number;
  /** The organisation the person sits for; null when they sit as themselves. */
  organisationId: number | null;
  role: MembershipRole;
  /** First and last day of the membership; null: open-ended. */
  from: IsoDate | null;
  to: IsoDate | null;
}

export interface LandscapeMeeting {
  id: number;
  groupId: number;
  date: IsoDate;
  status: MeetingStatus;
}

export interface LandscapeAttendance {
  meetingId: number;
  personId: number;
  /** The organisation the person came for, at the time. */
  organisationId: number | null;
  status: AttendanceStatus;
  /** For "deputised": who came in their place. */
  deputisedById: number | null;
}

export interface Landscape {
  groups: LandscapeGroup[];
  people: LandscapePerson[];
  organisations: LandscapeOrganisation[];
  memberships: LandscapeMembership[];
  meetings: LandscapeMeeting[];
  attendance: LandscapeAttendance[];
}

/** Is the membership held on this day? Dates compare as strings because they are all YYYY-MM-DD. */
export function heldOn(membership: Pick<LandscapeMembership, "from" | "to">, day: IsoDate): boolean {
  return (
    (membership.from === null || membership.from <= day) && (membership.to === null || membership.to >= day)
  );
}
