import { fullDate } from "../../../platform/dates.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { table } from "../../../platform/views/components/table.ts";
import { tag } from "../../../platform/views/components/tag.ts";
import { formatDateTime } from "../../../platform/views/when.ts";
import { statusInfo } from "../../accountability/progress-status.ts";
import { comparePath, reportFilePath } from "../report.paths.ts";
import {
  kindLabel,
  type Report,
  type ReportAction,
  type ReportFile,
  type ReportSummary,
} from "../report.types.ts";
import { actionCount, dueWithFlag, NOT_REPORTED, sizeText, statusTotals, whoText } from "../report-text.ts";

// /reports/<id>: a frozen report as a web page, drawn from its snapshot alone, with its files to
// download and, when there are earlier or later reports on the same thing, links to compare them.
// It prints cleanly: public/app.css's print rules drop the site's header and footer.

const FORMAT_NAMES: Record<ReportFile["format"], string> = {
  docx: "Word document (DOCX)",
  xlsx: "Spreadsheet of the data (XLSX)",
  pdf: "PDF document",
};

function downloads(report: Report): SafeHtml {
  return html`<section class="wm-no-print" aria-labelledby="downloads">
    <h2 id="downloads">Download this report</h2>
    <ul class="ds_no-bullets">
      ${report.files.map(
        (f) =>
          html`<li><a href="${reportFilePath(report.id, f.format)}" download>${FORMAT_NAMES[f.format]}</a> <span class="ds_hint-text">(${sizeText(f.byteSize)})</span></li>`,
      )}
    </ul>
  </section>`;
}

function statusCell(action: ReportAction): SafeHtml {
  if (!action.update) return html`${tag(NOT_REPORTED, "grey")}`;
  const info = statusInfo(action.update.status);
  return html`${tag(info.label, info.colour)}${action.update.percent === null ? "" : html` ${action.update.percent}%`}`;
}

function updateCell(action: ReportAction): SafeHtml {
  if (!action.update) return html`None by this date.`;
  return html`<p>Given on ${fullDate(action.update.submittedOn)} by ${action.update.organisation}.</p><p>${action.update.narrative}</p>`;
}

function compareLinks(report: Report, others: ReportSummary[]): SafeHtml {
  if (others.length === 0) return html``;
  return html`<section class="wm-no-print" aria-labelledby="compare">
    <h2 id="compare">Compare with another report</h2>
    <p>Other reports on the same ${report.kind === "route_map" ? "route map edition" : "organisation"}: see what changed, action by action.</p>
    <ul>
      ${others.map((o) => html`<li><a href="${comparePath(report.id, o.id)}">Compare with the report as at ${fullDate(o.asAt)}</a> <span class="ds_hint-text">(report ${o.id})</span></li>`)}
    </ul>
  </section>`;
}

/** The report's page: what it is, its totals, its outcomes and each section's actions in a table. */
export function reportView(report: Report, others: ReportSummary[]): SafeHtml {
  const s = report.snapshot;
  const organisation = s.kind === "organisation";
  const totals = statusTotals(s);
  return html`${pageHeader({
    label: `${kindLabel(s.kind)} report`,
    title: s.title,
    metadata: [
      { key: "As at", value: fullDate(s.asAt) },
      { key: "About", value: html`<a href="${s.subject.path}">${s.subject.name}</a>` },
      { key: "Generated", value: formatDateTime(report.generatedAt) },
    ],
  })}
  ${s.introduction.map((p) => html`<p>${p}</p>`)}
  <p>This report is kept exactly as it was generated: later updates do not change it.</p>
  ${downloads(report)}
  <h2>How the actions were going</h2>
  ${table({
    caption: `Actions by status on ${fullDate(s.asAt)} (${actionCount(s)} in all)`,
    head: ["Status", "Actions"],
    rows: totals.map((t) => [t.label, String(t.count)]),
    rowHeaders: true,
    className: "wm-report-totals",
  })}
  ${
    s.outcomes.length > 0 ? html`<h2>Outcomes</h2><ul>${s.outcomes.map((o) => html`<li>${o}</li>`)}</ul>` : ""
  }
  ${s.sections.map(
    (section) => html`<h2>${section.heading}</h2>
    ${table({
      caption: `${section.heading}: ${section.actions.length === 1 ? "1 action" : `${section.actions.length} actions`}`,
      head: [
        "Action",
        ...(organisation ? ["Named as"] : []),
        "Who must act",
        "Due",
        "How it was going",
        "Latest update",
      ],
      rows: section.actions.map((a) => [
        html`<a href="${a.path}">${a.text}</a>`,
        ...(organisation ? [a.role ?? ""] : []),
        whoText(a),
        dueWithFlag(a),
        statusCell(a),
        updateCell(a),
      ]),
      rowHeaders: true,
      className: "wm-report-actions",
    })}`,
  )}
  ${compareLinks(report, others)}`;
}
