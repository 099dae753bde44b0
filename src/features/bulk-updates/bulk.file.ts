import { readSpreadsheet } from "../../platform/spreadsheet.ts";

// A spreadsheet of progress updates (platform/spreadsheet.ts reads it). A cell that holds a
// formula in a workbook reads as "=" and the formula, so the row checks refuse it like any
// formula-like text.

/** The largest spreadsheet accepted: an organisation's actions fit in far less. */
export const MAX_BULK_BYTES = 5 * 1024 * 1024;

/**
 * A workbook's limits once unzipped: an organisation's actions take a few thousand cells; these
 * keep what one upload can make the server hold (exceljs holds every cell) to tens of megabytes.
 */
export const BULK_WORKBOOK_LIMITS = { maxUnpackedBytes: 50 * 1024 * 1024, maxCells: 200_000 };

export function readSheet(fileName: string, data: Buffer): Promise<string[][]> {
  return readSpreadsheet(fileName, data, {
    maxBytes: MAX_BULK_BYTES,
    tooLarge: "The file is larger than 5 MB. Upload only your organisation's actions.",
    formulas: "text",
    workbook: BULK_WORKBOOK_LIMITS,
  });
}
