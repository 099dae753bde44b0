import { describe, expect, it } from "vitest";
import {
  manyCells,
  withDeclaredSize,
  workbookOfManyCells,
  workbookWithSheetData,
} from "../../test/support/hostile-workbook.ts";
import { ValidationError } from "./errors.ts";
import { checkWorkbookLimits, type WorkbookLimits } from "./workbook-limits.ts";

// A workbook is measured before anything reads it whole: what its zip declares, then what it
// really unpacks to, a chunk at a time. Small limits here; each reader sets its own.

const limits: WorkbookLimits = { maxUnpackedBytes: 1024 * 1024, maxCells: 1000 };

async function refusal(data: Uint8Array, given = limits): Promise<string | undefined> {
  const error = await checkWorkbookLimits(data, given).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fields.file;
}

describe("a workbook's limits", () => {
  it("lets a workbook within its limits through", async () => {
    await expect(checkWorkbookLimits(await workbookOfManyCells(1000), limits)).resolves.toBeUndefined();
  });

  it("refuses more cells than the limit, naming it", async () => {
    expect(await refusal(await workbookOfManyCells(1001))).toBe(
      "The workbook has more than 1,000 cells; the limit is 1,000. Keep only the sheet you need, or split the file.",
    );
  });

  it("refuses more rows than the limit, cells or none", async () => {
    const emptyRows = Array.from({ length: 1001 }, (_, r) => `<row r="${r + 1}"/>`).join("");
    expect(await refusal(await workbookWithSheetData(emptyRows))).toMatch(
      /^The workbook has more than 1,000 rows; the limit is 1,000\./,
    );
  });

  it("counts cells written with a namespace prefix, and across any cut in the stream", async () => {
    const prefixed = manyCells(1001).replaceAll("<c ", "<x:c ").replaceAll("</c>", "</x:c>");
    expect(await refusal(await workbookWithSheetData(prefixed))).toMatch(/more than 1,000 cells/);
  });

  it("refuses merged ranges and data validation that cover more cells than the limit", async () => {
    // exceljs makes an entry for every cell these cover: one line of XML could be billions.
    const covering = (after: string) => workbookWithSheetData(manyCells(10), {}, { after });
    const coverMessage =
      "The workbook's merged cells and data validation cover more than 1,000 cells; the limit is 1,000. Remove them, or keep only the sheet you need.";
    expect(
      await refusal(await covering(`<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>`)),
    ).toBe(coverMessage);
    const validation = (sqref: string) =>
      covering(
        `<dataValidations count="1"><dataValidation type="list" sqref="${sqref}"><formula1>"a,b"</formula1></dataValidation></dataValidations>`,
      );
    expect(await refusal(await validation("E2:E1048576"))).toBe(coverMessage);
    expect(await refusal(await validation("A1 B2:C3 $d$1:$AA$100"))).toBe(coverMessage);
    // A ">" inside a quoted value does not end the tag before the range is read.
    expect(
      await refusal(await covering(`<mergeCells><mergeCell xr:uid="a>b" ref='A1:Z1000'/></mergeCells>`)),
    ).toBe(coverMessage);
    await expect(
      checkWorkbookLimits(await covering(`<mergeCells><mergeCell ref="A1:J100"/></mergeCells>`), limits),
    ).resolves.toBeUndefined();
  });

  it("refuses columns past XFD, the last Excel has", async () => {
    const columns = (max: number) =>
      workbookWithSheetData(
        manyCells(10),
        {},
        { before: `<cols><col min="1" max="${max}" width="9"/></cols>` },
      );
    expect(await refusal(await columns(1_000_000_000))).toMatch(/^The workbook has columns past XFD/);
    await expect(checkWorkbookLimits(await columns(16_384), limits)).resolves.toBeUndefined();
  });

  it("refuses a workbook that declares more unzipped than the limit, before inflating it", async () => {
    const padded = await workbookWithSheetData(manyCells(10), {
      "xl/padding.xml": " ".repeat(2 * 1024 * 1024),
    });
    expect(await refusal(padded)).toBe(
      "The workbook holds 2 MB once unzipped; the limit is 1 MB. Keep only the sheet you need, or split the file.",
    );
  });

  it("refuses a part that unpacks to more than it declared, as unreadable", async () => {
    const lying = withDeclaredSize(await workbookOfManyCells(500), "xl/worksheets/sheet1.xml", 100);
    expect(await refusal(lying)).toBe("The file could not be read as an Excel workbook (.xlsx).");
  });

  it("refuses what is not a zip", async () => {
    expect(await refusal(Buffer.from("a,b\n1,2\n"))).toBe(
      "The file could not be read as an Excel workbook (.xlsx).",
    );
  });
});
