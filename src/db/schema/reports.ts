import type { ColumnType, Generated } from "kysely";

// Reports, frozen as generated (migration 2026-12-08T0100_reports).

export type ReportKind = "route_map" | "organisation";
export type ReportFormat = "docx" | "xlsx" | "pdf";

export interface ReportTable {
  id: Generated<number>;
  kind: ReportKind;
  /** What it reports on: a route-map edition's id, or an organisation's slug. */
  subject: string;
  title: string;
  /** "YYYY-MM-DD": progress as it stood at the end of this day. */
  as_at: ColumnType<string, string, string>;
  generated_at: Generated<Date>;
  generated_by: number | null;
  /** The whole data the report shows (reports/report.types.ts ReportSnapshot), as JSON. */
  snapshot: ColumnType<unknown, string, string>;
}

export interface ReportFileTable {
  report_id: number;
  format: ReportFormat;
  data: Uint8Array;
  byte_size: number;
}
