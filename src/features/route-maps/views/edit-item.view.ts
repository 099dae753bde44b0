import type { FieldErrors } from "../../../platform/errors.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import {
  button,
  csrfField,
  errorLinks,
  errorSummary,
  formTitle,
  hiddenField,
  select,
  textarea,
  textInput,
} from "../../../platform/views/forms.ts";
import type { EditableItem, EditingView } from "../edition-editing.service.ts";
import { FRAMEWORKS, MILESTONE_YEARS } from "../route-map.types.ts";
import { editPath, itemPath, SECTION_INFO } from "./edit-sections.ts";

// The form for changing one item of a draft edition.

export interface EditItemModel {
  view: EditingView;
  item: EditableItem;
  csrfToken: string;
  /** What the editor submitted, when the form comes back. */
  values?: Record<string, string> | undefined;
  errors?: FieldErrors | undefined;
  conflict?: string | undefined;
}

function noun(item: EditableItem): string {
  return item.section === "action" && item.parentId !== null ? "sub-item" : SECTION_INFO[item.section].noun;
}

export function editItemTitle(model: EditItemModel): string {
  const hasErrors = Boolean(model.conflict || Object.keys(model.errors ?? {}).length > 0);
  return formTitle(`Edit ${noun(model.item)}`, hasErrors);
}

/** The saved values of the item, as form fields. */
function savedValues(item: EditableItem): Record<string, string> {
  return {
    text: item.text,
    pageRefs: item.pageRefs,
    year: item.year === null ? "" : String(item.year),
    framework: item.framework ?? "",
    sectorId: item.sectorId === null ? "" : String(item.sectorId),
  };
}

export function editItemView(model: EditItemModel): SafeHtml {
  const { item, view } = model;
  const saved = savedValues(item);
  const v = { ...saved, ...(model.values ?? {}) };
  const e = model.errors ?? {};
  const info = SECTION_INFO[item.section];
  // After a conflict, the form keeps the editor's words; say what is saved now where it differs.
  const savedNow = (name: string, usual?: string): string | SafeHtml | undefined =>
    model.conflict && v[name] !== saved[name]
      ? html`${usual ? html`${usual} ` : ""}<strong>Saved version now:</strong> ${saved[name] || "(empty)"}`
      : usual;
  const text = (label: string, hint?: string) =>
    textarea({
      id: "text",
      name: "text",
      label,
      hint: savedNow("text", hint),
      value: v.text,
      error: e.text,
      rows: 6,
    });

  let fields: SafeHtml;
  switch (item.section) {
    case "outcome":
      fields = html`${text("Outcome or ambition")}
      ${textInput({
        id: "pageRefs",
        name: "pageRefs",
        label: "Promise report page references (optional)",
        hint: savedNow("pageRefs", "For example, Pg 36; Pg 23."),
        value: v.pageRefs,
        error: e.pageRefs,
        width: "fluid-two-thirds",
      })}`;
      break;
    case "action":
      fields = text(item.parentId === null ? "Action" : "Sub-item");
      break;
    case "milestone":
      fields = html`${select({
        id: "year",
        name: "year",
        label: "Year",
        value: v.year,
        error: e.year,
        options: MILESTONE_YEARS.map((y) => ({ value: String(y), text: String(y) })),
      })}
      ${text("Milestone")}`;
      break;
    case "sector":
      fields = select({
        id: "sectorId",
        name: "sectorId",
        label: "Sector",
        value: v.sectorId,
        error: e.sectorId,
        options: view.sectors.map((s) => ({ value: String(s.id), text: s.name })),
      });
      break;
    case "helping":
      fields = text("What is helping");
      break;
    case "what_matters":
      fields = text("What matters");
      break;
    case "mapping":
      fields = html`${select({
        id: "framework",
        name: "framework",
        label: "Framework",
        value: v.framework,
        error: e.framework,
        options: FRAMEWORKS.map((f) => ({ value: f.code, text: f.label })),
      })}
      ${textInput({
        id: "text",
        name: "text",
        label: "Mapping",
        hint: savedNow("text", "For example, Articles 3; 4; 19, or Safe."),
        value: v.text,
        error: e.text,
        width: "fluid-two-thirds",
      })}`;
      break;
  }

  return html`${
    model.conflict || Object.keys(e).length > 0
      ? errorSummary({
          title: model.conflict ? "Your change has not been saved" : "There is a problem",
          description: model.conflict,
          errors: errorLinks(e, (name) => name),
        })
      : ""
  }
  <a class="ds_back-link" href="${editPath(view.edition.id, info.anchor)}">Back to the draft</a>
  <h1>Edit ${noun(item)}</h1>
  <p>In the draft of the ${view.edition.theme.name} route map, under "${info.heading}".</p>
  <form method="post" action="${itemPath(view.edition.id, item.id)}" novalidate>
    ${csrfField(model.csrfToken)}${hiddenField("version", view.edition.version)}
    ${fields}
    <div class="ds_button-group">
      ${button({ text: "Save" })}
      <a class="ds_link" href="${editPath(view.edition.id, info.anchor)}">Cancel</a>
    </div>
  </form>`;
}
