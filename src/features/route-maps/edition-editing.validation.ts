import type { Framework, Section } from "../../db/schema.ts";
import type { FieldErrors } from "../../platform/errors.ts";
import { clean, refuse, type Submitted } from "../../platform/validation.ts";
import { FRAMEWORKS, MILESTONE_YEARS } from "./route-map.types.ts";

// Checking what is about route maps: a section's name, a milestone's year, a framework. The
// generic checks (text, ids, dates) are in platform/validation.ts.

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
