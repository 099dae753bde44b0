import type { ColumnType, Generated } from "kysely";
import type { Timestamp } from "./common.ts";

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
  version: Generated<number>;
}

export interface PfOutcomeTable {
  id: Generated<number>;
  vision_statement_id: number;
  slug: string;
  title: string;
  position: number;
  version: Generated<number>;
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
  version: Generated<number>;
}

export interface IndicatorActionTable {
  indicator_id: number;
  edition_item_id: number;
}
