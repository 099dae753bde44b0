import { html, type SafeHtml } from "../../../platform/html.ts";
import { checkboxes } from "../../../platform/views/components/checkboxes.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { table } from "../../../platform/views/components/table.ts";
import { button, csrfField, errorSummary, notification } from "../../../platform/views/forms.ts";
import type { OrganisationSummary } from "../../accountability/accountability.types.ts";
import { confidenceLabel, statusInfo } from "../../accountability/progress-status.ts";
import type { Values } from "../bulk.rows.ts";
import type { BulkPreview } from "../bulk.service.ts";
import { COLUMNS } from "../bulk.sheet.ts";

// Updating many actions at once: the page with the downloads and the upload form, then the
// preview of every change (confirm to save) or every problem, row by row (nothing saved).

export function bulkPath(organisationSlug: string): string {
  return `/progress/${encodeURIComponent(organisationSlug)}/upload`;
}

export function sheetPath(organisationSlug: string, kind: "csv" | "xlsx"): string {
  return `/progress/${encodeURIComponent(organisationSlug)}/actions.${kind}`;
}

function uploadForm(organisation: OrganisationSummary, csrfToken: string, error?: string, submit = false) {
  return html`<form method="post" action="${bulkPath(organisation.slug)}" enctype="multipart/form-data" novalidate>
  ${csrfField(csrfToken)}
  <div class="ds_question${error ? " ds_question--error" : ""}">
    <label class="ds_label" for="file">Your filled-in spreadsheet (CSV or Excel)</label>
    <p class="ds_hint-text" id="file-hint">Change the ${COLUMNS.status}, ${COLUMNS.percent}, ${COLUMNS.confidence} and ${COLUMNS.narrative} columns. Keep the ${COLUMNS.reference} and ${COLUMNS.version} columns as they are.</p>
    ${error ? html`<p class="ds_question__error-message" id="file-error">${error}</p>` : ""}
    <input class="wm-file-input${error ? " wm-file-input--error" : ""}" type="file" id="file" name="file" accept=".csv,.xlsx" aria-describedby="file-hint${error ? " file-error" : ""}"${error ? html` aria-invalid="true"` : ""}>
  </div>
  ${checkboxes({
    idPrefix: "submit",
    name: "submit",
    legend: "When you save",
    hint: "Submitted updates are public. Drafts are seen only by your organisation and the programme team.",
    items: [{ value: "yes", text: "Submit the updates, not just save them as drafts", checked: submit }],
  })}
  ${button({ text: "Check the file" })}
</form>`;
}

export function bulkTitle(organisation: OrganisationSummary, error?: string): string {
  return `${error ? "Error: " : ""}Update many actions at once: ${organisation.name}`;
}

export function bulkView(model: {
  organisation: OrganisationSummary;
  csrfToken: string;
  actionCount: number;
  fileError?: string | undefined;
  saved?: { count: number; submitted: boolean } | undefined;
}): SafeHtml {
  const { organisation } = model;
  return html`${model.fileError ? errorSummary({ errors: [{ href: "#file", message: model.fileError }] }) : ""}
  ${pageHeader({ label: organisation.name, title: "Update many actions at once" })}
  ${model.saved ? notification(`${model.saved.count} ${model.saved.count === 1 ? "update" : "updates"} ${model.saved.submitted ? "submitted" : "saved as drafts"}.`, { title: "Spreadsheet saved" }) : ""}
  <p>Download the ${model.actionCount} ${model.actionCount === 1 ? "action" : "actions"} ${organisation.name} must act on as a spreadsheet, fill in how each is going, then upload it. You will see every change before anything is saved.</p>
  <ul>
    <li><a href="${sheetPath(organisation.slug, "xlsx")}" download>Download as Excel (.xlsx)</a></li>
    <li><a href="${sheetPath(organisation.slug, "csv")}" download>Download as CSV (.csv)</a></li>
  </ul>
  <h2>Upload the spreadsheet</h2>
  ${uploadForm(organisation, model.csrfToken, model.fileError)}
  <p><a href="/progress/${encodeURIComponent(organisation.slug)}">Back to what ${organisation.name} owes</a></p>`;
}

function valuesText(v: Values | null): string {
  if (!v) return "Not reported yet";
  const status = statusInfo(v.status);
  return `${status.label}${v.status === "superseded" ? "" : `, ${v.percent}%`}, ${confidenceLabel(v.confidence).toLowerCase()}`;
}

function narrativeChange(before: Values | null, after: Values): SafeHtml {
  if (before && before.narrative === after.narrative)
    return html`<span class="ds_hint-text">Unchanged</span>`;
  return html`${after.narrative || "(empty)"}`;
}

export function bulkPreviewTitle(preview: BulkPreview): string {
  return `${preview.errors.length > 0 ? "Error: " : ""}Check before saving: ${preview.organisation.name}`;
}

export function bulkPreviewView(preview: BulkPreview, csrfToken: string): SafeHtml {
  const { organisation } = preview;
  const ignored =
    preview.ignoredColumns.length > 0
      ? notification(
          `These columns are not Waymark’s and were ignored: ${preview.ignoredColumns.join(", ")}.`,
          { state: "info", title: "Columns ignored" },
        )
      : "";
  if (preview.errors.length > 0) {
    const shown = preview.errors.slice(0, 200);
    return html`${errorSummary({
      title: "The file cannot be saved",
      description: `${preview.fileName} has ${preview.errors.length === 1 ? "1 problem" : `${preview.errors.length} problems`}. Nothing has been saved. Correct the file and upload it again.`,
      errors: [{ href: "#file", message: "Upload the corrected file" }],
    })}
    ${pageHeader({ label: organisation.name, title: "Check before saving" })}
    ${ignored}
    ${table({
      caption: `Problems in ${preview.fileName}${preview.errors.length > shown.length ? ` (the first ${shown.length})` : ""}`,
      head: ["Row", "Column", "Problem"],
      rows: shown.map((e) => [e.row, e.column ?? "(whole row)", e.message]),
      rowHeaders: true,
    })}
    ${uploadForm(organisation, csrfToken, undefined, preview.submit)}`;
  }
  if (preview.pendingId === null || preview.changes.length === 0)
    return html`${pageHeader({ label: organisation.name, title: "Check before saving" })}
    ${ignored}
    ${notification(`${preview.fileName} says the same as Waymark already does for all ${preview.unchanged} ${preview.unchanged === 1 ? "action" : "actions"}. Nothing needs saving.`, { state: "info", title: "Nothing has changed" })}
    <p><a href="${bulkPath(organisation.slug)}">Upload another file</a> or <a href="/progress/${encodeURIComponent(organisation.slug)}">go back to what ${organisation.name} owes</a>.</p>`;
  const count = preview.changes.length;
  const what = preview.submit ? "submitted (they become public)" : "saved as drafts";
  return html`${pageHeader({ label: organisation.name, title: "Check before saving" })}
  ${ignored}
  <p>${preview.fileName} has no problems. <strong>${count} ${count === 1 ? "action changes" : "actions change"}</strong> and ${preview.unchanged} ${preview.unchanged === 1 ? "stays" : "stay"} the same. When you save, the changes will be ${what}.</p>
  ${table({
    caption: `What will change (${count})`,
    head: ["Row", "Action", "Now", "After saving", "Narrative after saving"],
    rows: preview.changes.map((c) => [
      c.row,
      html`<span class="ds_hint-text">${c.themeName}</span><br>${c.actionText}`,
      valuesText(c.before),
      c.kind === "submit" ? `${valuesText(c.after)} (your draft, submitted)` : valuesText(c.after),
      narrativeChange(c.before, c.after),
    ]),
    rowHeaders: true,
  })}
  <form method="post" action="${bulkPath(organisation.slug)}/${preview.pendingId}/confirm">
    ${csrfField(csrfToken)}
    <div class="ds_button-group">
      ${button({ text: preview.submit ? `Submit ${count} ${count === 1 ? "update" : "updates"}` : `Save ${count} ${count === 1 ? "draft" : "drafts"}` })}
      <a class="ds_button ds_button--cancel" href="${bulkPath(organisation.slug)}">Cancel</a>
    </div>
  </form>`;
}
