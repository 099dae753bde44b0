import { readSpreadsheet } from "../../platform/spreadsheet.ts";

// An upload of indicator data (platform/spreadsheet.ts reads it; upload-rows.ts says what the
// cells mean). A workbook cell holding a formula reads as its result.

/** The largest file the web form and the command line accept for one upload. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export function readUploadFile(fileName: string, data: Buffer): Promise<string[][]> {
  return readSpreadsheet(fileName, data, {
    maxBytes: MAX_UPLOAD_BYTES,
    tooLarge: "The file is larger than 20 MB: split it, or load it with the command line.",
    formulas: "result",
  });
}
