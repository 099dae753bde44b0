import { fullDate } from "../../../platform/dates.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { table } from "../../../platform/views/components/table.ts";
import { MANAGE_REPORTS_PATH, reportPath } from "../report.paths.ts";
import { kindLabel, type ReportSummary } from "../report.types.ts";

// /reports: every report ever generated, newest date first, each at its permanent address.

export function reportsView(reports: ReportSummary[], canGenerate: boolean): SafeHtml {
  return html`<h1>Reports</h1>
  <p>Reports on how the route maps' actions are going, generated from what Waymark holds. Each is kept exactly as it was on the day it was made, so you can go back to any of them. Every report can be read here, or downloaded as a Word document, a spreadsheet or a PDF.</p>
  ${canGenerate ? html`<p><a href="${MANAGE_REPORTS_PATH}">Generate a report</a></p>` : ""}
  ${
    reports.length === 0
      ? html`<p>No reports have been generated yet.</p>`
      : table({
          caption: "Every report, newest first",
          head: ["Report", "Kind", "As at"],
          rows: reports.map((r) => [
            html`<a href="${reportPath(r.id)}">${r.title}</a>`,
            kindLabel(r.kind),
            fullDate(r.asAt),
          ]),
          rowHeaders: true,
        })
  }`;
}
