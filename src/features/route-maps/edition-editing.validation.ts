import type { Framework, Section } from "../../db/schema.ts";
import { type FieldErrors, ValidationError } from "../../platform/errors.ts";
import { FRAMEWORKS, MILESTONE_YEARS } from "./route-map.types.ts";

// Checking what people submit. Every form field arrives as text, or not at all; these pure
// functions turn it into a clean value, or add a message naming the field to `errors`, which the
// editing services then refuse with before they change anything. Ids and slugs in addresses are
// checked here too, so that nothing malformed reaches SQL.

/** Text limits: a heading or reference, and a paragraph. Edition documents keep to the same. */
export const SHORT_TEXT = 200;
export const PARAGRAPH_TEXT = 10_000;

/** Form fields as submitted: strings, or absent. The services check and convert them. */
export type Submitted = string | undefined;

const SECTIONS: readonly Section[] = [
  "outcome",
  "action",
  "milestone",
  "sector",
  "helping",
  "what_matters",
  "mapping",
];

/** Refuses the change, naming each field that needs correcting, if any does. */
export function throwIfInvalid(errors: FieldErrors): void {
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
}

/** Records a field's message; null is the value a refused field has. */
export function refuse(errors: FieldErrors, field: string, message: string): null {
  errors[field] = message;
  return null;
}

export function isSection(value: unknown): value is Section {
  return typeof value === "string" && (SECTIONS as readonly string[]).includes(value);
}

export function clean(value: Submitted): string {
  // Postgres text cannot hold NUL, and lone surrogates are not text: drop the one, mend the other.
  return (value ?? "").toWellFormed().replace(/\r\n?/g, "\n").replaceAll("\u0000", "").trim();
}

/** Route-map slugs as the app makes them. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether a value can name a route map; anything else cannot, and must not reach SQL. */
export function isSlug(value: string): boolean {
  return value.length <= 100 && SLUG.test(value);
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

/** A whole number written in a form, or null. Bounded so it always fits a database integer. */
function wholeNumber(value: Submitted): number | null {
  const text = clean(value);
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}

export function checkYear(errors: FieldErrors, value: Submitted): number | null {
  const year = wholeNumber(value);
  if (year === null || !(MILESTONE_YEARS as readonly number[]).includes(year)) {
    return refuse(errors, "year", `Choose a year from ${MILESTONE_YEARS[0]} to ${MILESTONE_YEARS.at(-1)}`);
  }
  return year;
}

export function checkFramework(errors: FieldErrors, value: Submitted): Framework | null {
  const found = FRAMEWORKS.find((f) => f.code === clean(value));
  return found ? found.code : refuse(errors, "framework", "Choose one of the four frameworks");
}

/** Checks day, month and year as typed; returns "YYYY-MM-DD". */
export function checkDate(
  errors: FieldErrors,
  field: string,
  input: { day: Submitted; month: Submitted; year: Submitted },
): string | null {
  const day = clean(input.day);
  const month = clean(input.month);
  const year = clean(input.year);
  if (!day && !month && !year) return refuse(errors, field, "Enter the date this edition was last updated");
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
