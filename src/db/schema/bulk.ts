import type { ColumnType, Generated } from "kysely";
import type { Confidence, ProgressStatus } from "./accountability.ts";

// --- Bulk progress updates: migration 2026-11-22T1840_bulk_updates_and_evidence_files ---

/** One action's change from a checked spreadsheet, kept until it is confirmed. */
export interface PendingProgressChange {
  themeId: number;
  actionKey: string;
  /**
   * The version of the organisation's update of the action when the preview was made: confirming
   * checks nobody at the organisation changed it since.
   */
  version: number;
  /** The spreadsheet row it came from, to name in a refusal (absent in uploads previewed before). */
  row?: number;
  status: ProgressStatus;
  percent: number;
  narrative: string;
  confidence: Confidence;
}

export interface ProgressUploadPendingTable {
  id: Generated<number>;
  organisation_id: number;
  user_id: number;
  file_name: string;
  submit: Generated<boolean>;
  changes: ColumnType<PendingProgressChange[], string, string>;
  created_at: Generated<Date>;
}
