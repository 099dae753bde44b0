import { html, type SafeHtml } from "../../../platform/html.ts";
import {
  ACCEPT_ATTRIBUTE,
  ALLOWED_KINDS_IN_WORDS,
  MAX_UPLOAD_BYTES,
  sizeInWords,
} from "../../../platform/uploads.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { summaryList } from "../../../platform/views/components/summary-list.ts";
import {
  button,
  csrfField,
  errorSummary,
  hiddenField,
  radioId,
  radios,
  textarea,
  textInput,
} from "../../../platform/views/forms.ts";
import { actionPath, updateFormPath } from "../accountability.paths.ts";
import type { UpdateForm } from "../progress.service.ts";
import { dueText, partiesText, updateStatus } from "../progress-display.ts";
import { CONFIDENCE_LEVELS, STATUSES } from "../progress-status.ts";

// The update form: how the action is going, what has happened, the evidence, how sure we are.
// Save keeps it a draft, only for the organisation and the programme team; Submit makes it public.

export interface UpdatePageModel {
  form: UpdateForm;
  csrfToken: string;
  values?: Record<string, string | undefined>;
  errors?: Record<string, string>;
  conflict?: string | undefined;
}

const FIELD_IDS: Record<string, string> = {
  status: radioId("status", STATUSES[0]!.code),
  percent: "percent",
  narrative: "narrative",
  confidence: radioId("confidence", CONFIDENCE_LEVELS[0]!.code),
  linkUrl: "linkUrl",
  linkTitle: "linkTitle",
  indicator: "indicator",
  voice: "voice",
  document: "document",
  documentTitle: "documentTitle",
};

/** A document as evidence: one file, its kind judged by its content when it arrives. */
function documentInput(error: string | undefined, sentBack: boolean): SafeHtml {
  return html`<div class="ds_question${error ? " ds_question--error" : ""}">
    <label class="ds_label" for="document">A document that shows it</label>
    <p class="ds_hint-text" id="document-hint">A ${ALLOWED_KINDS_IN_WORDS}, up to ${sizeInWords(MAX_UPLOAD_BYTES)}. It is seen by whoever can see this update: only your organisation and the programme team while it is a draft, everyone once it is submitted.${sentBack ? " If you chose a document before, choose it again." : ""}</p>
    ${error ? html`<p class="ds_question__error-message" id="document-error">${error}</p>` : ""}
    <input class="wm-file-input${error ? " wm-file-input--error" : ""}" type="file" id="document" name="document" accept="${ACCEPT_ATTRIBUTE}" aria-describedby="document-hint${error ? " document-error" : ""}"${error ? html` aria-invalid="true"` : ""}>
  </div>`;
}

export function updateTitle(model: UpdatePageModel): string {
  const bad = Boolean(model.conflict) || Object.keys(model.errors ?? {}).length > 0;
  return `${bad ? "Error: " : ""}Update for ${model.form.organisation.name}`;
}

export function updateView(model: UpdatePageModel): SafeHtml {
  const { form } = model;
  const { owed, draft } = form;
  const errors = model.errors ?? {};
  const value = (name: string, fallback: string) => model.values?.[name] ?? fallback;
  return html`${errorSummary({
    description: model.conflict,
    errors: Object.entries(errors).map(([name, message]) => ({
      href: `#${FIELD_IDS[name] ?? name}`,
      message,
    })),
  })}
  ${pageHeader({ label: form.organisation.name, title: "Give an update" })}
  <div class="ds_inset-text"><div class="ds_inset-text__text">${owed.action.text}</div></div>
  ${summaryList([
    { key: "Route map", value: owed.action.themeName },
    { key: "Who must act", value: partiesText(owed.parties, false) },
    { key: "Due", value: dueText(owed.due) },
    { key: "Last update", value: updateStatus(owed.latest) },
  ])}
  <p><a href="${actionPath(owed.action.themeSlug, owed.action.key)}">Read every update on this action</a></p>
  ${draft ? html`<p>You are finishing a draft. Only ${form.organisation.name} and the programme team can see it until you submit it.</p>` : ""}
  <form method="post" action="${updateFormPath(form.organisation.slug, owed.action.themeSlug, owed.action.key)}" enctype="multipart/form-data" novalidate>
    ${csrfField(model.csrfToken)}
    ${hiddenField("version", owed.version)}
    ${radios({
      idPrefix: "status",
      name: "status",
      legend: "How is it going?",
      error: errors.status,
      value: value("status", draft?.status ?? owed.latest?.status ?? ""),
      items: STATUSES.map((s) => ({
        value: s.code,
        text: s.label,
        hint: `${s.hint}${s.percent === null ? "" : ` Counts as ${s.percent}% unless you say otherwise.`}`,
      })),
    })}
    ${textInput({
      id: "percent",
      name: "percent",
      label: "How far through is it, as a percentage? (optional)",
      hint: "Leave it empty to use the usual figure for the status you chose.",
      value: value("percent", draft ? String(draft.percent) : ""),
      error: errors.percent,
      width: "fixed-3",
      inputmode: "numeric",
    })}
    ${textarea({
      id: "narrative",
      name: "narrative",
      label: "What has happened since the last update?",
      hint: "Plain words: what was done, what changed for children and families, what is next.",
      value: value("narrative", draft?.narrative ?? ""),
      error: errors.narrative,
      rows: 6,
    })}
    <h2>Evidence (optional)</h2>
    ${draft && draft.evidence.length > 0 ? html`<p>Already added: ${draft.evidence.length} ${draft.evidence.length === 1 ? "piece" : "pieces"} of evidence. Anything you add below is added to it.</p>` : ""}
    ${textInput({ id: "linkUrl", name: "linkUrl", label: "A web link that shows it", hint: "For example, https://www.gov.scot/publications/…", value: value("linkUrl", ""), spellcheck: false, error: errors.linkUrl })}
    ${textInput({ id: "linkTitle", name: "linkTitle", label: "What the link is", value: value("linkTitle", ""), error: errors.linkTitle })}
    ${textInput({ id: "indicator", name: "indicator", label: "An indicator it moves", hint: "The name or reference of a Promise Progress Framework indicator.", value: value("indicator", ""), error: errors.indicator })}
    ${documentInput(errors.document, Object.keys(errors).length > 0 || Boolean(model.conflict))}
    ${textInput({ id: "documentTitle", name: "documentTitle", label: "What the document is", value: value("documentTitle", ""), error: errors.documentTitle })}
    ${textarea({ id: "voice", name: "voice", label: "What children, young people or families told you", hint: "In their words, with their agreement, without names.", value: value("voice", ""), error: errors.voice, rows: 3 })}
    ${radios({
      idPrefix: "confidence",
      name: "confidence",
      legend: "How sure are you?",
      error: errors.confidence,
      value: value("confidence", draft?.confidence ?? ""),
      items: CONFIDENCE_LEVELS.map((c) => ({ value: c.code, text: c.label, hint: c.hint })),
    })}
    <div class="ds_button-group">
      ${button({ text: "Submit the update", name: "intent", value: "submit" })}
      ${button({ text: "Save as a draft", name: "intent", value: "draft", variant: "secondary" })}
    </div>
  </form>`;
}
