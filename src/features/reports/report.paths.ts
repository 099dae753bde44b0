import type { ReportFormat } from "./report.types.ts";

// The addresses of reports, for their own pages and for pages that link to them.

export const REPORTS_PATH = "/reports";
export const MANAGE_REPORTS_PATH = "/manage/reports";

export function reportPath(id: number): string {
  return `/reports/${id}`;
}

export function reportFilePath(id: number, format: ReportFormat): string {
  return `/reports/${id}/report.${format}`;
}

export function comparePath(id: number, other: number): string {
  return `/reports/${id}/compare/${other}`;
}
