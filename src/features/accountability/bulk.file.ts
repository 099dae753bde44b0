import { parse } from "csv-parse/sync";
import type ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { ValidationError } from "../../platform/errors.ts";

// A spreadsheet of progress updates, read into a table of text cells: CSV in UTF-8 (with or
// without a byte-order mark) or, when its bytes are not valid UTF-8, Windows-1252 (what Excel on
// Windows writes as "CSV"); or an XLSX workbook's first worksheet. A cell that holds a formula in
// a workbook reads as "=" and the formula, so the row checks refuse it like any formula-like text.

/** The largest spreadsheet accepted: an organisation's actions fit in far less. */
export const MAX_BULK_BYTES = 5 * 1024 * 1024;

export type SheetKind = "csv" | "xlsx";

export function sheetKind(fileName: string): SheetKind | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".xlsx")) return "xlsx";
  return null;
}

/** The text of a CSV file: UTF-8 if it is valid UTF-8 (a byte-order mark dropped), else Windows-1252. */
export function decodeText(data: Buffer): { text: string; encoding: "utf-8" | "windows-1252" } {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(data);
    return { text, encoding: "utf-8" };
  } catch {
    return { text: iconv.decode(data, "win1252"), encoding: "windows-1252" };
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("formula" in value && typeof value.formula === "string") return `=${value.formula}`;
    if ("sharedFormula" in value && typeof value.sharedFormula === "string") return `=${value.sharedFormula}`;
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
    if ("error" in value) return String(value.error);
  }
  return String(value);
}

async function readXlsx(data: Buffer): Promise<string[][]> {
  // Loaded only when a workbook arrives or is made: exceljs is large.
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new ValidationError({ file: "The file could not be read as an Excel workbook (.xlsx)." });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ValidationError({ file: "The workbook has no worksheets." });
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    table[rowNumber - 1] = cells;
  });
  return Array.from(table, (r) => r ?? []);
}

function readCsv(data: Buffer): string[][] {
  const { text } = decodeText(data);
  try {
    return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ValidationError({ file: `The file could not be read as CSV: ${message}` });
  }
}

/** The file's cells, heading row first; a clear "file" error for anything that is not CSV or XLSX. */
export async function readSheet(fileName: string, data: Buffer): Promise<string[][]> {
  const kind = sheetKind(fileName);
  if (!kind)
    throw new ValidationError(
      { file: "Choose a CSV file (.csv) or an Excel workbook (.xlsx)." },
      "The file is not CSV or XLSX.",
    );
  if (data.length === 0) throw new ValidationError({ file: "The file is empty." }, "The file is empty.");
  if (data.length > MAX_BULK_BYTES)
    throw new ValidationError({
      file: "The file is larger than 5 MB. Upload only your organisation's actions.",
    });
  return kind === "csv" ? readCsv(data) : readXlsx(data);
}
