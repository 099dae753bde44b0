import { fullDate } from "../../../platform/dates.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { table } from "../../../platform/views/components/table.ts";
import { tag } from "../../../platform/views/components/tag.ts";
import { reportPath } from "../report.paths.ts";
import type { Report } from "../report.types.ts";
import type { Change, Comparison } from "../report-compare.ts";

// /reports/<id>/compare/<other>: two frozen reports on the same thing, side by side: the totals by
// status, then each action as it stood in the earlier report and in the later one.

const CHANGE_TAGS: Record<Change, SafeHtml> = {
  changed: tag("Changed", "blue"),
  unchanged: tag("No change", "grey"),
  added: tag("New", "green"),
  dropped: tag("No longer listed", "orange"),
};

export function compareTitle(before: Report, after: Report): string {
  return `What changed between ${fullDate(before.asAt)} and ${fullDate(after.asAt)}`;
}

export function compareView(before: Report, after: Report, comparison: Comparison): SafeHtml {
  const changed = comparison.actions.filter((a) => a.change !== "unchanged").length;
  const then = `As at ${fullDate(before.asAt)}`;
  const now = `As at ${fullDate(after.asAt)}`;
  return html`${pageHeader({ label: "Comparing reports", title: compareTitle(before, after) })}
  <p>This compares two reports on ${after.snapshot.subject.name}: <a href="${reportPath(before.id)}">the report as at ${fullDate(before.asAt)}</a> and <a href="${reportPath(after.id)}">the report as at ${fullDate(after.asAt)}</a>. Both are kept as they were made.</p>
  <p>${changed === 0 ? "No action changed between them." : changed === 1 ? "1 action changed between them." : `${changed} actions changed between them.`}</p>
  <h2>Actions by status</h2>
  ${table({
    caption: "How many actions had each status in each report",
    head: ["Status", then, now],
    rows: comparison.totals.map((t) => [t.label, String(t.before), String(t.after)]),
    rowHeaders: true,
  })}
  <h2>Action by action</h2>
  ${table({
    caption: "Each action in the earlier and the later report",
    head: ["Action", then, now, "What changed"],
    rows: comparison.actions.map((a) => [
      a.text,
      a.before ?? "Not in this report",
      a.after ?? "Not in this report",
      CHANGE_TAGS[a.change],
    ]),
    rowHeaders: true,
  })}`;
}
