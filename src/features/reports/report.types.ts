import type { ReportFormat, ReportKind } from "../../db/schema.ts";
import type { ProgressStatus } from "../accountability/progress-status.ts";

// Reports: what services hand out. A report's snapshot is the whole of what it shows, taken once
// when it was generated; every form of the report (page, Word, spreadsheet, PDF) is drawn from it.

export type { ReportFormat, ReportKind };

export const REPORT_KINDS: ReadonlyArray<{ code: ReportKind; label: string; hint: string }> = [
  {
    code: "route_map",
    label: "Route map",
    hint: "A published route map as a document: its outcomes and actions, who must act, by when, and how each action was going.",
  },
  {
    code: "organisation",
    label: "Organisation",
    hint: "Everything one organisation is named on, with how each action was going, for its board.",
  },
];

export function kindLabel(kind: ReportKind): string {
  return REPORT_KINDS.find((k) => k.code === kind)?.label ?? kind;
}

/** One action as the report shows it, as it stood on the report's date. */
export interface ReportAction {
  /** The action's stable key within its route map. */
  key: string;
  text: string;
  /** The route map it belongs to (an organisation's report spans many). */
  routeMap: string;
  /** Where it is on Waymark, from the site's root: "/themes/leadership/actions/a1". */
  path: string;
  leads: string[];
  partners: string[];
  /** For an organisation's report: how the organisation is named ("Lead", "Partner"). */
  role: string | null;
  /** When it is due, in words: "By the end of 2026". */
  due: string;
  overdue: boolean;
  /** Null: nobody had reported on it by the report's date. */
  update: {
    status: ProgressStatus;
    statusLabel: string;
    /** Null when superseded. */
    percent: number | null;
    /** "YYYY-MM-DD": when it was submitted. */
    submittedOn: string;
    organisation: string;
    narrative: string;
  } | null;
}

/** A heading and the actions under it. */
export interface ReportSection {
  heading: string;
  actions: ReportAction[];
}

/** The data a report shows, frozen when it was generated. */
export interface ReportSnapshot {
  /** The shape of this snapshot, so a later Waymark can read an old one. */
  format: 1;
  kind: ReportKind;
  title: string;
  /** "YYYY-MM-DD" */
  asAt: string;
  subject: { name: string; path: string };
  /** Plain sentences introducing the report. */
  introduction: string[];
  /** A route map's outcomes (empty for an organisation). */
  outcomes: string[];
  sections: ReportSection[];
}

/** A report as listed: what it is, when it was made. */
export interface ReportSummary {
  id: number;
  kind: ReportKind;
  subject: string;
  title: string;
  asAt: string;
  generatedAt: Date;
}

export interface ReportFile {
  format: ReportFormat;
  byteSize: number;
}

/** A report with its snapshot and the files made from it. */
export interface Report extends ReportSummary {
  snapshot: ReportSnapshot;
  files: ReportFile[];
}

/** One status and how many actions had it (the "not reported" row has status null). */
export interface StatusTotal {
  status: ProgressStatus | null;
  label: string;
  count: number;
}
