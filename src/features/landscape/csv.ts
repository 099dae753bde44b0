import { stringify } from "csv-stringify/sync";

// CSV downloads. A spreadsheet treats a cell that begins with = + - @ (or a tab or carriage
// return, which some strip first) as a formula, so a name like "=HYPERLINK(…)" typed into a form
// could run when an analyst opens the file. Such cells get a leading apostrophe, which spreadsheets
// show as text and do not evaluate (OWASP's advice on CSV injection). Numbers are left alone.

const FORMULA_START = /^[=+\-@\t\r]/;

export type Cell = string | number | boolean | null;

/** A cell as it is safe to write. */
export function neutralise(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The rows as CSV with a header row, every line ended CRLF (RFC 4180), with a byte-order mark for Excel. */
export function toCsv(header: string[], rows: Cell[][]): string {
  return `\uFEFF${stringify([header, ...rows.map((r) => r.map(neutralise))], { record_delimiter: "windows" })}`;
}
