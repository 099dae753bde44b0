import type { ColumnType, Generated, GeneratedAlways, Insertable, Selectable, Updateable } from "kysely";

// Table types, mirroring the migrations. Services never hand these out: they return domain types.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ProgrammeTable {
  id: Generated<number>;
  slug: string;
  name: string;
  summary: Generated<string>;
  start_year: number;
  end_year: number;
}

export interface FoundationTable {
  id: Generated<number>;
  programme_id: number;
  slug: string;
  name: string;
  summary: Generated<string>;
  position: number;
}

export interface ThemeTable {
  id: Generated<number>;
  foundation_id: number;
  slug: string;
  name: string;
  summary: Generated<string>;
  position: number;
}

export interface SectorTable {
  id: Generated<number>;
  slug: string;
  name: string;
  position: number;
}

export type EditionStatus = "draft" | "published";
export type EditionLayout = "ambitions" | "outcomes";

export interface RouteMapEditionTable {
  id: Generated<number>;
  theme_id: number;
  status: Generated<EditionStatus>;
  layout: EditionLayout;
  label: string;
  /** "YYYY-MM-DD"; set when published. */
  last_updated: string | null;
  introduction: Generated<string>;
  state_of_play_title: string;
  state_of_play: Generated<string>;
  ambition_summary: Generated<string>;
  route_map_intro: Generated<string>;
  copied_from_id: number | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  published_at: Date | null;
  source: string | null;
}

export type Section = "outcome" | "action" | "milestone" | "sector" | "helping" | "what_matters" | "mapping";
export type Framework = "promise_report" | "plan_21_24" | "uncrc" | "shanarri";

export interface EditionItemTable {
  id: Generated<number>;
  edition_id: number;
  section: Section;
  key: Generated<string>;
  parent_id: number | null;
  position: number;
  text: Generated<string>;
  page_refs: Generated<string>;
  year: number | null;
  framework: Framework | null;
  sector_id: number | null;
}

export type UserStatus = "invited" | "active" | "deactivated";

export interface AppUserTable {
  id: Generated<number>;
  email: string;
  name: string;
  status: Generated<UserStatus>;
  /** Null until an invited user sets one, and for single sign-on users. */
  password_hash: string | null;
  created_at: Generated<Date>;
}

export type RoleName =
  | "administrator"
  | "programme_editor"
  | "organisation_contributor"
  | "group_secretary"
  | "analyst"
  | "reader";

/** A role granted to a user; contributors are scoped to an organisation, secretaries to a group. */
export interface UserRoleTable {
  id: Generated<number>;
  user_id: number;
  role: RoleName;
  organisation_id: number | null;
  group_id: number | null;
  granted_at: Generated<Date>;
}

export type OrganisationType =
  | "national_government"
  | "local_government"
  | "local_authority"
  | "health_board"
  | "third_sector"
  | "education"
  | "inspectorate"
  | "public_body"
  | "justice"
  | "other";

export interface OrganisationTable {
  id: Generated<number>;
  slug: string;
  name: string;
  type: OrganisationType;
  /** The official code of the area a council or health board serves: "S12000033". */
  area_code: string | null;
  created_at: Generated<Date>;
  /** The name lower-cased with its spacing tidied, for matching; set by the database. */
  name_key: GeneratedAlways<string>;
}

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

// --- end of governance ---

export interface UserSessionTable {
  id_hash: string;
  user_id: number;
  created_at: Generated<Date>;
  /** The absolute end of the session, however active it is. */
  expires_at: Date;
  /** The last request, touched at most once a minute: the session also ends after long idleness. */
  last_seen_at: Generated<Date>;
}

export interface AuditEventTable {
  id: Generated<number>;
  at: Generated<Date>;
  actor_id: number | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  request_id: string | null;
}

export interface ImportedDocumentTable {
  id: Generated<number>;
  /** 'minutes' and 'progress_update' from migration 2026-11-22T1730_import_minutes_and_updates. */
  kind: "route_map" | "minutes" | "progress_update";
  file_name: string;
  content_hash: string;
  text: string;
  imported_at: Generated<Date>;
  edition_id: number | null;
  details: unknown;
  /** The web address the document was saved from, when known (migration T1730). */
  source_address: Generated<string | null>;
  /** The meeting imported minutes became (migration T1730). */
  meeting_id: Generated<number | null>;
}

// Personal API tokens (features/api-tokens). Only the token's SHA-256 hash is kept.
export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: Generated<Date>;
  expires_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

// Accounts: emailed links and throttling (features/accounts).

export type AccountLinkPurpose = "invitation" | "password_reset";

/** An emailed link: single use (used_at), expiring, kept only as the SHA-256 of its token. */
export interface AccountLinkTable {
  id: Generated<number>;
  user_id: number;
  purpose: AccountLinkPurpose;
  token_hash: string;
  created_at: Generated<Date>;
  expires_at: Date;
  used_at: Date | null;
}

export type ThrottleKind = "sign_in_failure" | "password_reset_request";

/** One failed sign-in or reset request, by account (normalised email) and client address. */
export interface ThrottleEventTable {
  id: Generated<number>;
  kind: ThrottleKind;
  account: string;
  address: string;
  at: Generated<Date>;
}

// The progress framework (features/indicators): vision statements → outcomes → indicators → observations.

export type BetterDirection = "higher" | "lower" | "neither";
export type ObservationFlag = "provisional" | "revised" | "estimated" | "suppressed";
export type PeriodType = "calendar_year" | "financial_year" | "snapshot";

export interface VisionStatementTable {
  id: Generated<number>;
  slug: string;
  title: string;
  summary: Generated<string>;
  position: number;
}

export interface PfOutcomeTable {
  id: Generated<number>;
  vision_statement_id: number;
  slug: string;
  title: string;
  position: number;
}

export interface IndicatorTable {
  id: Generated<number>;
  outcome_id: number;
  slug: string;
  title: string;
  definition: Generated<string>;
  unit: string;
  better: BetterDirection;
  kind: "core" | "contextual";
  measure: "process" | "outcome";
  source: Generated<string>;
  source_url: string | null;
  publisher: Generated<string>;
  /** "YYYY-MM-DD". */
  last_updated: string | null;
  next_update: string | null;
  baseline_period: string | null;
  baseline_value: number | null;
  target_value: number | null;
  /** "YYYY-MM-DD". */
  target_date: string | null;
  story: Generated<string>;
  breakdowns: ColumnType<string[], string | undefined, string>;
  suppress_below: number | null;
  published: Generated<boolean>;
  position: Generated<number>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface IndicatorUploadTable {
  id: Generated<number>;
  indicator_id: number;
  file_name: string;
  rows: number;
  added: number;
  replaced: number;
  unchanged: number;
  uploaded_by: string;
  uploaded_at: Generated<Date>;
}

/** A row of an upload waiting to be confirmed, already checked. */
export interface PendingRow {
  period: string;
  geography: string;
  breakdown: Record<string, string>;
  value: number | null;
  flag: ObservationFlag | null;
}

export interface IndicatorUploadPendingTable {
  id: Generated<number>;
  indicator_id: number;
  user_id: number;
  file_name: string;
  rows: ColumnType<PendingRow[], string, string>;
  created_at: Generated<Date>;
}

export interface ObservationTable {
  id: Generated<number>;
  indicator_id: number;
  period: string;
  period_type: PeriodType;
  /** "YYYY-MM-DD". */
  period_start: string;
  geography: string;
  breakdown: ColumnType<Record<string, string>, string | undefined, string>;
  value: number | null;
  flag: ObservationFlag | null;
  upload_id: number | null;
  updated_at: Timestamp;
}

export interface ObservationRevisionTable {
  id: Generated<number>;
  observation_id: number;
  value: number | null;
  flag: ObservationFlag | null;
  upload_id: number | null;
  replaced_at: Generated<Date>;
  replaced_by_upload_id: number | null;
}

export interface IndicatorEvidenceTable {
  id: Generated<number>;
  indicator_id: number;
  kind: "quote" | "survey_finding";
  text: string;
  attribution: Generated<string>;
  source: Generated<string>;
  consented: boolean;
  anonymised: boolean;
  position: Generated<number>;
}

export interface IndicatorActionTable {
  indicator_id: number;
  edition_item_id: number;
}
// --- Accountability: migration 2026-11-22T1500_accountability ---

export interface OrganisationSectorTable {
  organisation_id: number;
  sector_id: number;
}

export interface ActionTrackingTable {
  theme_id: number;
  /** The action's stable key (edition_item.key) within its theme. */
  action_key: string;
  due_year: number | null;
  /** "YYYY-MM-DD" */
  due_date: string | null;
  weight: Generated<number>;
  outcome_key: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

export type ResponsibilityRole = "lead" | "partner";

export interface ActionResponsibilityTable {
  id: Generated<number>;
  theme_id: number;
  action_key: string;
  role: ResponsibilityRole;
  organisation_id: number | null;
  sector_id: number | null;
}

export type ProgressStatus =
  | "not_started"
  | "in_progress"
  | "on_track"
  | "at_risk"
  | "delayed"
  | "complete"
  | "superseded";
export type Confidence = "self_assessed" | "evidenced" | "verified";
export type UpdateState = "draft" | "submitted";
export type EvidenceKind = "link" | "indicator" | "voice" | "document";

export interface ProgressUpdateTable {
  id: Generated<number>;
  theme_id: number;
  action_key: string;
  organisation_id: number;
  state: Generated<UpdateState>;
  status: ProgressStatus;
  percent: number;
  narrative: Generated<string>;
  confidence: Confidence;
  author_id: number | null;
  author_name: string;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  submitted_at: Date | null;
  evidence_requested_at: Date | null;
  evidence_request: string | null;
}

export interface ProgressEvidenceTable {
  id: Generated<number>;
  update_id: number;
  kind: EvidenceKind;
  title: Generated<string>;
  url: string | null;
  body: Generated<string>;
  created_at: Generated<Date>;
}

// --- end of accountability ---

export interface Database {
  programme: ProgrammeTable;
  foundation: FoundationTable;
  theme: ThemeTable;
  sector: SectorTable;
  route_map_edition: RouteMapEditionTable;
  edition_item: EditionItemTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  organisation: OrganisationTable;
  governance_group: GovernanceGroupTable;
  organisation_alias: OrganisationAliasTable;
  person: PersonTable;
  group_membership: GroupMembershipTable;
  meeting: MeetingTable;
  meeting_attendance: MeetingAttendanceTable;
  agenda_item: AgendaItemTable;
  paper: PaperTable;
  meeting_action: MeetingActionTable;
  user_session: UserSessionTable;
  audit_event: AuditEventTable;
  imported_document: ImportedDocumentTable;
  api_token: ApiTokenTable;
  account_link: AccountLinkTable;
  throttle_event: ThrottleEventTable;
  vision_statement: VisionStatementTable;
  pf_outcome: PfOutcomeTable;
  indicator: IndicatorTable;
  indicator_upload: IndicatorUploadTable;
  indicator_upload_pending: IndicatorUploadPendingTable;
  observation: ObservationTable;
  observation_revision: ObservationRevisionTable;
  indicator_evidence: IndicatorEvidenceTable;
  indicator_action: IndicatorActionTable;
  organisation_sector: OrganisationSectorTable;
  action_tracking: ActionTrackingTable;
  action_responsibility: ActionResponsibilityTable;
  progress_update: ProgressUpdateTable;
  progress_evidence: ProgressEvidenceTable;
}

export type EditionRow = Selectable<RouteMapEditionTable>;
export type NewEditionRow = Insertable<RouteMapEditionTable>;
export type EditionRowUpdate = Updateable<RouteMapEditionTable>;
export type EditionItemRow = Selectable<EditionItemTable>;
