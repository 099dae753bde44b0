import { html, type SafeHtml } from "../../../platform/html.ts";
import { button, radios, textarea, textInput } from "../../../platform/views/forms.ts";
import {
  type EditContext,
  type EditPageModel,
  formFields,
  sectionBlock,
  shorten,
  valuesFor,
} from "./edit-page.ts";
import { DETAILS_ANCHOR } from "./edit-sections.ts";

// The details form of a draft's edit page. After a conflict it keeps what the editor typed and
// shows, under each field that differs, what is saved now.

/** The id of a details field, where the error summary links to. */
export function detailsFieldId(name: string): string {
  return `details-${name}`;
}

/** The form for the edition as a whole: its label, layout and opening text. */
export function detailsSection(model: EditPageModel, ctx: EditContext): SafeHtml {
  const { edition } = model.view;
  // What is saved now: the form's defaults and, after a conflict, what its hints compare with.
  const saved: Record<string, string> = {
    label: edition.label,
    layout: edition.layout,
    introduction: edition.introduction,
    stateOfPlayTitle: edition.stateOfPlayTitle,
    stateOfPlay: edition.stateOfPlay,
    ambitionSummary: edition.ambitionSummary,
    routeMapIntro: edition.routeMapIntro,
  };
  const { values: v, errors: e } = valuesFor(model.state, (s) => s.form === "details", saved);
  // After a conflict, the form keeps the editor's words; show what is saved now where it differs.
  const conflict = model.state?.form === "details" && model.state.conflict !== undefined;
  const hint = (name: string, usual?: string): string | SafeHtml | undefined =>
    conflict && v[name] !== saved[name]
      ? html`${usual ? html`${usual} ` : ""}<strong>Saved version now:</strong> ${saved[name] ? shorten(saved[name]!, 300) : "(empty)"}`
      : usual;
  return sectionBlock(
    DETAILS_ANCHOR,
    "Edition details",
    html`<form method="post" action="/manage/editions/${ctx.editionId}/details" novalidate>
    ${formFields(ctx)}
    ${textInput({
      id: detailsFieldId("label"),
      name: "label",
      label: "Label",
      hint: hint("label", "How the edition is named, for example December 2025."),
      value: v.label,
      error: e.label,
      width: "fluid-two-thirds",
    })}
    ${radios({
      idPrefix: detailsFieldId("layout"),
      name: "layout",
      legend: "How is the 2030 section set out?",
      value: v.layout,
      error: e.layout,
      items: [
        { value: "outcomes", text: "Outcomes (the December 2025 format)" },
        {
          value: "ambitions",
          text: "2030 ambitions with promise report page references (the June 2024 format)",
        },
      ],
    })}
    ${textarea({ id: detailsFieldId("introduction"), name: "introduction", label: "Introduction (optional)", hint: hint("introduction"), value: v.introduction, error: e.introduction })}
    ${textInput({
      id: detailsFieldId("stateOfPlayTitle"),
      name: "stateOfPlayTitle",
      label: "State of play heading",
      hint: hint("stateOfPlayTitle", "For example, Where is Scotland now?"),
      value: v.stateOfPlayTitle,
      error: e.stateOfPlayTitle,
      width: "fluid-two-thirds",
    })}
    ${textarea({ id: detailsFieldId("stateOfPlay"), name: "stateOfPlay", label: "State of play", hint: hint("stateOfPlay"), value: v.stateOfPlay, error: e.stateOfPlay, rows: 8 })}
    ${textarea({
      id: detailsFieldId("ambitionSummary"),
      name: "ambitionSummary",
      label: "Summary of where Scotland needs to be by 2030 (optional)",
      hint: hint("ambitionSummary"),
      value: v.ambitionSummary,
      error: e.ambitionSummary,
    })}
    ${textarea({
      id: detailsFieldId("routeMapIntro"),
      name: "routeMapIntro",
      label: "Introduction to the route map (optional)",
      hint: hint("routeMapIntro"),
      value: v.routeMapIntro,
      error: e.routeMapIntro,
    })}
    ${button({ text: "Save details" })}
  </form>`,
  );
}
