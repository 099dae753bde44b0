import type { Generated, GeneratedAlways } from "kysely";
import type { Timestamp } from "./common.ts";

// --- Governance (groups, people, memberships, meetings): migration 2026-11-22T1300_governance ---

export type GroupStatus = "active" | "paused" | "ended";

export interface GovernanceGroupTable {
  id: Generated<number>;
  slug: string;
  name: string;
  created_at: Generated<Date>;
  remit: Generated<string>;
  priorities: Generated<string>;
  parent_id: number | null;
  portfolio: Generated<string>;
  /** "YYYY-MM-DD" */
  start_date: string | null;
  review_date: string | null;
  end_date: string | null;
  status: Generated<GroupStatus>;
  updated_at: Timestamp;
  /** Taken on by every change to its details: an edit form made from an older one is refused. */
  version: Generated<number>;
}

/** Another name an organisation goes by in documents ("CCPS"). */
export interface OrganisationAliasTable {
  id: Generated<number>;
  organisation_id: number;
  name: string;
  name_key: GeneratedAlways<string>;
}

export interface PersonTable {
  id: Generated<number>;
  name: string;
  name_key: GeneratedAlways<string>;
  email: string | null;
  organisation_id: number | null;
  created_at: Generated<Date>;
}

export type MembershipRole = "co_chair" | "secretariat" | "member" | "observer";

export interface GroupMembershipTable {
  id: Generated<number>;
  group_id: number;
  person_id: number;
  organisation_id: number | null;
  role: MembershipRole;
  deputy_for_id: number | null;
  from_date: string | null;
  to_date: string | null;
  /** Taken on by every change to its details: an edit form made from an older one is refused. */
  version: Generated<number>;
}

export type MeetingStatus = "planned" | "held" | "cancelled";
export type MinutesStatus = "draft" | "agreed" | "published";

export interface MeetingTable {
  id: Generated<number>;
  group_id: number;
  meeting_date: string;
  /** "HH:MM" */
  start_time: string | null;
  end_time: string | null;
  place: Generated<string>;
  online: Generated<boolean>;
  status: Generated<MeetingStatus>;
  minutes_status: Generated<MinutesStatus>;
  agreed_at_meeting_id: number | null;
  amendments: Generated<string>;
  published_on: string | null;
  next_meeting_id: number | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  /** Taken on by every change to its details: an edit form made from an older one is refused. */
  version: Generated<number>;
}

export type AttendanceStatus = "present" | "apologies" | "deputised";

export interface MeetingAttendanceTable {
  id: Generated<number>;
  meeting_id: number;
  person_id: number;
  organisation_id: number | null;
  status: AttendanceStatus;
  deputised_by_id: number | null;
  co_chair: Generated<boolean>;
  position: number;
}

export interface AgendaItemTable {
  id: Generated<number>;
  meeting_id: number;
  position: number;
  title: string;
  notes: Generated<string>;
  /** One point per line. */
  discussion_points: Generated<string>;
  /** One decision per line. */
  decisions: Generated<string>;
  /** Taken on by every change to its details: an edit form made from an older one is refused. */
  version: Generated<number>;
}

export interface PaperTable {
  id: Generated<number>;
  agenda_item_id: number;
  position: number;
  title: string;
  reference: Generated<string>;
  url: string | null;
  file_name: string | null;
  media_type: string | null;
  content: Uint8Array | null;
  public: Generated<boolean>;
}

export type ActionStatus = "open" | "closed";

export interface MeetingActionTable {
  id: Generated<number>;
  meeting_id: number;
  agenda_item_id: number | null;
  text: string;
  owner_person_id: number | null;
  owner_organisation_id: number | null;
  due_date: string | null;
  status: Generated<ActionStatus>;
  closed_on: string | null;
  edition_item_id: number | null;
  edition_item_key: string | null;
  created_at: Generated<Date>;
}
