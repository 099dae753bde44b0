import { html, type SafeHtml } from "../../../platform/html.ts";
import { button, hiddenField, select, textarea, textInput } from "../../../platform/views/forms.ts";
import { FRAMEWORKS, MILESTONE_YEARS, type Section } from "../route-map.types.ts";
import { type EditContext, type EditPageModel, formFields, shorten, valuesFor } from "./edit-page.ts";
import { SECTION_INFO } from "./edit-sections.ts";

// The form under each section of a draft's edit page that adds an item to it. After a refused
// add, the form that was used shows what was typed and its errors.

/** The id of an add form's field, where the error summary links to. */
export function addFieldId(section: Section, name: string): string {
  return `add-${SECTION_INFO[section].anchor}-${name}`;
}

/** The add form of a section, with the fields an item of that section has. */
export function addItemForm(model: EditPageModel, ctx: EditContext, section: Section): SafeHtml {
  const info = SECTION_INFO[section];
  return html`<form class="wm-edit-add" method="post" action="/manage/editions/${ctx.editionId}/items" novalidate>
    <h3>${info.add}</h3>
    ${formFields(ctx)}${hiddenField("section", section)}
    ${addFields(model, section)}
    ${button({ text: info.add })}
  </form>`;
}

function addFields(model: EditPageModel, section: Section): SafeHtml {
  const { edition, sectors } = model.view;
  const { values: v, errors: e } = valuesFor(
    model.state,
    (s) => s.form === "add" && s.section === section,
    {},
  );
  const id = (name: string) => addFieldId(section, name);
  const text = (label: string, hint?: string) =>
    textarea({ id: id("text"), name: "text", label, hint, value: v.text, error: e.text, rows: 3 });
  switch (section) {
    case "outcome":
      return html`${text("Outcome or ambition")}
      ${textInput({
        id: id("pageRefs"),
        name: "pageRefs",
        label: "Promise report page references (optional)",
        hint: "For example, Pg 36; Pg 23. Leave empty if this edition sets out outcomes without page references.",
        value: v.pageRefs,
        error: e.pageRefs,
        width: "fluid-two-thirds",
      })}`;
    case "action":
      return html`${text("Action", "Say who will do what, for example: The Promise Scotland to convene a dialogue with …")}
      ${select({
        id: id("parentId"),
        name: "parentId",
        label: "Where does it go?",
        hint: "A sub-item sits under a main action, like the questions listed under a dialogue.",
        value: v.parentId ?? "",
        error: e.parentId,
        placeholder: "As a main action",
        options: edition.actions.map((a, i) => ({
          value: String(a.id),
          text: `Under action ${i + 1}: ${shorten(a.text)}`,
        })),
      })}`;
    case "milestone":
      return html`${select({
        id: id("year"),
        name: "year",
        label: "Year",
        value: v.year ?? "",
        error: e.year,
        placeholder: "Choose a year",
        options: MILESTONE_YEARS.map((y) => ({ value: String(y), text: String(y) })),
      })}
      ${text("Milestone")}`;
    case "sector": {
      const listed = new Set(edition.sectors.map((s) => s.sectorId));
      return select({
        id: id("sectorId"),
        name: "sectorId",
        label: "Sector",
        hint: "The sectors that need to work on this route map.",
        value: v.sectorId ?? "",
        error: e.sectorId,
        placeholder: "Choose a sector",
        options: sectors.filter((s) => !listed.has(s.id)).map((s) => ({ value: String(s.id), text: s.name })),
      });
    }
    case "helping":
      return text("What is helping", "Work, groups or funding already helping, in a short paragraph.");
    case "what_matters":
      return text(
        "What matters",
        "In the words of children and families, for example: People who support me are all working together.",
      );
    case "mapping":
      return html`${select({
        id: id("framework"),
        name: "framework",
        label: "Framework",
        value: v.framework ?? "",
        error: e.framework,
        placeholder: "Choose a framework",
        options: FRAMEWORKS.map((f) => ({ value: f.code, text: f.label })),
      })}
      ${textInput({
        id: id("text"),
        name: "text",
        label: "Mapping",
        hint: "For example, Articles 3; 4; 19, or Safe.",
        value: v.text,
        error: e.text,
        width: "fluid-two-thirds",
      })}`;
  }
}
