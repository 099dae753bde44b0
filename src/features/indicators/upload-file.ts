import { readSpreadsheet } from "../../platform/spreadsheet.ts";

// An upload of indicator data (platform/spreadsheet.ts reads it; upload-rows.ts says what the
// cells mean). A workbook cell holding a formula reads as its result.

/** The largest file the web form and the command line accept for one upload. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/**
 * A workbook's limits once unzipped: a million cells is about 150,000 observations with their
 * breakdowns (every data zone for twenty years); larger data goes in as CSV or in several files.
 * A workbook of 1.8 million cells held a server for 13 s and 234 MB (issue 23): this keeps one
 * upload to about half that.
 */
export const INDICATOR_WORKBOOK_LIMITS = { maxUnpackedBytes: 100 * 1024 * 1024, maxCells: 1_000_000 };

export function readUploadFile(fileName: string, data: Buffer): Promise<string[][]> {
  return readSpreadsheet(fileName, data, {
    maxBytes: MAX_UPLOAD_BYTES,
    tooLarge: "The file is larger than 20 MB: split it, or load it with the command line.",
    formulas: "result",
    workbook: INDICATOR_WORKBOOK_LIMITS,
  });
}
