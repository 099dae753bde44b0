import { describe, expect, it } from "vitest";
import { readPointRows } from "./data-point-rows.ts";

describe("reading a file of data points", () => {
  it("reads date, value and change made by their headings, in any order and case, ignoring other columns", () => {
    expect(
      readPointRows([
        ["Value", "unit", "DATE", "Change made"],
        ["12", "moves", "2024-03-01", "Weekly check-ins began"],
        ["", "", "", ""],
        ["-3.5", "moves", "2024-04-01", "'=not a formula"],
      ]),
    ).toEqual({
      rows: [
        { date: "2024-03-01", value: 12, annotation: "Weekly check-ins began" },
        { date: "2024-04-01", value: -3.5, annotation: "=not a formula" },
      ],
      problems: [],
    });
  });

  it("names every row with a problem and reads none", () => {
    const result = readPointRows([
      ["date", "value", "change made"],
      ["2024-02-30", "1", ""],
      ["2024-03-01", "lots", ""],
      ["2024-04-01", "2", "=HYPERLINK(1)"],
      ["2024-05-01", "3", ""],
      ["2024-05-01", "4", ""],
    ]);
    expect(result.rows).toEqual([]);
    expect(result.problems).toEqual([
      "Row 2: write the date as year-month-day, for example 2024-03-01.",
      "Row 3: the value must be a number, for example 12 or 3.5.",
      "Row 4: the change made starts like a spreadsheet formula (= + - or @); put an apostrophe before it.",
      "Row 6: 2024-05-01 is given already, in row 5.",
    ]);
  });

  it("asks for the headings, and for at least one value", () => {
    expect(readPointRows([["when", "how many"]]).problems[0]).toContain('"date" and "value"');
    expect(readPointRows([["date", "value"]]).problems).toEqual([
      "The file has no values under its heading row.",
    ]);
  });
});
