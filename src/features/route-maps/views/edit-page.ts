import type { FieldErrors } from "../../../platform/errors.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import type { FormState } from "../../../platform/http-forms.ts";
import { csrfField, hiddenField } from "../../../platform/views/forms.ts";
import type { EditingView } from "../edition-editing.service.ts";
import type { Section } from "../route-map.types.ts";

// What the parts of a draft's edit page share: its model, the form state that comes back after a
// refused change, and the small pieces every part uses. The page is put together in
// edit-edition.view.ts; its parts are edit-details, edit-items, edit-add and edit-publish.

/** The edit page's FormState: which of its forms came back, and for `add`, to which section. */
export interface EditFormState extends FormState<"details" | "add" | "publish" | "page"> {
  /** For `add`: the section added to, if it was a real one. */
  section?: Section | undefined;
}

export interface EditPageModel {
  view: EditingView;
  csrfToken: string;
  /** A confirmation of the last change. */
  saved?: string | undefined;
  state?: EditFormState | undefined;
}

/** What every form on the page posts besides its own fields. */
export interface EditContext {
  editionId: number;
  version: number;
  csrfToken: string;
}

/** The CSRF token and the edition's version (for conflict detection), in every form. */
export function formFields(ctx: EditContext): SafeHtml {
  return html`${csrfField(ctx.csrfToken)}${hiddenField("version", ctx.version)}`;
}

/** The values a form shows: what was submitted, if this is the form that came back; else its defaults. */
export function valuesFor(
  state: EditFormState | undefined,
  matches: (s: EditFormState) => boolean,
  defaults: Record<string, string>,
): { values: Record<string, string>; errors: FieldErrors } {
  if (state && matches(state)) return { values: { ...defaults, ...state.values }, errors: state.errors };
  return { values: defaults, errors: {} };
}

/** One part of the page, with the heading the contents list links to. */
export function sectionBlock(anchor: string, heading: string, content: SafeHtml): SafeHtml {
  return html`<section class="wm-edit-section" id="${anchor}" aria-labelledby="${anchor}-heading">
  <h2 id="${anchor}-heading">${heading}</h2>
  ${content}
</section>`;
}

/** A short form of a long text, for choices in a list. */
export function shorten(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
