import type { FieldErrors } from "../../platform/errors.ts";
import { checkDate, clean, refuse, type Submitted } from "../../platform/validation.ts";
import type { DateInput } from "./governance.types.ts";

// Checking governance input, as forms send it (text, or absent) or as importers pass it ("YYYY-MM-DD",
// "HH:MM"). Each check adds a message naming the field and returns a clean value or null.

function isRealIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return (
    y >= 2000 &&
    y <= 2100 &&
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === m - 1 &&
    date.getUTCDate() === d
  );
}

/**
 * A date given as "YYYY-MM-DD" or as a form's day, month and year. Empty gives null, or a message
 * when the date is required: "Enter the date of the meeting".
 */
export function checkDateInput(
  errors: FieldErrors,
  field: string,
  input: DateInput | undefined | null,
  options: { what: string; required: boolean },
): string | null {
  if (input === undefined || input === null) {
    return options.required ? refuse(errors, field, `Enter the ${options.what}`) : null;
  }
  if (typeof input === "string") {
    const text = clean(input);
    if (text === "") return options.required ? refuse(errors, field, `Enter the ${options.what}`) : null;
    return isRealIsoDate(text) ? text : refuse(errors, field, `Enter the ${options.what} as a real date`);
  }
  const parts = { day: clean(input.day), month: clean(input.month), year: clean(input.year) };
  if (!parts.day && !parts.month && !parts.year)
    return options.required ? refuse(errors, field, `Enter the ${options.what}`) : null;
  const scratch: FieldErrors = {};
  const iso = checkDate(scratch, field, parts);
  if (iso === null) {
    const message = scratch[field] ?? "";
    return refuse(
      errors,
      field,
      message.startsWith("Enter a real date")
        ? `The ${options.what} must be a real date, for example 21 5 2024`
        : message,
    );
  }
  return iso;
}

/**
 * A time of day: "15:05", "3.05pm", "3:05 p.m.", "9am". Returns "HH:MM" (24-hour), or null when
 * empty.
 */
export function checkTime(errors: FieldErrors, field: string, value: Submitted, what: string): string | null {
  const text = clean(value).toLowerCase().replace(/\s+/g, "");
  if (text === "") return null;
  const match = /^(\d{1,2})(?:[:.](\d{2}))?(a\.?m\.?|p\.?m\.?)?$/.exec(text);
  if (match) {
    let hour = Number(match[1]);
    const minute = Number(match[2] ?? "0");
    const half = match[3]?.[0];
    const valid = half ? hour >= 1 && hour <= 12 : hour <= 23 && match[2] !== undefined;
    if (valid && minute <= 59) {
      if (half === "p" && hour < 12) hour += 12;
      if (half === "a" && hour === 12) hour = 0;
      return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
    }
  }
  return refuse(errors, field, `Enter the ${what} as a time, for example 15:05 or 3.05pm`);
}

/** One of a fixed list of values, or a message. */
export function checkChoice<T extends string>(
  errors: FieldErrors,
  field: string,
  value: Submitted,
  choices: readonly T[],
  message: string,
): T | null {
  const text = clean(value);
  return (choices as readonly string[]).includes(text) ? (text as T) : refuse(errors, field, message);
}

/** "yes", "true", "on" (a ticked box) → true. */
export function checkFlag(value: Submitted | boolean): boolean {
  if (typeof value === "boolean") return value;
  return ["yes", "true", "on", "1"].includes(clean(value).toLowerCase());
}

/** A list of lines: blank lines and leading bullets dropped. */
export function lines(value: Submitted | readonly string[]): string[] {
  const all = typeof value === "string" || value === undefined ? clean(value).split("\n") : [...value];
  return all.map((line) => clean(line).replace(/^[-•*]\s*/, "")).filter((line) => line !== "");
}

/** A web address for a paper: http or https only. */
export function checkUrl(errors: FieldErrors, field: string, value: Submitted): string | null {
  const text = clean(value);
  if (text === "") return null;
  try {
    const url = new URL(text);
    if ((url.protocol === "https:" || url.protocol === "http:") && text.length <= 2000) return url.toString();
  } catch {
    // falls through to the message
  }
  return refuse(errors, field, "Enter a web address starting with https://");
}
