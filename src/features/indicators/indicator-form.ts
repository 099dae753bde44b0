import type { BetterDirection } from "../../db/schema.ts";
import type { FieldErrors } from "../../platform/errors.ts";
import {
  checkText,
  clean,
  optional,
  paragraph,
  refuse,
  type Submitted,
  short,
} from "../../platform/validation.ts";
import { checkChoice, checkDateInput, checkFlag, checkUrl } from "../governance/governance.validation.ts";
import { parsePeriod } from "./period.ts";

// The analysts' forms as the progress framework reads them: every field arrives as text (or not at
// all) and is checked here, each message naming its field, before any service saves anything.
// Pure: no database. The services add what needs one (does the outcome exist? is the slug free?).

export type Form = Record<string, string | undefined>;

export const BETTER_CHOICES: readonly BetterDirection[] = ["higher", "lower", "neither"];
export const KIND_CHOICES = ["core", "contextual"] as const;
export const MEASURE_CHOICES = ["process", "outcome"] as const;
export const EVIDENCE_KINDS = ["quote", "survey_finding"] as const;

/** The date fields of the indicator form, sent as day, month and year boxes. */
export const INDICATOR_DATES = ["lastUpdated", "targetDate"] as const;

function dateOf(form: Form, name: string) {
  return { day: form[`${name}-day`], month: form[`${name}-month`], year: form[`${name}-year`] };
}

/** A number as people write them: "14,738", "12.5", "-3". Empty is null. */
export function checkNumber(
  errors: FieldErrors,
  field: string,
  value: Submitted,
  what: string,
): number | null {
  const text = clean(value).replace(/,/g, "");
  if (text === "") return null;
  if (/^-?\d{1,15}(\.\d{1,6})?$/.test(text)) return Number(text);
  return refuse(errors, field, `Enter the ${what} as a number, for example 14738 or 12.5`);
}

export interface VisionFields {
  title: string;
  summary: string;
}

export function visionFromForm(form: Form): { fields: VisionFields; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const fields = {
    title: checkText(errors, "title", form.title, paragraph("vision statement", { required: true })),
    summary: checkText(errors, "summary", form.summary, paragraph("summary", optional)),
  };
  if (!errors.title && fields.title.length > 500)
    errors.title = "The vision statement must be 500 characters or fewer";
  return { fields, errors };
}

export interface OutcomeFields {
  visionSlug: string;
  title: string;
}

export function outcomeFromForm(form: Form): { fields: OutcomeFields; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const visionSlug = clean(form.vision);
  if (visionSlug === "") errors.vision = "Choose the vision statement this outcome belongs to";
  const title = checkText(errors, "title", form.title, paragraph("outcome"));
  if (!errors.title && title.length > 500) errors.title = "The outcome must be 500 characters or fewer";
  return { fields: { visionSlug, title }, errors };
}

export interface IndicatorFields {
  outcomeSlug: string;
  title: string;
  definition: string;
  unit: string;
  better: BetterDirection;
  kind: "core" | "contextual";
  measure: "process" | "outcome";
  source: string;
  sourceUrl: string | null;
  publisher: string;
  lastUpdated: string | null;
  nextUpdate: string | null;
  baselinePeriod: string | null;
  baselineValue: number | null;
  targetValue: number | null;
  targetDate: string | null;
  story: string;
  breakdowns: string[];
  suppressBelow: number | null;
}

/** The indicator form: its metadata, baseline, target and story. */
export function indicatorFromForm(form: Form): { fields: IndicatorFields; errors: FieldErrors } {
  const e: FieldErrors = {};
  const outcomeSlug = clean(form.outcome);
  if (outcomeSlug === "") e.outcome = "Choose the outcome this indicator measures";
  const title = checkText(e, "title", form.title, short("indicator's name"));
  const definition = checkText(e, "definition", form.definition, paragraph("definition", optional));
  const unit = checkText(
    e,
    "unit",
    form.unit,
    short("unit", { emptyMessage: "Enter the unit, for example children or percent" }),
  );
  const better = checkChoice(e, "better", form.better, BETTER_CHOICES, "Choose which direction is better");
  const kind = checkChoice(e, "kind", form.kind, KIND_CHOICES, "Choose core or contextual");
  const measure = checkChoice(e, "measure", form.measure, MEASURE_CHOICES, "Choose process or outcome");
  const source = checkText(e, "source", form.source, short("source", optional));
  const sourceUrl = checkUrl(e, "sourceUrl", form.sourceUrl);
  const publisher = checkText(e, "publisher", form.publisher, short("publisher", optional));
  const lastUpdated = checkDateInput(e, "lastUpdated", dateOf(form, "lastUpdated"), {
    what: "date it was last updated",
    required: false,
  });
  const nextUpdate = checkText(e, "nextUpdate", form.nextUpdate, short("next update", optional)) || null;
  const baselineText = clean(form.baselinePeriod);
  const baseline = baselineText === "" ? null : parsePeriod(baselineText);
  if (baselineText !== "" && !baseline)
    e.baselinePeriod =
      "Write the baseline period as a year (2018), a financial year (2019-20) or a date (2018-07-31)";
  const baselineValue = checkNumber(e, "baselineValue", form.baselineValue, "baseline value");
  if (baselineValue !== null && baselineText === "" && !e.baselineValue)
    e.baselinePeriod = "Enter the baseline period the baseline value is for";
  const targetValue = checkNumber(e, "targetValue", form.targetValue, "target value");
  const targetDate = checkDateInput(e, "targetDate", dateOf(form, "targetDate"), {
    what: "target date",
    required: false,
  });
  if (targetDate !== null && targetValue === null && !e.targetValue)
    e.targetValue = "Enter the target value, or leave the target date empty";
  const story = checkText(e, "story", form.story, paragraph("story behind the data", optional));
  const breakdownText = checkText(e, "breakdowns", form.breakdowns, short("breakdowns", optional));
  const breakdowns = [
    ...new Set(
      breakdownText
        .split(/[,\n]/)
        .map((b) => b.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  if (breakdowns.some((b) => ["period", "geography", "value", "flag"].includes(b)))
    e.breakdowns = "A breakdown cannot be called period, geography, value or flag";
  const threshold = clean(form.suppressBelow);
  let suppressBelow: number | null = null;
  if (threshold !== "") {
    if (/^\d{1,6}$/.test(threshold) && Number(threshold) > 0) suppressBelow = Number(threshold);
    else
      e.suppressBelow =
        "Enter the small-number threshold as a whole number above 0, for example 5, or leave it empty";
  }
  return {
    fields: {
      outcomeSlug,
      title,
      definition,
      unit,
      better: better ?? "higher",
      kind: kind ?? "core",
      measure: measure ?? "outcome",
      source,
      sourceUrl,
      publisher,
      lastUpdated,
      nextUpdate,
      baselinePeriod: baseline?.text ?? null,
      baselineValue,
      targetValue,
      targetDate,
      story,
      breakdowns,
      suppressBelow,
    },
    errors: e,
  };
}

export interface EvidenceFields {
  kind: "quote" | "survey_finding";
  text: string;
  attribution: string;
  source: string;
}

/** A quote or survey finding: shown only with consent and once anonymised, both confirmed. */
export function evidenceFromForm(form: Form): { fields: EvidenceFields; errors: FieldErrors } {
  const e: FieldErrors = {};
  const kind = checkChoice(e, "kind", form.kind, EVIDENCE_KINDS, "Choose a quote or a survey finding");
  const text = checkText(e, "text", form.text, paragraph("quote or finding"));
  const attribution = checkText(e, "attribution", form.attribution, short("attribution", optional));
  const source = checkText(e, "source", form.source, short("source", optional));
  if (!checkFlag(form.consented))
    e.consented =
      "Confirm the person agreed to this being shared: only evidence given with consent can be shown";
  if (!checkFlag(form.anonymised))
    e.anonymised = "Confirm names and details that could identify anyone have been removed";
  return { fields: { kind: kind ?? "quote", text, attribution, source }, errors: e };
}
