import type { Insertable, Selectable, Updateable } from "kysely";
import type {
  ActionResponsibilityTable,
  ActionTrackingTable,
  OrganisationSectorTable,
  ProgressEvidenceTable,
  ProgressUpdateTable,
  ProgressVersionTable,
} from "./schema/accountability.ts";
import type {
  AccountLinkTable,
  ApiTokenTable,
  AppUserTable,
  AuditEventTable,
  ThrottleEventTable,
  UserRoleTable,
  UserSessionTable,
} from "./schema/accounts.ts";
import type { ProgressUploadPendingTable } from "./schema/bulk.ts";
import type { CommitmentTable } from "./schema/commitments.ts";
import type {
  FundActionTable,
  FundAllocationTable,
  FundCommitmentTable,
  FundTable,
  FundYearTable,
} from "./schema/funding.ts";
import type {
  AgendaItemTable,
  GovernanceGroupTable,
  GroupMembershipTable,
  MeetingActionTable,
  MeetingAttendanceTable,
  MeetingTable,
  OrganisationAliasTable,
  PaperTable,
  PersonTable,
} from "./schema/governance.ts";
import type { ImportedDocumentTable } from "./schema/import.ts";
import type {
  ImprovementDataPointTable,
  ImprovementMeasureTable,
  ImprovementProjectActionTable,
  ImprovementProjectAreaTable,
  ImprovementProjectIndicatorTable,
  ImprovementProjectOrganisationTable,
  ImprovementProjectTable,
} from "./schema/improvement.ts";
import type {
  IndicatorActionTable,
  IndicatorEvidenceTable,
  IndicatorTable,
  IndicatorUploadPendingTable,
  IndicatorUploadTable,
  ObservationRevisionTable,
  ObservationTable,
  PfOutcomeTable,
  VisionStatementTable,
} from "./schema/indicators.ts";
import type { OrganisationTable } from "./schema/organisations.ts";
import type { ReportFileTable, ReportTable } from "./schema/reports.ts";
import type {
  ReportingRoundTable,
  ReportingRoundThemeTable,
  RoundObligationTable,
  RoundReminderDeliveryTable,
  RoundReminderTable,
} from "./schema/rounds.ts";
import type {
  EditionItemTable,
  FoundationTable,
  ProgrammeTable,
  RouteMapEditionTable,
  SectorTable,
  ThemeTable,
} from "./schema/route-maps.ts";
import type {
  AudienceTable,
  TimelineItemAudienceTable,
  TimelineItemGroupTable,
  TimelineItemTable,
  TimelineItemThemeTable,
} from "./schema/timeline.ts";

// Table types, mirroring the migrations, one file per feature in schema/. Services never hand
// these out: they return domain types.

export type * from "./schema/accountability.ts";
export type * from "./schema/accounts.ts";
export type * from "./schema/bulk.ts";
export type * from "./schema/commitments.ts";
export type * from "./schema/common.ts";
export type * from "./schema/funding.ts";
export type * from "./schema/governance.ts";
export type * from "./schema/import.ts";
export type * from "./schema/improvement.ts";
export type * from "./schema/indicators.ts";
export type * from "./schema/organisations.ts";
export type * from "./schema/reports.ts";
export type * from "./schema/rounds.ts";
export type * from "./schema/route-maps.ts";
export type * from "./schema/timeline.ts";

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
  commitment: CommitmentTable;
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
  progress_version: ProgressVersionTable;
  progress_evidence: ProgressEvidenceTable;
  progress_upload_pending: ProgressUploadPendingTable;
  reporting_round: ReportingRoundTable;
  reporting_round_theme: ReportingRoundThemeTable;
  round_obligation: RoundObligationTable;
  round_reminder: RoundReminderTable;
  round_reminder_delivery: RoundReminderDeliveryTable;
  report: ReportTable;
  report_file: ReportFileTable;
  fund: FundTable;
  fund_year: FundYearTable;
  fund_allocation: FundAllocationTable;
  fund_action: FundActionTable;
  fund_commitment: FundCommitmentTable;
  improvement_project: ImprovementProjectTable;
  improvement_project_area: ImprovementProjectAreaTable;
  improvement_project_organisation: ImprovementProjectOrganisationTable;
  improvement_project_action: ImprovementProjectActionTable;
  improvement_project_indicator: ImprovementProjectIndicatorTable;
  improvement_measure: ImprovementMeasureTable;
  improvement_data_point: ImprovementDataPointTable;
  audience: AudienceTable;
  timeline_item: TimelineItemTable;
  timeline_item_audience: TimelineItemAudienceTable;
  timeline_item_theme: TimelineItemThemeTable;
  timeline_item_group: TimelineItemGroupTable;
}

export type EditionRow = Selectable<RouteMapEditionTable>;
export type NewEditionRow = Insertable<RouteMapEditionTable>;
export type EditionRowUpdate = Updateable<RouteMapEditionTable>;
export type EditionItemRow = Selectable<EditionItemTable>;
