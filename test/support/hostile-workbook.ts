import ExcelJS from "exceljs";
import JSZip from "jszip";

// Workbooks built to hurt a reader (issue 23): a few hundred kilobytes zipped that unpack to many
// megabytes of cells, parts that lie about their size. Each starts as a real workbook written by
// exceljs, so a reader with no limits would open it.

const SHEET = "xl/worksheets/sheet1.xml";

/**
 * A real workbook whose first sheet's rows are `sheetData` (the XML inside <sheetData>), with
 * `around.before` and `around.after` it (<cols>, <mergeCells>, <dataValidations>).
 */
export async function workbookWithSheetData(
  sheetData: string,
  extraParts: Record<string, string> = {},
  around: { before?: string; after?: string } = {},
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Data").addRow(["x"]); // shared string 0 is "x"
  const zip = await JSZip.loadAsync(await book.xlsx.writeBuffer());
  zip.file(
    SHEET,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${around.before ?? ""}` +
      `<sheetData>${sheetData}</sheetData>${around.after ?? ""}</worksheet>`,
  );
  for (const [name, content] of Object.entries(extraParts)) zip.file(name, content);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** The column letters of a 0-based column number: 0 → A, 26 → AA. */
function column(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** The sheet XML of `cells` shared-string cells in rows of `columns`, as a spreadsheet bomb has. */
export function manyCells(cells: number, columns = 10): string {
  const rows: string[] = [];
  for (let r = 0; r * columns < cells; r++) {
    const row: string[] = [];
    for (let c = 0; c < columns && r * columns + c < cells; c++)
      row.push(`<c r="${column(c)}${r + 1}" t="s"><v>0</v></c>`);
    rows.push(`<row r="${r + 1}">${row.join("")}</row>`);
  }
  return rows.join("");
}

/** A workbook of `cells` shared-string cells: about 0.5 MB zipped for 250,000 cells. */
export const workbookOfManyCells = (cells: number, columns = 10) =>
  workbookWithSheetData(manyCells(cells, columns));

/**
 * The same zip with `entry` declaring `size` bytes unzipped, in its central directory and its local
 * header alike, whatever it really holds: a reader that trusts declared sizes is fooled.
 */
export function withDeclaredSize(zip: Buffer, entry: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const name = Buffer.from(entry);
  for (let at = 0; at < out.length - 46; at++) {
    const signature = out.readUInt32LE(at);
    if (signature === 0x02014b50 && out.subarray(at + 46, at + 46 + name.length).equals(name)) {
      out.writeUInt32LE(size, at + 24);
    } else if (signature === 0x04034b50 && out.subarray(at + 30, at + 30 + name.length).equals(name)) {
      out.writeUInt32LE(size, at + 22);
    }
  }
  return out;
}
