import { html, type SafeHtml } from "../../../platform/html.ts";
import {
  date,
  errorOf,
  type FormContext,
  fieldId,
  longText,
  postForm,
  text,
  value,
} from "../../../platform/views/form-parts.ts";
import { button, hiddenField, select } from "../../../platform/views/forms.ts";
import type { IndicatorMeta } from "../indicator.types.ts";
import { INDICATOR_DATES } from "../indicator-form.ts";
import { problems, radioGroup } from "./edit-parts.ts";

// The indicator form: what it measures, which way is better, where the numbers come from, the
// baseline and target, and the story behind the data. Used to add an indicator and to change one.

export const INDICATOR_FORM = "indicator";

export interface OutcomeChoice {
  slug: string;
  title: string;
  visionTitle: string;
}

/** The form's starting values from an indicator as stored. */
export function indicatorInitial(m: IndicatorMeta): Record<string, string> {
  const number = (n: number | null) => (n === null ? "" : String(n));
  return {
    outcome: m.outcome.slug,
    title: m.title,
    definition: m.definition,
    unit: m.unit,
    better: m.better,
    kind: m.kind,
    measure: m.measure,
    source: m.source,
    sourceUrl: m.sourceUrl ?? "",
    publisher: m.publisher,
    lastUpdated: m.lastUpdated ?? "",
    nextUpdate: m.nextUpdate ?? "",
    baselinePeriod: m.baselinePeriod ?? "",
    baselineValue: number(m.baselineValue),
    targetValue: number(m.targetValue),
    targetDate: m.targetDate ?? "",
    story: m.story,
    breakdowns: m.breakdowns.join(", "),
    suppressBelow: number(m.suppressBelow),
  };
}

export function indicatorForm(
  context: FormContext,
  options: { action: string; outcomes: OutcomeChoice[]; version?: number; submit: string },
): SafeHtml {
  const c: FormContext = { ...context, name: INDICATOR_FORM, dates: INDICATOR_DATES };
  return postForm(
    options.action,
    c.csrfToken,
    html`${problems(c, { better: "higher", kind: "core", measure: "process" })}
    ${options.version === undefined ? "" : hiddenField("version", options.version)}
    ${select({
      id: fieldId(c, "outcome"),
      name: "outcome",
      label: "Outcome it measures",
      placeholder: "Choose an outcome",
      value: value(c, "outcome"),
      error: errorOf(c, "outcome"),
      options: options.outcomes.map((o) => ({ value: o.slug, text: `${o.title} (${o.visionTitle})` })),
    })}
    ${text(c, "title", "Name of the indicator", { hint: "For example: Children looked after", width: "fluid-two-thirds" })}
    ${longText(c, "definition", "What it measures (optional)", { hint: "Say exactly what is counted, and when." })}
    ${text(c, "unit", "Unit", { hint: "What the numbers count, for example children, hearings or percent", width: "fixed-20" })}
    ${radioGroup(c, "better", "Which way is better?", [
      { value: "higher", text: "A higher number is better" },
      { value: "lower", text: "A lower number is better" },
      { value: "neither", text: "Neither: it gives context" },
    ])}
    ${radioGroup(
      c,
      "kind",
      "Core or contextual?",
      [
        { value: "core", text: "Core", hint: "Progress is judged on it" },
        { value: "contextual", text: "Contextual", hint: "It helps to read the core indicators" },
      ],
      {},
    )}
    ${radioGroup(c, "measure", "Process or outcome?", [
      { value: "process", text: "Process", hint: "What is being done" },
      { value: "outcome", text: "Outcome", hint: "What difference it makes to children and families" },
    ])}
    <h2>Where the numbers come from</h2>
    ${text(c, "source", "Source (optional)", { hint: "The publication, for example Children's Social Work Statistics", width: "fluid-two-thirds" })}
    ${text(c, "sourceUrl", "Source web address (optional)", { type: "url", width: "fluid-two-thirds" })}
    ${text(c, "publisher", "Published by (optional)", { hint: "For example, Scottish Government", width: "fluid-two-thirds" })}
    ${date(c, "lastUpdated", "Last updated (optional)", "For example, 1 4 2025")}
    ${text(c, "nextUpdate", "Next update expected (optional)", { hint: "For example, March 2026", width: "fixed-20" })}
    ${text(c, "breakdowns", "Breakdowns data may use (optional)", {
      hint: "Column names in the data files, separated by commas, for example age band, sex",
      width: "fluid-two-thirds",
    })}
    ${text(c, "suppressBelow", "Hide counts below (optional)", {
      hint: "The small-number rule: counts from 1 up to one less than this are hidden from the public. For example 5. Leave empty for no rule.",
      width: "fixed-5",
    })}
    <h2>Baseline and target</h2>
    ${text(c, "baselinePeriod", "Baseline period (optional)", { hint: "A year (2018), a financial year (2019-20) or a date (2018-07-31)", width: "fixed-10" })}
    ${text(c, "baselineValue", "Baseline value (optional)", { hint: "Leave empty to use the value in the data for that period", width: "fixed-10" })}
    ${text(c, "targetValue", "Target value (optional)", { width: "fixed-10" })}
    ${date(c, "targetDate", "Target date (optional)", "For example, 31 12 2030")}
    <h2>The story behind the data</h2>
    ${longText(c, "story", "The story behind the data (optional)", {
      hint: "What the numbers show, why, and what is being done. Leave a blank line between paragraphs.",
      rows: 8,
    })}
    ${button({ text: options.submit })}`,
  );
}
