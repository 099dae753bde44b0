import { html, type SafeHtml } from "../../../platform/html.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { table } from "../../../platform/views/components/table.ts";
import { button, csrfField, errorSummary, notification } from "../../../platform/views/forms.ts";
import { geographyName } from "../geography.ts";
import type { IndicatorMeta } from "../indicator.types.ts";
import { periodLabel } from "../period.ts";
import type { UploadPreview } from "../upload.service.ts";
import { flagText, indicatorPath, valueText } from "./format.ts";

// Loading data: the upload form, the preview of a clean file (confirm to save), and the row-level
// errors of a file that cannot be saved.

export interface UploadRecord {
  fileName: string;
  rows: number;
  added: number;
  replaced: number;
  unchanged: number;
  uploadedBy: string;
  uploadedAt: Date;
}

function uploadPath(slug: string): string {
  return `/manage/indicators/${encodeURIComponent(slug)}/upload`;
}

function uploadForm(m: IndicatorMeta, csrfToken: string, error?: string): SafeHtml {
  const columns = ["period", "geography", ...m.breakdowns, "value", "flag"];
  return html`<form method="post" action="${uploadPath(m.slug)}" enctype="multipart/form-data" novalidate>
  ${csrfField(csrfToken)}
  <div class="ds_question${error ? " ds_question--error" : ""}">
    <label class="ds_label" for="file">Data file (CSV or Excel)</label>
    <p class="ds_hint-text" id="file-hint">One row for each value, with a heading row: ${columns.join(", ")}. The geography is its official code (S92000003 for Scotland). Leave a breakdown empty for the total. The flag is optional: provisional, revised, estimated or suppressed.</p>
    ${error ? html`<p class="ds_question__error-message" id="file-error">${error}</p>` : ""}
    <input class="wm-file-input${error ? " wm-file-input--error" : ""}" type="file" id="file" name="file" accept=".csv,.xlsx" aria-describedby="file-hint${error ? " file-error" : ""}"${error ? html` aria-invalid="true"` : ""}>
  </div>
  ${button({ text: "Check the file" })}
</form>`;
}

function history(uploads: UploadRecord[]): SafeHtml {
  if (uploads.length === 0) return html`<p>No data has been loaded for this indicator yet.</p>`;
  return table({
    caption: "Earlier uploads, newest first",
    head: ["File", "Rows", "New", "Replaced", "Unchanged", "By", "When"],
    rows: uploads.map((u) => [
      u.fileName,
      u.rows,
      u.added,
      u.replaced,
      u.unchanged,
      u.uploadedBy,
      u.uploadedAt.toISOString().slice(0, 16).replace("T", " "),
    ]),
    rowHeaders: true,
  });
}

export function uploadView(
  m: IndicatorMeta,
  csrfToken: string,
  uploads: UploadRecord[],
  options: { saved?: boolean; fileError?: string } = {},
): SafeHtml {
  return html`${options.fileError ? errorSummary({ errors: [{ href: "#file", message: options.fileError }] }) : ""}
  ${pageHeader({ label: "Load data", title: m.title })}
  ${options.saved && uploads[0] ? notification(`Saved ${uploads[0].fileName}: ${uploads[0].added} new, ${uploads[0].replaced} replaced, ${uploads[0].unchanged} unchanged.`, { title: "Data saved" }) : ""}
  <p>Nothing is saved until you have checked the preview. Uploading a value that is already stored replaces it; the earlier value is kept in the history.</p>
  ${uploadForm(m, csrfToken, options.fileError)}
  <h2>History</h2>
  ${history(uploads)}
  <p><a href="${indicatorPath(m.slug)}">See the indicator page</a></p>`;
}

export function previewView(m: IndicatorMeta, csrfToken: string, preview: UploadPreview): SafeHtml {
  if (!preview.ok) {
    const shown = preview.errors.slice(0, 200);
    return html`${errorSummary({
      title: "The file cannot be saved",
      description: `${preview.fileName} has ${preview.errors.length === 1 ? "1 problem" : `${preview.errors.length} problems`}. Nothing has been saved. Correct the file and upload it again.`,
      errors: [{ href: "#file", message: "Upload the corrected file" }],
    })}
    ${pageHeader({ label: "Load data", title: m.title })}
    ${table({
      caption: `Problems in ${preview.fileName}${preview.errors.length > shown.length ? ` (the first ${shown.length})` : ""}`,
      head: ["Row", "Column", "Problem"],
      rows: shown.map((e) => [e.row, e.column || "(whole row)", e.message]),
      rowHeaders: true,
    })}
    ${uploadForm(m, csrfToken)}`;
  }
  const { added, replaced, unchanged } = preview.counts;
  return html`${pageHeader({ label: "Check before saving", title: m.title })}
  <p>${preview.fileName} has ${preview.rowCount} rows with no problems: <strong>${added} new</strong>, <strong>${replaced} replacing stored values</strong> and ${unchanged} the same as now.</p>
  ${table({
    caption: `The first ${preview.sample.length} rows of ${preview.fileName}`,
    head: ["Period", "Area", "Breakdown", "Value", "Flag"],
    rows: preview.sample.map((r) => [
      periodLabel(r.period),
      `${geographyName(r.geography)} (${r.geography})`,
      Object.entries(r.breakdown)
        .map(([k, v]) => `${k}: ${v}`)
        .join("; ") || "All",
      valueText(r.value),
      flagText(r.flag),
    ]),
  })}
  <form method="post" action="${uploadPath(m.slug)}/${preview.pendingId}">
    ${csrfField(csrfToken)}
    <div class="ds_button-group">
      ${button({ text: `Save ${preview.rowCount} rows` })}
      <a class="ds_button ds_button--cancel" href="${uploadPath(m.slug)}">Cancel</a>
    </div>
  </form>`;
}
