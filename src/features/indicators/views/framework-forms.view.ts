import { html, type SafeHtml } from "../../../platform/html.ts";
import type { FormState } from "../../../platform/http-forms.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import {
  errorOf,
  type FormContext,
  fieldId,
  longText,
  postForm,
  value,
} from "../../../platform/views/form-parts.ts";
import { button, hiddenField, notification, select } from "../../../platform/views/forms.ts";
import { problems } from "./edit-parts.ts";

// The forms for the top of the framework: a vision statement, and an outcome under one. The same
// form adds one (no version) or changes one (with the version it was made from).

export interface VisionFormModel {
  csrfToken: string;
  action: string;
  /** Present when changing an existing one. */
  vision?: { title: string; summary: string; version: number };
  state?: FormState | undefined;
  saved?: boolean;
}

export function visionFormView(model: VisionFormModel): SafeHtml {
  const context: FormContext = {
    name: "vision",
    csrfToken: model.csrfToken,
    state: model.state,
    initial: model.vision ? { title: model.vision.title, summary: model.vision.summary } : {},
  };
  const title = model.vision ? "Change a vision statement" : "Add a vision statement";
  return html`${pageHeader({ label: "Progress framework", title })}
  ${model.saved ? notification("The vision statement has been saved.") : ""}
  ${postForm(
    model.action,
    model.csrfToken,
    html`${problems(context)}
    ${model.vision ? hiddenField("version", model.vision.version) : ""}
    ${longText(context, "title", "Vision statement", {
      hint: "What Scotland is aiming for, in one sentence. For example: Children grow up loved, safe and respected.",
      rows: 3,
    })}
    ${longText(context, "summary", "Summary (optional)", { hint: "A few sentences that explain it." })}
    ${button({ text: model.vision ? "Save the vision statement" : "Add the vision statement" })}`,
  )}`;
}

export interface OutcomeFormModel {
  csrfToken: string;
  action: string;
  visions: Array<{ slug: string; title: string }>;
  /** The vision statement to start from (a new outcome added under one). */
  visionSlug?: string | undefined;
  outcome?: { title: string; visionSlug: string; version: number };
  state?: FormState | undefined;
  saved?: boolean;
}

export function outcomeFormView(model: OutcomeFormModel): SafeHtml {
  const context: FormContext = {
    name: "outcome",
    csrfToken: model.csrfToken,
    state: model.state,
    initial: model.outcome
      ? { title: model.outcome.title, vision: model.outcome.visionSlug }
      : { vision: model.visionSlug ?? "" },
  };
  const title = model.outcome ? "Change an outcome" : "Add an outcome";
  return html`${pageHeader({ label: "Progress framework", title })}
  ${model.saved ? notification("The outcome has been saved.") : ""}
  ${
    model.visions.length === 0
      ? html`<p>Add a vision statement first: every outcome belongs to one.</p>`
      : postForm(
          model.action,
          model.csrfToken,
          html`${problems(context)}
    ${model.outcome ? hiddenField("version", model.outcome.version) : ""}
    ${select({
      id: fieldId(context, "vision"),
      name: "vision",
      label: "Vision statement it belongs to",
      placeholder: "Choose a vision statement",
      value: value(context, "vision"),
      error: errorOf(context, "vision"),
      options: model.visions.map((v) => ({ value: v.slug, text: v.title })),
    })}
    ${longText(context, "title", "Outcome", {
      hint: "The change the indicators under it measure. For example: Fewer children are in care.",
      rows: 3,
    })}
    ${button({ text: model.outcome ? "Save the outcome" : "Add the outcome" })}`,
        )
  }`;
}
