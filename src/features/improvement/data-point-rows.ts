import { isFormulaLike, restore } from "../../platform/csv.ts";
import { parseIsoDate } from "../../platform/dates.ts";
import { SHORT_TEXT } from "../../platform/validation.ts";
import { parseValue } from "./value.ts";

// What the cells of a data-point file mean: a heading row naming "date" and "value" (and, if
// wanted, "change made"), whatever their case and order, then one row per value. The measure's
// own CSV download reads back as it is: its other columns are ignored. Pure, so the row-level
// messages are tested by hand.

export interface PointRow {
  date: string;
  value: number;
  annotation: string;
}

export type RowsResult = { rows: PointRow[]; problems: [] } | { rows: []; problems: string[] };

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function realDate(text: string): boolean {
  const p = parseIsoDate(text);
  if (!ISO.test(text) || !p) return false;
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day));
  return p.year >= 2000 && p.year <= 2100 && d.getUTCMonth() === p.month - 1 && d.getUTCDate() === p.day;
}

/** The rows of a file, or a message per row (and heading) that needs correcting; nothing is half-read. */
export function readPointRows(cells: string[][]): RowsResult {
  const [heading = [], ...body] = cells;
  const names = heading.map((h) => h.trim().toLowerCase());
  const column = (name: string) => names.indexOf(name);
  const [dateAt, valueAt, noteAt] = [column("date"), column("value"), column("change made")];
  const problems: string[] = [];
  if (dateAt < 0 || valueAt < 0) {
    return {
      rows: [],
      problems: [
        'The first row must name the columns "date" and "value" (and "change made", if you want it).',
      ],
    };
  }
  const rows: PointRow[] = [];
  const seen = new Map<string, number>();
  body.forEach((row, i) => {
    const line = i + 2;
    if (row.every((cell) => cell.trim() === "")) return;
    const date = (row[dateAt] ?? "").trim();
    const valueText = (row[valueAt] ?? "").trim();
    const rawNote = (row[noteAt] ?? "").trim();
    const before = problems.length;
    if (!realDate(date))
      problems.push(`Row ${line}: write the date as year-month-day, for example 2024-03-01.`);
    const value = valueText === "" ? null : parseValue(valueText);
    if (value === null) problems.push(`Row ${line}: the value must be a number, for example 12 or 3.5.`);
    const note = noteAt < 0 ? "" : restore(rawNote);
    if (noteAt >= 0 && isFormulaLike(rawNote))
      problems.push(
        `Row ${line}: the change made starts like a spreadsheet formula (= + - or @); put an apostrophe before it.`,
      );
    else if (note.length > SHORT_TEXT)
      problems.push(`Row ${line}: the change made must be ${SHORT_TEXT} characters or fewer.`);
    if (realDate(date)) {
      const earlier = seen.get(date);
      if (earlier !== undefined) problems.push(`Row ${line}: ${date} is given already, in row ${earlier}.`);
      else seen.set(date, line);
    }
    if (problems.length === before && value !== null) rows.push({ date, value, annotation: note });
  });
  if (problems.length > 0) return { rows: [], problems };
  if (rows.length === 0) return { rows: [], problems: ["The file has no values under its heading row."] };
  return { rows, problems: [] };
}
