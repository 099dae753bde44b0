import { stringify } from "csv-stringify/sync";

// Spreadsheet cells going out (CSV downloads, XLSX workbooks) and coming back. A spreadsheet
// treats a cell that begins with = + - @ (or a tab or carriage return, which some strip first) as
// a formula, so a name like "=HYPERLINK(…)" typed into a form could run when an analyst opens the
// file. Such cells get a leading apostrophe, which spreadsheets show as text and do not evaluate
// (OWASP's advice on CSV injection). Numbers are left alone. A cell that already begins with
// apostrophes before such a character gets one more, so `restore` can always take exactly one
// away: what was written reads back as what it was.

const FORMULA_START = /^[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

export type Cell = string | number | boolean | null;

/** A cell as it is safe to write. */
export function neutralise(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  return FORMULA_START.test(value) || NEUTRALISED.test(value) ? `'${value}` : value;
}

/** Would a spreadsheet run this cell as a formula? */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

/** A cell read back from a file Waymark wrote: the apostrophe `neutralise` added taken away. */
export function restore(text: string): string {
  return NEUTRALISED.test(text) ? text.slice(1) : text;
}

/**
 * The rows as CSV with a header row, every line ended CRLF (RFC 4180), with a byte-order mark for
 * Excel. Headings are neutralised too: some come from what people typed (an indicator's breakdowns).
 */
export function toCsv(header: string[], rows: Cell[][]): string {
  const table = [header, ...rows].map((r) => r.map(neutralise));
  return `\uFEFF${stringify(table, { record_delimiter: "windows" })}`;
}
