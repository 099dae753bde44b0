import { reportFilePath, reportPath } from "./report.paths.ts";
import type { Report, ReportSummary } from "./report.types.ts";
import { statusTotals } from "./report-text.ts";

// What JSON leaves the app for reports: addresses made absolute from the configured base address.

function links(baseUrl: string, id: number) {
  return {
    page: `${baseUrl}${reportPath(id)}`,
    files: {
      docx: `${baseUrl}${reportFilePath(id, "docx")}`,
      xlsx: `${baseUrl}${reportFilePath(id, "xlsx")}`,
      pdf: `${baseUrl}${reportFilePath(id, "pdf")}`,
    },
  };
}

export function presentReportSummary(r: ReportSummary, baseUrl: string) {
  return {
    id: r.id,
    kind: r.kind,
    subject: r.subject,
    title: r.title,
    asAt: r.asAt,
    generatedAt: r.generatedAt.toISOString(),
    ...links(baseUrl, r.id),
  };
}

export function presentReport(r: Report, baseUrl: string) {
  const s = r.snapshot;
  return {
    ...presentReportSummary(r, baseUrl),
    totals: statusTotals(s),
    introduction: s.introduction,
    outcomes: s.outcomes,
    sections: s.sections,
  };
}
