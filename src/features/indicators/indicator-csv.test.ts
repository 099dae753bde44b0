import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { IndicatorMeta, ObservationView } from "./indicator.types.ts";
import { observationsCsv } from "./indicator-csv.ts";
import { checkUploadRows } from "./upload-rows.ts";

// The indicator data download (/indicators/:slug/data.csv) is written by the one CSV writer: text
// a spreadsheet would run as a formula is neutralised as in every other download (issue 23 item 8),
// numbers are left as numbers, and the file still loads back as the observations it holds.

const HOSTILE_BREAKDOWN = '=HYPERLINK("http://evil.example","Click")';

const indicator = { breakdowns: [HOSTILE_BREAKDOWN, "sex"] } as Pick<IndicatorMeta, "breakdowns">;

const observation = (breakdown: Record<string, string>, value: number | null): ObservationView => ({
  period: "2023",
  periodType: "calendar_year",
  geography: "S12000023",
  geographyName: "Orkney Islands",
  breakdown,
  value,
  flag: value === null ? "suppressed" : null,
  suppressed: value === null,
});

const observations = [
  observation({ [HOSTILE_BREAKDOWN]: "+44 131 244 0000", sex: "@female" }, -3.5),
  observation({ [HOSTILE_BREAKDOWN]: "-", sex: '=cmd|"/C calc"!A0' }, null),
  observation({ sex: "male" }, 12),
];

describe("the indicator data download", () => {
  const text = observationsCsv(indicator as IndicatorMeta, observations);
  const table = parse(text, { bom: true }) as string[][];

  it("neutralises every text cell and heading a spreadsheet would run as a formula", () => {
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(table[0]).toEqual([
      "period",
      "geography",
      "geography name",
      `'${HOSTILE_BREAKDOWN}`,
      "sex",
      "value",
      "flag",
    ]);
    expect(table[1]).toEqual([
      "2023",
      "S12000023",
      "Orkney Islands",
      "'+44 131 244 0000",
      "'@female",
      "-3.5",
      "",
    ]);
    expect(table[2]).toEqual([
      "2023",
      "S12000023",
      "Orkney Islands",
      "'-",
      `'=cmd|"/C calc"!A0`,
      "",
      "suppressed",
    ]);
    expect(table[3]).toEqual(["2023", "S12000023", "Orkney Islands", "", "male", "12", ""]);
    for (const cell of table.flat()) expect(cell).not.toMatch(/^[=+@\t\r]|^-(?!\d)/);
  });

  it("loads back as the observations it holds, apostrophes taken away", () => {
    // The area's name is there for readers; an upload takes the columns without it.
    const withoutNames = table.map((row) => row.filter((_, column) => column !== 2));
    const checked = checkUploadRows(withoutNames, indicator.breakdowns);
    expect(checked.errors).toEqual([]);
    expect(checked.rows).toEqual([
      {
        period: "2023",
        geography: "S12000023",
        breakdown: { [HOSTILE_BREAKDOWN]: "+44 131 244 0000", sex: "@female" },
        value: -3.5,
        flag: null,
      },
      {
        period: "2023",
        geography: "S12000023",
        breakdown: { [HOSTILE_BREAKDOWN]: "-", sex: '=cmd|"/C calc"!A0' },
        value: null,
        flag: "suppressed",
      },
      { period: "2023", geography: "S12000023", breakdown: { sex: "male" }, value: 12, flag: null },
    ]);
  });
});
