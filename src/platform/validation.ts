import { type FieldErrors, ValidationError } from "./errors.ts";

// Checking what people submit. Every form field arrives as text, or not at all; these pure
// functions turn it into a clean value, or add a message naming the field to `errors`, which the
// services then refuse with before they change anything. Ids in addresses and forms are checked
// here too (slugs in platform/slugs.ts), so that nothing malformed reaches SQL.

/** Text limits: a heading or reference, and a paragraph. Edition documents keep to the same. */
export const SHORT_TEXT = 200;
export const PARAGRAPH_TEXT = 10_000;

/** Form fields as submitted: strings, or absent. The services check and convert them. */
export type Submitted = string | undefined;

/** Refuses the change, naming each field that needs correcting, if any does. */
export function throwIfInvalid(errors: FieldErrors): void {
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
}

/** Records a field's message; null is the value a refused field has. */
export function refuse(errors: FieldErrors, field: string, message: string): null {
  errors[field] = message;
  return null;
}

export function clean(value: Submitted): string {
  // Postgres text cannot hold NUL, and lone surrogates are not text: drop the one, mend the other.
  return (value ?? "").toWellFormed().replace(/\r\n?/g, "\n").replaceAll("\u0000", "").trim();
}

/** Ids in addresses and forms: anything but a positive whole number that fits an integer is none. */
export function parseId(value: unknown): number | null {
  if (typeof value !== "string" || !/^[1-9]\d{0,9}$/.test(value)) return null;
  const id = Number(value);
  return id <= 2_147_483_647 ? id : null;
}

export interface TextRule {
  what: string;
  limit: number;
  required: boolean;
  emptyMessage?: string;
}

type TextOptions = { required?: boolean; emptyMessage?: string };

/** For a field that may be left empty: `paragraph("introduction", optional)`. */
export const optional: TextOptions = { required: false };

/** A paragraph's rule: required unless said otherwise; `emptyMessage` replaces "Enter the …". */
export function paragraph(what: string, options: TextOptions = {}): TextRule {
  return { what, limit: PARAGRAPH_TEXT, required: true, ...options };
}

/** A heading's or a reference's rule, likewise. */
export function short(what: string, options: TextOptions = {}): TextRule {
  return { what, limit: SHORT_TEXT, required: true, ...options };
}

/** Checks a text field; adds a message naming the field to `errors` and returns the clean text. */
export function checkText(errors: FieldErrors, field: string, value: Submitted, rule: TextRule): string {
  const text = clean(value);
  if (rule.required && text === "") errors[field] = rule.emptyMessage ?? `Enter the ${rule.what}`;
  else if (text.length > rule.limit) {
    errors[field] =
      `The ${rule.what} must be ${rule.limit.toLocaleString("en-GB")} characters or fewer; it has ${text.length.toLocaleString("en-GB")}`;
  }
  return text;
}

/**
 * Checks day, month and year as typed; returns "YYYY-MM-DD". `emptyMessage` is what a form with
 * none of the three says ("Enter the date this edition was last updated").
 */
export function checkDate(
  errors: FieldErrors,
  field: string,
  input: { day: Submitted; month: Submitted; year: Submitted },
  emptyMessage = "Enter the date",
): string | null {
  const day = clean(input.day);
  const month = clean(input.month);
  const year = clean(input.year);
  if (!day && !month && !year) return refuse(errors, field, emptyMessage);
  const missing = [!day && "day", !month && "month", !year && "year"].filter(Boolean);
  if (missing.length > 0) return refuse(errors, field, `The date must include a ${missing.join(" and a ")}`);
  const number = (v: string) => (/^\d{1,4}$/.test(v) ? Number(v) : Number.NaN);
  const [d, m, y] = [number(day), number(month), number(year)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (
    !Number.isInteger(d) ||
    !Number.isInteger(m) ||
    !Number.isInteger(y) ||
    y < 2000 ||
    y > 2100 ||
    date.getUTCFullYear() !== y ||
    date.getUTCMonth() !== m - 1 ||
    date.getUTCDate() !== d
  ) {
    return refuse(errors, field, "Enter a real date, for example 1 12 2025");
  }
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
