import { html, type SafeHtml } from "../../../platform/html.ts";
import { errorOf, type FormContext, fieldId, stateOf, value } from "../../../platform/views/form-parts.ts";
import { errorLinks, errorSummary, radioId, radios } from "../../../platform/views/forms.ts";

// What the analysts' framework forms share beyond the governance form parts (which they reuse):
// radio groups whose errors link to their first radio, and the addresses of the editing pages.

export const MANAGE = { href: "/manage/indicators", text: "Manage indicators" };

export const manageVisionPath = (slug: string) => `/manage/indicators/visions/${encodeURIComponent(slug)}`;
export const manageOutcomePath = (slug: string) => `/manage/indicators/outcomes/${encodeURIComponent(slug)}`;
export const editIndicatorPath = (slug: string) => `/manage/indicators/${encodeURIComponent(slug)}/edit`;

/** A group of radios for one of the form's fields. */
export function radioGroup(
  context: FormContext,
  field: string,
  legend: string,
  items: Array<{ value: string; text: string; hint?: string }>,
  options: { hint?: string; inline?: boolean } = {},
): SafeHtml {
  return radios({
    idPrefix: fieldId(context, field),
    name: field,
    legend,
    hint: options.hint,
    error: errorOf(context, field),
    value: value(context, field),
    items,
    inline: options.inline,
    small: true,
  });
}

/**
 * The error summary of a refused form (or the conflict's message), each message linking to its
 * field: for a radio group, to its first radio (named in `radioFirst`).
 */
export function problems(context: FormContext, radioFirst: Record<string, string> = {}): SafeHtml {
  const state = stateOf(context);
  if (!state) return html``;
  return errorSummary({
    description: state.conflict,
    errors: errorLinks(state.errors, (field) =>
      radioFirst[field] ? radioId(fieldId(context, field), radioFirst[field]) : fieldId(context, field),
    ),
  });
}
