import { fullDate } from "../dates.ts";
import { attr, html, type SafeHtml } from "../html.ts";
import type { FormState } from "../http-forms.ts";
import {
  type DateParts,
  dateInput,
  errorLinks,
  errorSummary,
  question,
  textarea,
  textInput,
} from "./forms.ts";

// The pieces every managing form is made of (governance, indicators). A form has a name ("group", "member"…); its fields'
// ids are "<form>-<field>", so several forms can share a page, and a refused form's error summary
// links to its own fields. Date fields are named by the form's own date names (unique per page).

export interface FormContext {
  name: string;
  csrfToken: string;
  /** The refused form's state, when it is this form. */
  state?: FormState | undefined;
  /** Values to start from (a record's current values). */
  initial?: Record<string, string>;
  /** The names of this form's date fields: their errors link to the day box. */
  dates?: readonly string[];
  /**
   * When the form came back because someone else saved first, say beside each field whose kept
   * input differs from `initial` (the record as saved now) what is saved now, so the person sees
   * the other change before saving theirs again. Words to show for a field's saved value (a
   * choice's label) go in `savedWords`; otherwise the value itself, a date in words.
   */
  showSaved?: boolean;
  savedWords?: Record<string, string>;
}

export function stateOf(context: FormContext): FormState | undefined {
  return context.state?.form === context.name ? context.state : undefined;
}

export function fieldId(context: FormContext, field: string): string {
  return context.dates?.includes(field) ? `${field}-day` : `${context.name}-${field}`;
}

export function value(context: FormContext, field: string): string {
  const state = stateOf(context);
  return state ? (state.values[field] ?? "") : (context.initial?.[field] ?? "");
}

export function errorOf(context: FormContext, field: string): string | undefined {
  return stateOf(context)?.errors[field];
}

/** A date's three boxes as they came back, as "YYYY-MM-DD" when they make one ("" when empty). */
function typedDate(values: Record<string, string>, field: string): string {
  const [day, month, year] = ["day", "month", "year"].map((p) => (values[`${field}-${p}`] ?? "").trim());
  if (!day && !month && !year) return "";
  const two = (n: string | undefined) => (/^\d{1,2}$/.test(n ?? "") ? (n ?? "").padStart(2, "0") : `?${n}`);
  return `${year}-${two(month)}-${two(day)}`;
}

/**
 * After a conflict (see `showSaved`), what is saved now in a field the person answered
 * differently; undefined when the field agrees, or the form did not come back from a conflict.
 */
export function savedNow(context: FormContext, field: string): SafeHtml | undefined {
  const state = stateOf(context);
  if (!state?.conflict || !context.showSaved) return undefined;
  const saved = context.initial?.[field] ?? "";
  const isDate = context.dates?.includes(field) ?? false;
  const typed = isDate ? typedDate(state.values, field) : (state.values[field] ?? "");
  if (typed.trim() === saved.trim()) return undefined;
  const words = context.savedWords?.[field] ?? (isDate && saved ? fullDate(saved) : saved);
  return html`<strong>Saved version now:</strong> ${words || "(empty)"}`;
}

/** A field's hint, with what is saved now after a conflict (see `savedNow`). */
export function hintWith(
  context: FormContext,
  field: string,
  usual?: string | SafeHtml,
): string | SafeHtml | undefined {
  const now = savedNow(context, field);
  if (!now) return usual;
  return usual === undefined ? now : html`${usual} ${now}`;
}

/** The error summary of a refused form, or a conflict's message: at the top of its form. */
export function formProblems(context: FormContext): SafeHtml {
  const state = stateOf(context);
  if (!state) return html``;
  return errorSummary({
    description: state.conflict,
    errors: errorLinks(state.errors, (field) => fieldId(context, field)),
  });
}

export function text(
  context: FormContext,
  field: string,
  label: string,
  options: {
    hint?: string;
    width?: "fixed-5" | "fixed-10" | "fixed-20" | "fluid-two-thirds";
    type?: "text" | "url";
  } = {},
): SafeHtml {
  return textInput({
    id: fieldId(context, field),
    name: field,
    label,
    hint: hintWith(context, field, options.hint),
    error: errorOf(context, field),
    value: value(context, field),
    width: options.width,
    type: options.type,
  });
}

export function longText(
  context: FormContext,
  field: string,
  label: string,
  options: { hint?: string; rows?: number } = {},
): SafeHtml {
  return textarea({
    id: fieldId(context, field),
    name: field,
    label,
    hint: hintWith(context, field, options.hint),
    error: errorOf(context, field),
    value: value(context, field),
    rows: options.rows ?? 4,
  });
}

/** A date as three boxes; its initial value is "YYYY-MM-DD" under `field`. */
export function date(context: FormContext, field: string, legend: string, hint?: string): SafeHtml {
  const state = stateOf(context);
  let parts: DateParts | undefined;
  if (state) {
    parts = {
      day: state.values[`${field}-day`] ?? "",
      month: state.values[`${field}-month`] ?? "",
      year: state.values[`${field}-year`] ?? "",
    };
  } else {
    const iso = context.initial?.[field];
    const match = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
    if (match)
      parts = { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1] ?? "" };
  }
  const now = savedNow(context, field);
  return dateInput({
    name: field,
    legend,
    hint: now ? html`${hint ?? "For example, 1 12 2025"} ${now}` : hint,
    error: errorOf(context, field),
    value: parts,
  });
}

/** One check box, ticked when its value is "yes". */
export function checkbox(context: FormContext, field: string, label: string): SafeHtml {
  const id = fieldId(context, field);
  const now = savedNow(context, field);
  return question(
    errorOf(context, field),
    html`<div class="ds_checkbox ds_checkbox--small">
    <input class="ds_checkbox__input" type="checkbox" id="${id}" name="${field}" value="yes"${attr("checked", value(context, field) === "yes")}${attr("aria-describedby", now ? `${id}-hint` : undefined)}>
    <label class="ds_checkbox__label" for="${id}">${label}</label>
    ${now ? html`<p class="ds_hint-text" id="${id}-hint">${now}</p>` : ""}
  </div>`,
  );
}

/** A file to upload (the form must be multipart): its hint says which kinds and how large. */
export function fileField(
  context: FormContext,
  field: string,
  label: string,
  options: { hint: string; accept: string },
): SafeHtml {
  const id = fieldId(context, field);
  const error = errorOf(context, field);
  return question(
    error,
    html`<label class="ds_label" for="${id}">${label}</label>
    <p class="ds_hint-text" id="${id}-hint">${options.hint}</p>
    ${error ? html`<p class="ds_question__error-message" id="${id}-error">${error}</p>` : ""}
    <div class="ds_file-upload">
      <input class="ds_file-upload__input${error ? " ds_file-upload__input--error" : ""}" type="file" id="${id}" name="${field}" accept="${options.accept}" aria-describedby="${id}-hint${error ? ` ${id}-error` : ""}">
    </div>`,
  );
}

/** A form that posts with its CSRF token. */
export function postForm(
  action: string,
  csrfToken: string,
  content: SafeHtml,
  options: { inline?: boolean; multipart?: boolean } = {},
): SafeHtml {
  return html`<form method="post" action="${action}"${attr("class", options.inline ? "wm-inline-form" : undefined)}${attr("enctype", options.multipart ? "multipart/form-data" : undefined)} novalidate>
  <input type="hidden" name="_csrf" value="${csrfToken}">
  ${content}
</form>`;
}

/** A one-button form: remove, move, close… */
export function buttonForm(
  action: string,
  csrfToken: string,
  label: string | SafeHtml,
  hidden: Record<string, string> = {},
): SafeHtml {
  return postForm(
    action,
    csrfToken,
    html`${Object.entries(hidden).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}<button class="ds_button ds_button--secondary ds_button--small" type="submit">${label}</button>`,
    { inline: true },
  );
}
