import type { FieldErrors } from "../../platform/errors.ts";
import { checkDate, checkText, clean, parseId, short } from "../../platform/validation.ts";

// Checking the form that opens a reporting round. Pure: every message names its field, in words
// someone filling in the form understands.

/** A round's form as submitted: every field text, or absent. */
export interface RoundInput {
  title: string | undefined;
  dueDay: string | undefined;
  dueMonth: string | undefined;
  dueYear: string | undefined;
  /** "all" route maps, or "chosen" ones (then `themes`). */
  scope: string | undefined;
  themes: string[];
  /** Whole numbers of days, separated by commas or spaces: "14, 3". */
  daysBefore: string | undefined;
  daysAfter: string | undefined;
}

export const MAX_REMINDER_DAYS = 365;
const MAX_REMINDERS = 10;

/** "YYYY-MM-DD" plus or minus whole days. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** "14, 3" → [14, 3]; a message for the field when it is not a list of whole numbers in range. */
export function parseOffsets(
  errors: FieldErrors,
  field: string,
  value: string | undefined,
  when: "before" | "after",
): number[] {
  const text = clean(value);
  if (text === "") return [];
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const numbers = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : Number.NaN));
  const lowest = when === "before" ? 0 : 1;
  if (numbers.some((n) => !Number.isInteger(n) || n < lowest || n > MAX_REMINDER_DAYS)) {
    errors[field] =
      `Enter the days ${when} the due date as whole numbers from ${lowest} to ${MAX_REMINDER_DAYS}, separated by commas, like ${when === "before" ? "14, 3" : "1, 7"}`;
    return [];
  }
  const unique = [...new Set(numbers)].sort((a, b) => (when === "before" ? b - a : a - b));
  if (unique.length > MAX_REMINDERS) {
    errors[field] = `Give at most ${MAX_REMINDERS} reminders ${when} the due date`;
    return [];
  }
  return unique;
}

export interface CheckedRound {
  title: string;
  dueDate: string;
  allRouteMaps: boolean;
  themeIds: number[];
  daysBefore: number[];
  daysAfter: number[];
}

/** Checks the form; `themeIds` are the route maps one may choose from. Errors go into `errors`. */
export function checkRound(
  errors: FieldErrors,
  input: RoundInput,
  today: string,
  themeIds: readonly number[],
): CheckedRound {
  const title = checkText(errors, "title", input.title, short("name of the round"));
  let dueDate: string | null = null;
  if (!clean(input.dueDay) && !clean(input.dueMonth) && !clean(input.dueYear))
    errors.dueDate = "Enter the date updates are due";
  else {
    dueDate = checkDate(errors, "dueDate", { day: input.dueDay, month: input.dueMonth, year: input.dueYear });
    if (dueDate !== null && dueDate < today) {
      errors.dueDate = "The due date must be today or later";
      dueDate = null;
    }
  }
  const scope = clean(input.scope);
  let chosen: number[] = [];
  if (scope !== "all" && scope !== "chosen") errors.scope = "Choose which actions the round asks about";
  if (scope === "chosen") {
    const ids = input.themes.map((t) => parseId(t));
    if (ids.length === 0) errors.themes = "Choose at least one route map";
    else if (ids.some((id) => id === null || !themeIds.includes(id)))
      errors.themes = "Choose route maps from the list";
    else chosen = [...new Set(ids as number[])];
  }
  const daysBefore = parseOffsets(errors, "daysBefore", input.daysBefore, "before");
  const daysAfter = parseOffsets(errors, "daysAfter", input.daysAfter, "after");
  return {
    title,
    dueDate: dueDate ?? "",
    allRouteMaps: scope === "all",
    themeIds: chosen,
    daysBefore,
    daysAfter,
  };
}

/** The days reminders go on: before and after the due date, never before today, in order. */
export function reminderDays(round: CheckedRound, today: string): string[] {
  const days = [
    ...round.daysBefore.map((n) => addDays(round.dueDate, -n)),
    ...round.daysAfter.map((n) => addDays(round.dueDate, n)),
  ].filter((d) => d >= today);
  return [...new Set(days)].sort();
}
