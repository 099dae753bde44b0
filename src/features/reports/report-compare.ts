import { fullDate } from "../../platform/dates.ts";
import type { ReportAction, ReportSnapshot } from "./report.types.ts";
import { NOT_REPORTED, statusText, statusTotals } from "./report-text.ts";

// Comparing two reports on the same thing, action by action: how each action stood in the earlier
// report and in the later one. Pure: both snapshots are frozen, so the comparison is too.

export type Change = "changed" | "unchanged" | "added" | "dropped";

export interface ActionChange {
  key: string;
  text: string;
  routeMap: string;
  /** "On track, 50%"; null when the action was not in that report. */
  before: string | null;
  after: string | null;
  change: Change;
}

export interface Comparison {
  actions: ActionChange[];
  /** Each status with its count in the earlier and the later report. */
  totals: Array<{ label: string; before: number; after: number }>;
}

/** An action's identity across reports: its route map and its stable key. */
function identity(a: ReportAction): string {
  return `${a.routeMap}\u0000${a.key}`;
}

/** A status as it reads, with when the update was given, so a newer update with the same status still shows. */
function standing(a: ReportAction): string {
  return a.update ? `${statusText(a)} (update of ${fullDate(a.update.submittedOn)})` : NOT_REPORTED;
}

/** What changed from `before` to `after`: the later report's actions in its order, then any it dropped. */
export function compareSnapshots(before: ReportSnapshot, after: ReportSnapshot): Comparison {
  const earlier = new Map(before.sections.flatMap((s) => s.actions).map((a) => [identity(a), a]));
  const later = after.sections.flatMap((s) => s.actions);
  const laterIds = new Set(later.map(identity));
  const actions: ActionChange[] = later.map((a) => {
    const was = earlier.get(identity(a));
    const now = standing(a);
    const then = was ? standing(was) : null;
    return {
      key: a.key,
      text: a.text,
      routeMap: a.routeMap,
      before: then,
      after: now,
      change: then === null ? "added" : then === now ? "unchanged" : "changed",
    };
  });
  for (const [id, was] of earlier) {
    if (!laterIds.has(id))
      actions.push({
        key: was.key,
        text: was.text,
        routeMap: was.routeMap,
        before: standing(was),
        after: null,
        change: "dropped",
      });
  }
  const beforeTotals = statusTotals(before);
  const afterTotals = statusTotals(after);
  return {
    actions,
    totals: afterTotals.map((t, i) => ({ label: t.label, before: beforeTotals[i]!.count, after: t.count })),
  };
}
