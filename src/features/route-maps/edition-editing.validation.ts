import type { Framework, Section } from "../../db/schema.ts";
import type { FieldErrors } from "../../platform/errors.ts";
import { FRAMEWORKS, MILESTONE_YEARS } from "./route-map.types.ts";

// Checking what editors submit. Every form field arrives as text, or not at all; these pure
// functions turn it into a clean value, or add a message naming the field to `errors`. The
// editing services call them before they change anything.

/** Text limits: a heading or reference, and a paragraph. */
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

/** Ids in URLs: anything but a positive whole number that fits an integer is "not found". */
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

export function paragraph(what: string, required = true): TextRule {
  return { what, limit: PARAGRAPH_TEXT, required };
}

export function short(what: string, required = true): TextRule {
  return { what, limit: SHORT_TEXT, required };
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
    errors.year = `Choose a year from ${MILESTONE_YEARS[0]} to ${MILESTONE_YEARS[MILESTONE_YEARS.length - 1]}`;
    return null;
  }
  return year;
}

export function checkFramework(errors: FieldErrors, value: Submitted): Framework | null {
  const found = FRAMEWORKS.find((f) => f.code === clean(value));
  if (!found) {
    errors.framework = "Choose one of the four frameworks";
    return null;
  }
  return found.code;
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
  if (!day && !month && !year) {
    errors[field] = "Enter the date this edition was last updated";
    return null;
  }
  const missing = [!day && "day", !month && "month", !year && "year"].filter(Boolean);
  if (missing.length > 0) {
    errors[field] = `The date must include a ${missing.join(" and a ")}`;
    return null;
  }
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
    errors[field] = "Enter a real date, for example 1 12 2025";
    return null;
  }
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
