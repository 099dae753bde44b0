import { STATUSES } from "../accountability/progress-status.ts";
import type { ReportAction, ReportSnapshot, StatusTotal } from "./report.types.ts";

// The words and numbers every form of a report shares (page, Word, spreadsheet, PDF), worked out
// from the snapshot alone, so the four forms always agree.

export const NOT_REPORTED = "Not reported yet";

/** How many actions had each status on the report's date, in the vocabulary's order; "not reported" last. */
export function statusTotals(snapshot: ReportSnapshot): StatusTotal[] {
  const actions = snapshot.sections.flatMap((s) => s.actions);
  const totals: StatusTotal[] = STATUSES.map((s) => ({
    status: s.code,
    label: s.label,
    count: actions.filter((a) => a.update?.status === s.code).length,
  }));
  totals.push({ status: null, label: NOT_REPORTED, count: actions.filter((a) => !a.update).length });
  return totals;
}

export function actionCount(snapshot: ReportSnapshot): number {
  return snapshot.sections.reduce((n, s) => n + s.actions.length, 0);
}

/** "Lead: Scottish Government. Partners: COSLA, Local Authorities (sector)." */
export function whoText(action: ReportAction): string {
  const parts: string[] = [];
  if (action.leads.length > 0)
    parts.push(`${action.leads.length === 1 ? "Lead" : "Leads"}: ${action.leads.join(", ")}.`);
  if (action.partners.length > 0)
    parts.push(`${action.partners.length === 1 ? "Partner" : "Partners"}: ${action.partners.join(", ")}.`);
  return parts.length > 0 ? parts.join(" ") : "Nobody named yet.";
}

/** "On track, 50%"; "Superseded"; "Not reported yet". */
export function statusText(action: ReportAction): string {
  if (!action.update) return NOT_REPORTED;
  return action.update.percent === null
    ? action.update.statusLabel
    : `${action.update.statusLabel}, ${action.update.percent}%`;
}

/** The due date, with "overdue" when it had passed without the action being done. */
export function dueWithFlag(action: ReportAction): string {
  return action.overdue ? `${action.due} (overdue)` : action.due;
}

/** "12 KB", "1.2 MB": a file's size as people read it (1 KB is 1,024 bytes). */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
