import { parse } from "csv-parse/sync";
import type ExcelJS from "exceljs";
import { ValidationError } from "../../platform/errors.ts";

// Reads an uploaded file into a table of text cells: CSV (UTF-8, with or without a byte-order
// mark, comma separated) or XLSX (its first worksheet). What the cells mean is upload-rows.ts's job.

/** The largest file the web form and the command line accept for one upload. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

function kindOf(fileName: string): "csv" | "xlsx" | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".xlsx")) return "xlsx";
  return null;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("result" in value) return cellText((value as { result: ExcelJS.CellValue }).result);
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
  }
  return String(value);
}

async function readXlsx(data: Buffer): Promise<string[][]> {
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
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    table[rowNumber - 1] = cells;
  });
  return Array.from(table, (r) => r ?? []);
}

function readCsv(data: Buffer): string[][] {
  try {
    return parse(data, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ValidationError({ file: `The file could not be read as CSV: ${message}` });
  }
}

/** The file's cells, heading row first; a clear "file" error for anything that is not CSV or XLSX. */
export async function readUploadFile(fileName: string, data: Buffer): Promise<string[][]> {
  const kind = kindOf(fileName);
  if (!kind)
    throw new ValidationError(
      { file: "Choose a CSV file (.csv) or an Excel workbook (.xlsx)." },
      "The file is not CSV or XLSX.",
    );
  if (data.length === 0) throw new ValidationError({ file: "The file is empty." }, "The file is empty.");
  if (data.length > MAX_UPLOAD_BYTES)
    throw new ValidationError({
      file: "The file is larger than 20 MB: split it, or load it with the command line.",
    });
  return kind === "csv" ? readCsv(data) : readXlsx(data);
}
