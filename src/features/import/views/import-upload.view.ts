import type { FieldErrors } from "../../../platform/errors.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import {
  button,
  csrfField,
  errorLinks,
  errorMessage,
  errorSummary,
  hint,
  label,
  notification,
  question,
  select,
  textarea,
  textInput,
} from "../../../platform/views/forms.ts";

// The upload page: choose a saved page (or paste its text), say where it came from and, for
// minutes, which group; nothing is saved until the review page's button is pressed.

export interface UploadFormValues {
  text?: string | undefined;
  source?: string | undefined;
  group?: string | undefined;
}

export interface UploadViewModel {
  csrfToken: string;
  groups: { slug: string; name: string }[];
  values: UploadFormValues;
  errors: FieldErrors;
  /** The outcome of an import just done, shown once. */
  done?: { title: string; body: string } | undefined;
}

const FIELD_IDS: Record<string, string> = {
  document: "document",
  text: "text",
  source: "source",
  group: "group",
};

export function importUploadView(m: UploadViewModel): SafeHtml {
  const e = m.errors;
  const documentHint =
    "A route-map page, the minutes of a group's meeting, or a progress update, saved from the web as a web page (.html) or as text (.txt). Up to 2 MB.";
  return html`<h1 class="ds_page-header__title">Import a document</h1>
  ${m.done ? notification(m.done.body, { title: m.done.title }) : ""}
  ${errorSummary({ errors: errorLinks(e, (name) => FIELD_IDS[name] ?? name) })}
  <p>Bring in what is already published instead of typing it again. You will see what Waymark found, and what it will create or change, before anything is saved.</p>
  <form method="post" action="/manage/import" enctype="multipart/form-data" novalidate>
    ${csrfField(m.csrfToken)}
    ${question(
      e.document,
      html`${label("document", "Document")}
      ${hint("document-hint", documentHint)}
      ${e.document ? errorMessage("document-error", e.document) : ""}
      <div class="ds_file-upload">
        <input class="ds_file-upload__input${e.document ? " ds_file-upload__input--error" : ""}" type="file" id="document" name="document" accept=".txt,.text,.html,.htm,text/plain,text/html" aria-describedby="document-hint${e.document ? " document-error" : ""}">
      </div>`,
    )}
    ${textarea({
      id: "text",
      name: "text",
      label: "Or paste the document's text",
      hint: "Only if you have not chosen a file.",
      value: m.values.text,
      rows: 6,
      error: e.text,
    })}
    ${textInput({
      id: "source",
      name: "source",
      label: "Web address it came from (optional)",
      hint: "For example https://www.gov.scot/publications/… . It is kept with the document.",
      type: "url",
      value: m.values.source,
      error: e.source,
      spellcheck: false,
    })}
    ${select({
      id: "group",
      name: "group",
      label: "Group (minutes only)",
      hint: "Leave this if the minutes' title names the group as Waymark does.",
      value: m.values.group ?? "",
      placeholder: "Find it from the title",
      options: m.groups.map((g) => ({ value: g.slug, text: g.name })),
      error: e.group,
    })}
    ${button({ text: "Check the document" })}
  </form>`;
}
