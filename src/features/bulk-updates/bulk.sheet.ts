import { type Cell, neutralise, toCsv } from "../../platform/csv.ts";
import type { Confidence, ProgressStatus } from "../accountability/progress-status.ts";
import { confidenceLabel, statusInfo } from "../accountability/progress-status.ts";

// The spreadsheet an organisation downloads, fills in and uploads: one row per action it must
// act on. The columns are fixed here once, for writing (CSV and XLSX) and for reading back.
// Reference and version say which action and which state of it the row was made from; status,
// percent, confidence and narrative are what the organisation may change; the rest is there to
// read, and ignored when the file comes back.

export const COLUMNS = {
  reference: "Reference",
  routeMap: "Route map",
  action: "Action",
  role: "Role",
  due: "Due",
  status: "Status",
  percent: "Percent",
  confidence: "Confidence",
  narrative: "Narrative",
  version: "Version",
} as const;

export type ColumnName = keyof typeof COLUMNS;

/** The columns an upload must have: the rest may be left out. */
export const REQUIRED: readonly ColumnName[] = [
  "reference",
  "status",
  "percent",
  "confidence",
  "narrative",
  "version",
];

/** Columns written for reading only: their cells are not checked when the file comes back. */
export const INFORMATION: readonly ColumnName[] = ["routeMap", "action", "role", "due"];

export const HEADINGS: readonly string[] = Object.values(COLUMNS);

/** An action's stable reference in a spreadsheet: its route map's slug and its key. */
export function actionReference(themeSlug: string, key: string): string {
  return `${themeSlug}/${key}`;
}

export interface SheetRow {
  reference: string;
  routeMap: string;
  action: string;
  role: string;
  due: string;
  /** Null: nobody has reported on it yet (the cells stay empty). */
  current: { status: ProgressStatus; percent: number; confidence: Confidence; narrative: string } | null;
  version: number;
}

function cells(row: SheetRow): Cell[] {
  return [
    row.reference,
    row.routeMap,
    row.action,
    row.role,
    row.due,
    row.current ? statusInfo(row.current.status).label : "",
    row.current ? row.current.percent : null,
    row.current ? confidenceLabel(row.current.confidence) : "",
    row.current ? row.current.narrative : "",
    row.version,
  ];
}

export function sheetCsv(rows: SheetRow[]): string {
  return toCsv([...HEADINGS], rows.map(cells));
}

/** The same rows as an XLSX workbook; text cells neutralised as in the CSV, so both read back alike. */
export async function sheetXlsx(rows: SheetRow[], sheetName: string): Promise<Buffer> {
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  workbook.creator = "Waymark";
  const sheet = workbook.addWorksheet(sheetName.replace(/[*?:\\/[\]]/g, " ").slice(0, 31) || "Actions");
  sheet.addRow([...HEADINGS]);
  sheet.getRow(1).font = { bold: true };
  for (const row of rows)
    sheet.addRow(cells(row).map((c) => (typeof c === "number" ? c : c === null ? null : neutralise(c))));
  const widths = [48, 20, 60, 10, 18, 14, 9, 14, 60, 9];
  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
