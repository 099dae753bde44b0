import { ValidationError } from "../../platform/errors.ts";
import type { Period } from "./meeting-load.ts";

// The period the meeting load covers, as the landscape page's form sends it: two dates, each as
// day, month and year ("from-day", "from-month", "from-year", and the same for "to"). Nothing
// filled in: this calendar year.

export interface DateFields {
  day: string;
  month: string;
  year: string;
}

export interface PeriodForm {
  from: DateFields;
  to: DateFields;
}

function field(query: Record<string, unknown>, name: string): string {
  const value = query[name];
  return typeof value === "string" ? value.trim() : "";
}

function fieldsOf(query: Record<string, unknown>, name: "from" | "to"): DateFields {
  return {
    day: field(query, `${name}-day`),
    month: field(query, `${name}-month`),
    year: field(query, `${name}-year`),
  };
}

/** A real calendar date from its parts, or null. */
export function isoFromParts(parts: DateFields): string | null {
  if (!/^\d{1,2}$/.test(parts.day) || !/^\d{1,2}$/.test(parts.month) || !/^\d{4}$/.test(parts.year))
    return null;
  const [day, month, year] = [Number(parts.day), Number(parts.month), Number(parts.year)];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function partsOf(iso: string): DateFields {
  const [year, month, day] = iso.split("-");
  return { day: String(Number(day)), month: String(Number(month)), year: year ?? "" };
}

/** This calendar year, in Scotland. */
export function defaultPeriod(today: string): Period {
  const year = today.slice(0, 4);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/**
 * The period from the query string. Errors name the field: "from" or "to". The form as sent comes
 * back too, so the page can show what was typed beside the message.
 */
export function readPeriod(query: unknown, today: string): { period: Period; form: PeriodForm } {
  const q = (query ?? {}) as Record<string, unknown>;
  const form = { from: fieldsOf(q, "from"), to: fieldsOf(q, "to") };
  const blank = (d: DateFields) => d.day === "" && d.month === "" && d.year === "";
  if (blank(form.from) && blank(form.to)) {
    const period = defaultPeriod(today);
    return { period, form: { from: partsOf(period.from), to: partsOf(period.to) } };
  }
  const errors: Record<string, string> = {};
  const from = isoFromParts(form.from);
  const to = isoFromParts(form.to);
  if (from === null) errors.from = "Enter the first day of the period as a real date, for example 1 4 2025";
  if (to === null) errors.to = "Enter the last day of the period as a real date, for example 31 3 2026";
  if (from !== null && to !== null && to < from)
    errors.to = "The last day of the period must be on or after the first day";
  if (from !== null && to !== null && Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > 10)
    errors.to = "Choose a period of ten years or less";
  if (Object.keys(errors).length > 0) throw new PeriodError(errors, form);
  return { period: { from: from!, to: to! }, form };
}

/** A bad period, with the form as sent, so the page can be shown again with its errors. */
export class PeriodError extends ValidationError {
  readonly form: PeriodForm;
  constructor(fields: Record<string, string>, form: PeriodForm) {
    super(fields, "Check the dates of the period.");
    this.form = form;
  }
}
