import type {
  ActionStatus,
  AttendanceStatus,
  GroupStatus,
  MeetingStatus,
  MembershipRole,
  MinutesStatus,
} from "../../db/schema.ts";

// The domain types every reader of governance shares: the group pages, the landscape, calendars,
// downloads, the API and the minutes importer. Services return these, never table rows. Dates are
// "YYYY-MM-DD", times of day "HH:MM" (24-hour). A person's e-mail address is never in them: the
// people listed in published minutes are public, their contact details are not.

export type { ActionStatus, AttendanceStatus, GroupStatus, MeetingStatus, MembershipRole, MinutesStatus };

export const GROUP_STATUSES: readonly GroupStatus[] = ["active", "paused", "ended"];
export const MEMBERSHIP_ROLES: readonly MembershipRole[] = ["co_chair", "secretariat", "member", "observer"];
export const MEETING_STATUSES: readonly MeetingStatus[] = ["planned", "held", "cancelled"];
export const MINUTES_STATUSES: readonly MinutesStatus[] = ["draft", "agreed", "published"];
export const ATTENDANCE_STATUSES: readonly AttendanceStatus[] = ["present", "apologies", "deputised"];
export const ACTION_STATUSES: readonly ActionStatus[] = ["open", "closed"];

export const GROUP_STATUS_LABELS: Record<GroupStatus, string> = {
  active: "Active",
  paused: "Paused",
  ended: "Ended",
};
export const ROLE_LABELS: Record<MembershipRole, string> = {
  co_chair: "Co-chair",
  secretariat: "Secretariat",
  member: "Member",
  observer: "Observer",
};
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: "Planned",
  held: "Held",
  cancelled: "Cancelled",
};
export const MINUTES_STATUS_LABELS: Record<MinutesStatus, string> = {
  draft: "Draft",
  agreed: "Agreed",
  published: "Published",
};
export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  present: "Present",
  apologies: "Apologies",
  deputised: "Sent a deputy",
};

/** An organisation as other records point to it. */
export interface OrganisationRef {
  id: number;
  slug: string;
  name: string;
}

/** A person as other records point to it (no contact details). */
export interface PersonRef {
  id: number;
  name: string;
}

export interface GroupRef {
  id: number;
  slug: string;
  name: string;
}

/** A group as lists show it. */
export interface GroupSummary extends GroupRef {
  remit: string;
  priorities: string;
  parent: GroupRef | null;
  portfolio: string;
  startDate: string | null;
  reviewDate: string | null;
  endDate: string | null;
  status: GroupStatus;
  /** Moves on with every change to the details: the details form carries it (see group.service.ts). */
  version: number;
}

export interface Membership {
  id: number;
  groupId: number;
  person: PersonRef;
  organisation: OrganisationRef | null;
  role: MembershipRole;
  /** The member this person stands in for, if they are a deputy. */
  deputyFor: PersonRef | null;
  fromDate: string | null;
  toDate: string | null;
  /** Moves on with every change to the membership: its form carries it (see membership.service.ts). */
  version: number;
}

/** A meeting as lists and calendars show it. */
export interface MeetingSummary {
  id: number;
  groupId: number;
  date: string;
  startTime: string | null;
  endTime: string | null;
  place: string;
  online: boolean;
  status: MeetingStatus;
  minutesStatus: MinutesStatus;
  publishedOn: string | null;
}

/** A group's page: its details, members and the meetings the asker may see. */
export interface Group extends GroupSummary {
  children: GroupRef[];
  members: Membership[];
  /** For the public: only meetings with published minutes. */
  meetings: MeetingSummary[];
}

export interface Attendance {
  id: number;
  person: PersonRef;
  /** The organisation they came for at the time. */
  organisation: OrganisationRef | null;
  status: AttendanceStatus;
  deputisedBy: PersonRef | null;
  coChair: boolean;
  position: number;
}

export interface Paper {
  id: number;
  agendaItemId: number;
  title: string;
  /** As the minutes cite it: "paper 5/1". */
  reference: string;
  url: string | null;
  fileName: string | null;
  public: boolean;
}

export interface MeetingAction {
  id: number;
  /** The meeting it came from, and its date. */
  meetingId: number;
  meetingDate: string;
  agendaItemId: number | null;
  text: string;
  ownerPerson: PersonRef | null;
  ownerOrganisation: OrganisationRef | null;
  dueDate: string | null;
  status: ActionStatus;
  closedOn: string | null;
  /** Set when promoted into a route-map action: the draft item and its key (the same in later editions). */
  routeMapItem: { editionItemId: number | null; key: string } | null;
}

export interface AgendaItem {
  id: number;
  position: number;
  title: string;
  /** The minute of the item, paragraphs separated by blank lines. */
  notes: string;
  discussionPoints: string[];
  decisions: string[];
  /** Moves on with every change to the item's words: its form carries it (see agenda.service.ts). */
  version: number;
  papers: Paper[];
  actions: MeetingAction[];
}

/** One meeting in full: what the minutes page, downloads and editing read. */
export interface Meeting extends MeetingSummary {
  /** Moves on with every change to its details (not its agenda, attendance or minutes). */
  version: number;
  group: GroupRef;
  agreedAt: MeetingSummary | null;
  amendments: string;
  nextMeeting: MeetingSummary | null;
  attendance: Attendance[];
  items: AgendaItem[];
  /** Actions not tied to an item. */
  otherActions: MeetingAction[];
  /** Open actions from the group's earlier meetings: carried forward until closed. */
  mattersArising: MeetingAction[];
}

/**
 * Input for a date: "YYYY-MM-DD" (importers, the API) or the day, month and year a form sends.
 * Empty means "none" where the date is optional.
 */
export type DateInput =
  | string
  | { day?: string | undefined; month?: string | undefined; year?: string | undefined };
