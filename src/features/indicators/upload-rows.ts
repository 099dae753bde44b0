import type { ObservationFlag, PendingRow } from "../../db/schema.ts";
import { restore } from "../../platform/csv.ts";
import { findGeography } from "./geography.ts";
import { parsePeriod } from "./period.ts";

// Checks a tidy table (one observation a row) before anything is saved. Columns: period,
// geography (its official code), value, optionally flag, and one column per breakdown the
// indicator allows ("age band", "sex", …). Every problem is reported with its row number as a
// spreadsheet shows it (the heading row is row 1), so the analyst can find and fix it.

export interface RowError {
  /** The row in the file (the heading row is 1); 1 for problems with the headings. */
  row: number;
  column: string;
  message: string;
}

export interface CheckedUpload {
  rows: PendingRow[];
  errors: RowError[];
}

const FLAGS: readonly ObservationFlag[] = ["provisional", "revised", "estimated", "suppressed"];
const REQUIRED = ["period", "geography", "value"] as const;
/** Other names analysts give the required columns. */
const ALIASES: Record<string, (typeof REQUIRED)[number] | "flag"> = {
  period: "period",
  year: "period",
  geography: "geography",
  "geography code": "geography",
  geography_code: "geography",
  "area code": "geography",
  value: "value",
  flag: "flag",
  status: "flag",
};

function heading(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, " ");
}

/** "12206", "12,206", "-3.5"; null for anything else (text in a value). */
export function parseNumber(text: string): number | null {
  const t = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return Number(t.replaceAll(",", ""));
  return null;
}

function identity(row: PendingRow): string {
  const breakdown = Object.entries(row.breakdown).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([row.period, row.geography, breakdown]);
}

/**
 * Reads the table's rows into observations, or says what is wrong with each row. `table[0]` is
 * the heading row. `allowedBreakdowns` are the indicator's breakdown names.
 */
export function checkUploadRows(
  table: readonly string[][],
  allowedBreakdowns: readonly string[],
): CheckedUpload {
  const errors: RowError[] = [];
  // A breakdown's name or value Waymark's own download neutralised ("'=…") reads back as it was.
  const headings = (table[0] ?? []).map((text) => heading(restore(text.trim())));
  if (headings.every((h) => h === "")) {
    return {
      rows: [],
      errors: [{ row: 1, column: "", message: "The file is empty: it has no heading row." }],
    };
  }
  const allowed = new Map(allowedBreakdowns.map((b) => [heading(b), b]));
  const columns: Array<{
    index: number;
    role: "period" | "geography" | "value" | "flag" | "breakdown";
    name: string;
  }> = [];
  for (const [index, h] of headings.entries()) {
    if (h === "") continue;
    const role = ALIASES[h];
    if (role) {
      if (columns.some((c) => c.role === role))
        errors.push({ row: 1, column: h, message: `There are two "${role}" columns: keep one.` });
      columns.push({ index, role, name: role });
    } else if (allowed.has(h)) {
      columns.push({ index, role: "breakdown", name: allowed.get(h)! });
    } else {
      errors.push({
        row: 1,
        column: h,
        message: `"${h}" is not a breakdown of this indicator. ${
          allowedBreakdowns.length > 0
            ? `Its breakdowns are: ${allowedBreakdowns.join(", ")}.`
            : "It has no breakdowns: the columns are period, geography, value and flag."
        }`,
      });
    }
  }
  for (const required of REQUIRED)
    if (!columns.some((c) => c.role === required))
      errors.push({ row: 1, column: required, message: `The "${required}" column is missing.` });
  if (errors.length > 0) return { rows: [], errors };

  const rows: PendingRow[] = [];
  const seen = new Map<string, number>();
  for (let i = 1; i < table.length; i++) {
    const cells = table[i]!;
    const rowNumber = i + 1;
    if (cells.every((c) => c.trim() === "")) continue;
    const cell = (role: string) => (cells[columns.find((c) => c.role === role)!.index] ?? "").trim();
    const rowErrors: RowError[] = [];
    const fail = (column: string, message: string) => rowErrors.push({ row: rowNumber, column, message });

    const periodText = cell("period");
    const period = periodText === "" ? null : parsePeriod(periodText);
    if (periodText === "") fail("period", "The period is missing.");
    else if (!period)
      fail(
        "period",
        `"${periodText}" is not a period: write a year (2023), a financial year (2022-23) or a date (2023-07-31).`,
      );

    const geography = cell("geography").toUpperCase();
    if (geography === "") fail("geography", "The geography code is missing.");
    else if (!findGeography(geography))
      fail(
        "geography",
        `"${cell("geography")}" is not a geography code we know: use S92000003 for Scotland, or a council area (S12…) or health board (S08…) code.`,
      );

    const flagText = columns.some((c) => c.role === "flag") ? cell("flag").toLowerCase() : "";
    const flag = flagText === "" ? null : (FLAGS.find((f) => f === flagText) ?? undefined);
    if (flag === undefined)
      fail(
        "flag",
        `"${flagText}" is not a flag: use provisional, revised, estimated or suppressed, or leave it empty.`,
      );

    const valueText = cell("value");
    let value: number | null = null;
    if (valueText === "") {
      if (flag !== "suppressed")
        fail("value", "The value is missing (leave it empty only when the flag is suppressed).");
    } else {
      value = parseNumber(valueText);
      if (value === null) fail("value", `"${valueText}" is not a number.`);
    }

    const breakdown: Record<string, string> = {};
    for (const c of columns.filter((col) => col.role === "breakdown")) {
      const v = restore((cells[c.index] ?? "").trim());
      if (v !== "") breakdown[c.name] = v;
    }

    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    const row: PendingRow = { period: period!.text, geography, breakdown, value, flag: flag ?? null };
    const key = identity(row);
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({
        row: rowNumber,
        column: "",
        message: `This row repeats row ${first}: the same period, geography and breakdown.`,
      });
      continue;
    }
    seen.set(key, rowNumber);
    rows.push(row);
  }
  if (rows.length === 0 && errors.length === 0)
    errors.push({ row: 2, column: "", message: "The file has headings but no rows of data." });
  return { rows: errors.length > 0 ? [] : rows, errors };
}
