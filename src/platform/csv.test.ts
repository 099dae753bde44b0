import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { isFormulaLike, neutralise, restore, toCsv } from "./csv.ts";

describe("CSV downloads", () => {
  it("neutralises cells a spreadsheet would run as a formula", () => {
    expect(neutralise('=HYPERLINK("http://evil")')).toBe('\'=HYPERLINK("http://evil")');
    expect(neutralise("+44 131 244 0000")).toBe("'+44 131 244 0000");
    expect(neutralise("-1")).toBe("'-1");
    expect(neutralise("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutralise("\t=1")).toBe("'\t=1");
    expect(neutralise("Louise Long")).toBe("Louise Long");
    expect(neutralise(-1)).toBe("-1");
    expect(neutralise(null)).toBe("");
    expect(neutralise(true)).toBe("yes");
  });

  it("writes a header and quoted rows that read back the same", () => {
    const text = toCsv(
      ["name", "remit"],
      [
        ["Group, one", 'Says "hello"\non two lines'],
        ["=cmd", null],
      ],
    );
    expect(text.startsWith("\uFEFFname,remit\r\n")).toBe(true);
    expect(toCsv(["=heading", "age band"], []).startsWith("\uFEFF'=heading,age band\r\n")).toBe(true);
    expect(parse(text.slice(1))).toEqual([
      ["name", "remit"],
      ["Group, one", 'Says "hello"\non two lines'],
      ["'=cmd", ""],
    ]);
  });

  it("reads a neutralised cell back as what it was, even one that began with an apostrophe", () => {
    for (const text of ["=SUM(A1)", "'=SUM(A1)", "''+1", "-", "@home", "it's fine", "'quoted'", "plain"]) {
      const written = neutralise(text);
      expect(isFormulaLike(written)).toBe(false);
      expect(restore(written)).toBe(text);
    }
    expect(isFormulaLike("=1+1")).toBe(true);
    expect(isFormulaLike("\rcmd")).toBe(true);
  });
});
