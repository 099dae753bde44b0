import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { workbookOfManyCells, workbookWithSheetData } from "../../test/support/hostile-workbook.ts";
import { windows1252 } from "../../test/support/windows-1252.ts";
import { ValidationError } from "./errors.ts";
import { readSpreadsheet, type SheetRules } from "./spreadsheet.ts";

// Reading an uploaded spreadsheet: both CSV encodings Excel writes, a workbook's formula cells
// read either way, and a clear "file" error for each thing that is not a spreadsheet we can read.

const rules = (formulas: SheetRules["formulas"]): SheetRules => ({
  maxBytes: 64 * 1024,
  tooLarge: "Too large for this test.",
  formulas,
  workbook: { maxUnpackedBytes: 1024 * 1024, maxCells: 1000 },
});

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Data");
  sheet.addRow(["Area", "Value", "Total"]);
  sheet.addRow(["Fife", 3, { formula: "B2*2", result: 6 }]);
  sheet.addRow(["Angus", { error: "#DIV/0!" }, ""]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function fileError(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fields.file;
}

describe("reading an uploaded spreadsheet", () => {
  it("reads CSV in UTF-8, with or without a byte-order mark, and in Windows-1252", async () => {
    const text = "Area,Note\nNa h-Eileanan Siar,Café £5 – ‘quoted’\n";
    const utf8 = Buffer.from(text, "utf8");
    const withMark = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    const windows = windows1252(text);
    expect(windows.equals(utf8)).toBe(false);
    const expected = [
      ["Area", "Note"],
      ["Na h-Eileanan Siar", "Café £5 – ‘quoted’"],
    ];
    for (const data of [utf8, withMark, windows]) {
      expect(await readSpreadsheet("data.CSV", data, rules("result"))).toEqual(expected);
    }
  });

  it("reads a workbook's first sheet, formulas as their results or as their text", async () => {
    const data = await workbook();
    expect(await readSpreadsheet("data.xlsx", data, rules("result"))).toEqual([
      ["Area", "Value", "Total"],
      ["Fife", "3", "6"],
      ["Angus", "#DIV/0!", ""],
    ]);
    expect((await readSpreadsheet("data.xlsx", data, rules("text")))[1]).toEqual(["Fife", "3", "=B2*2"]);
  });

  it("refuses a workbook past its limits before building its table, naming the limit", async () => {
    expect(
      await fileError(readSpreadsheet("data.xlsx", await workbookOfManyCells(1001), rules("result"))),
    ).toBe(
      "The workbook has more than 1,000 cells; the limit is 1,000. Keep only the sheet you need, or split the file.",
    );
    // Two cells, far apart: the table they make has a row for every row between them.
    const farApart = await workbookWithSheetData(
      `<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2000"><c r="B2000" t="s"><v>0</v></c></row>`,
    );
    expect(await fileError(readSpreadsheet("data.xlsx", farApart, rules("result")))).toMatch(
      /^The workbook has more than 1,000 cells; the limit is 1,000\./,
    );
    expect(
      await readSpreadsheet("data.xlsx", await workbookOfManyCells(20, 2), rules("result")),
    ).toHaveLength(10);
  });

  it("says what is wrong with anything else", async () => {
    const csv = Buffer.from("a,b\n");
    expect(await fileError(readSpreadsheet("data.txt", csv, rules("result")))).toBe(
      "Choose a CSV file (.csv) or an Excel workbook (.xlsx).",
    );
    expect(await fileError(readSpreadsheet("data.csv", Buffer.alloc(0), rules("result")))).toBe(
      "The file is empty.",
    );
    expect(
      await fileError(readSpreadsheet("data.csv", Buffer.alloc(64 * 1024 + 1, 97), rules("result"))),
    ).toBe("Too large for this test.");
    expect(await fileError(readSpreadsheet("data.xlsx", csv, rules("result")))).toBe(
      "The file could not be read as an Excel workbook (.xlsx).",
    );
    expect(await fileError(readSpreadsheet("data.csv", Buffer.from('a,"b\n'), rules("result")))).toMatch(
      /^The file could not be read as CSV: /,
    );
  });
});
