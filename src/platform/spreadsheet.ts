import { parse } from "csv-parse/sync";
import type ExcelJS from "exceljs";
import { ValidationError } from "./errors.ts";
import { checkWorkbookLimits, tooManyCellsMessage, type WorkbookLimits } from "./workbook-limits.ts";

// An uploaded spreadsheet read into a table of text cells, heading row first: CSV in UTF-8 (with
// or without a byte-order mark) or, when its bytes are not valid UTF-8, Windows-1252 (what Excel
// on Windows writes as "CSV"); or an XLSX workbook's first worksheet, once it is known to be within
// its limits (workbook-limits.ts). What the cells mean is each feature's job (indicators'
// upload-rows.ts, accountability's bulk.rows.ts).

type SheetKind = "csv" | "xlsx";

export interface SheetRules {
  /** The largest file accepted, and what to say when it is larger. */
  maxBytes: number;
  tooLarge: string;
  /**
   * A workbook cell holding a formula reads as its last result ("result"), or as "=" and the
   * formula ("text"), for readers that must refuse formulas like any formula-like text.
   */
  formulas: "result" | "text";
  /** How much a workbook may unpack to, and how many cells its sheets may hold. */
  workbook: WorkbookLimits;
}

function sheetKind(fileName: string): SheetKind | null {
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
    return { text: new TextDecoder("windows-1252").decode(data), encoding: "windows-1252" };
  }
}

function cellText(value: ExcelJS.CellValue, formulas: SheetRules["formulas"]): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if (formulas === "text") {
      if ("formula" in value && typeof value.formula === "string") return `=${value.formula}`;
      if ("sharedFormula" in value && typeof value.sharedFormula === "string")
        return `=${value.sharedFormula}`;
    } else if ("result" in value) {
      return cellText((value as { result: ExcelJS.CellValue }).result, formulas);
    }
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
    if ("error" in value) return String(value.error);
  }
  return String(value);
}

/**
 * The cells the table of `sheet` would have: each row as long as its last cell, an empty row one.
 * Counted before the table is built, since a few cells far apart (row 1,000,000, column XFD) make a
 * large table from a small sheet.
 */
function tableCells(sheet: ExcelJS.Worksheet): number {
  let cells = sheet.rowCount;
  sheet.eachRow((row) => {
    cells += Math.max(row.cellCount, 1) - 1;
  });
  return cells;
}

async function readXlsx(data: Buffer, rules: SheetRules): Promise<string[][]> {
  await checkWorkbookLimits(data, rules.workbook);
  // Loaded only when a workbook arrives: exceljs is large, and every command and server start would pay for it.
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new ValidationError({ file: "The file could not be read as an Excel workbook (.xlsx)." });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ValidationError({ file: "The workbook has no worksheets." });
  if (tableCells(sheet) > rules.workbook.maxCells)
    throw new ValidationError({ file: tooManyCellsMessage(rules.workbook.maxCells) });
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value, rules.formulas));
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
export async function readSpreadsheet(
  fileName: string,
  data: Buffer,
  rules: SheetRules,
): Promise<string[][]> {
  const kind = sheetKind(fileName);
  if (!kind)
    throw new ValidationError(
      { file: "Choose a CSV file (.csv) or an Excel workbook (.xlsx)." },
      "The file is not CSV or XLSX.",
    );
  if (data.length === 0) throw new ValidationError({ file: "The file is empty." }, "The file is empty.");
  if (data.length > rules.maxBytes) throw new ValidationError({ file: rules.tooLarge });
  return kind === "csv" ? readCsv(data) : readXlsx(data, rules);
}
