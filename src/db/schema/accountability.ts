import type { Generated } from "kysely";
import type { Timestamp } from "./common.ts";

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

/**
 * The version of one organisation's update of an action (migration
 * 2026-12-07T2210_progress_versions_per_organisation): its progress changes move this, not the
 * action's version, so organisations named on the same action never make each other's forms stale.
 */
export interface ProgressVersionTable {
  theme_id: number;
  action_key: string;
  organisation_id: number;
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
  /** An uploaded document (kind "document"): migration 2026-11-22T1840. */
  file_name: string | null;
  content_type: string | null;
  byte_size: number | null;
  data: Uint8Array | null;
}
