import { type Cell, neutralise, toCsv } from "../../platform/csv.ts";
import { actionPath } from "./accountability.paths.ts";
import type { ActionRecord } from "./open-data.service.ts";
import { statusInfo } from "./progress-status.ts";

// The public data of accountability as a spreadsheet: one row per action, the same columns in CSV
// and XLSX. Headings are lower_snake_case, the style of every new CSV (README, "Open data").
// An empty status means nobody had reported on the action; a superseded action has no percent,
// as on the route map's page.

export const ACTION_HEADINGS = [
  "foundation",
  "route_map",
  "edition",
  "edition_date",
  "action_number",
  "action_key",
  "action",
  "lead_organisations",
  "partner_organisations",
  "lead_sectors",
  "partner_sectors",
  "due_date",
  "due_year",
  "status",
  "percent",
  "last_update",
  "updated_by",
  "progress_as_at",
  "address",
] as const;

function names(record: ActionRecord, role: "lead" | "partner", kind: "organisation" | "sector"): string {
  return record.parties
    .filter((p) => p.role === role && p.kind === kind)
    .map((p) => p.name)
    .join("; ");
}

/** One action's cells, in ACTION_HEADINGS order; addresses absolute from the configured base. */
export function actionCells(record: ActionRecord, asAt: string, baseUrl: string): Cell[] {
  const latest = record.latest;
  return [
    record.foundation.name,
    record.routeMap.name,
    record.edition.label || record.edition.date,
    record.edition.date,
    record.number,
    record.key,
    record.text,
    names(record, "lead", "organisation"),
    names(record, "partner", "organisation"),
    names(record, "lead", "sector"),
    names(record, "partner", "sector"),
    record.due.date,
    record.due.year,
    latest ? statusInfo(latest.status).label : null,
    latest && latest.status !== "superseded" ? latest.percent : null,
    latest?.submittedOn ?? null,
    latest?.by ?? null,
    asAt,
    new URL(actionPath(record.routeMap.slug, record.key), baseUrl).href,
  ];
}

/** The actions as CSV (shared writer: formula cells neutralised, byte-order mark, CRLF). */
export function actionsCsv(records: ActionRecord[], asAt: string, baseUrl: string): string {
  return toCsv(
    [...ACTION_HEADINGS],
    records.map((r) => actionCells(r, asAt, baseUrl)),
  );
}

/** The same rows as an XLSX workbook, text cells neutralised as in the CSV, so both read back alike. */
export async function actionsXlsx(records: ActionRecord[], asAt: string, baseUrl: string): Promise<Buffer> {
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  workbook.creator = "Waymark";
  const sheet = workbook.addWorksheet("Actions");
  sheet.addRow([...ACTION_HEADINGS]);
  sheet.getRow(1).font = { bold: true };
  for (const record of records)
    sheet.addRow(
      actionCells(record, asAt, baseUrl).map((c) =>
        typeof c === "number" || c === null ? c : neutralise(c),
      ),
    );
  const widths = [20, 24, 18, 12, 8, 12, 60, 30, 30, 20, 20, 12, 8, 12, 8, 12, 24, 12, 40];
  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
