import { fullDate } from "../../../platform/dates.ts";
import type { FieldErrors } from "../../../platform/errors.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import {
  button,
  csrfField,
  dateInput,
  dateInputId,
  errorLinks,
  errorSummary,
  formTitle,
  hiddenField,
  notification,
  radioId,
  radios,
  select,
  textarea,
  textInput,
} from "../../../platform/views/forms.ts";
import type { EditingView } from "../edition-editing.service.ts";
import { FRAMEWORKS, MILESTONE_YEARS, type Section, type TextItem } from "../route-map.types.ts";
import { DETAILS_ANCHOR, itemPath, PUBLISH_ANCHOR, SECTION_INFO } from "./edit-sections.ts";

// The edit page of a draft edition: its details, every section's items with edit, move and
// remove, an add form per section, and the publish form. Every form carries the edition's
// version (for conflict detection) and the CSRF token.

/** What the editor submitted, when a form comes back with errors or a conflict. */
export interface EditFormState {
  form: "details" | "add" | "publish" | "page";
  /** For `add`: the section added to, if it was a real one. */
  section?: Section | undefined;
  /** The submitted fields, shown again so nothing typed is lost. */
  values: Record<string, string>;
  errors: FieldErrors;
  /** Why the change was refused as a whole (someone else saved first). */
  conflict?: string | undefined;
  /** For `page`: where on the page the error belongs. */
  anchor?: string | undefined;
}

export interface EditPageModel {
  view: EditingView;
  csrfToken: string;
  /** A confirmation of the last change. */
  saved?: string | undefined;
  state?: EditFormState | undefined;
}

interface Ctx {
  editionId: number;
  version: number;
  csrfToken: string;
}

function formFields(ctx: Ctx): SafeHtml {
  return html`${csrfField(ctx.csrfToken)}${hiddenField("version", ctx.version)}`;
}

/** Text as the editor wrote it: one paragraph per line. */
export function textBlock(text: string): SafeHtml {
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  return html`${lines.map((l) => html`<p>${l}</p>`)}`;
}

/** A short form of a long text, for choices in a list. */
function shorten(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

function itemControls(ctx: Ctx, itemId: number, name: string, index: number, count: number): SafeHtml {
  const post = (
    path: string,
    text: string,
    extra: SafeHtml = html``,
  ) => html`<form class="wm-inline-form" method="post" action="${itemPath(ctx.editionId, itemId)}${path}">
      ${formFields(ctx)}${extra}
      ${button({ text: html`${text}<span class="visually-hidden"> ${name}</span>`, variant: "secondary", small: true })}
    </form>`;
  return html`<div class="wm-edit-item__controls">
    <a class="ds_button ds_button--secondary ds_button--small" href="${itemPath(ctx.editionId, itemId)}">Edit<span class="visually-hidden"> ${name}</span></a>
    ${index > 0 ? post("/move", "Move up", hiddenField("direction", "up")) : ""}
    ${index < count - 1 ? post("/move", "Move down", hiddenField("direction", "down")) : ""}
    ${post("/delete", "Remove")}
  </div>`;
}

function itemList(
  ctx: Ctx,
  items: readonly TextItem[],
  name: (index: number) => string,
  body: (item: TextItem, index: number) => SafeHtml,
  empty: string,
): SafeHtml {
  if (items.length === 0) return html`<p class="wm-edit-empty">${empty}</p>`;
  return html`<ol class="wm-edit-list">
    ${items.map(
      (item, index) => html`<li class="wm-edit-item">
      ${body(item, index)}
      ${itemControls(ctx, item.id, name(index), index, items.length)}
    </li>`,
    )}
  </ol>`;
}

function textOf(item: TextItem): SafeHtml {
  return html`<div class="wm-edit-item__text">${textBlock(item.text)}</div>`;
}

/** The values a form shows: what was submitted, if this is the form that came back; else its defaults. */
function valuesFor(
  state: EditFormState | undefined,
  matches: (s: EditFormState) => boolean,
  defaults: Record<string, string>,
): { values: Record<string, string>; errors: FieldErrors } {
  if (state && matches(state)) return { values: { ...defaults, ...state.values }, errors: state.errors };
  return { values: defaults, errors: {} };
}

function addForm(ctx: Ctx, section: Section, fields: SafeHtml): SafeHtml {
  const info = SECTION_INFO[section];
  return html`<form class="wm-edit-add" method="post" action="/manage/editions/${ctx.editionId}/items" novalidate>
    <h3>${info.add}</h3>
    ${formFields(ctx)}${hiddenField("section", section)}
    ${fields}
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
  const id = (name: string) => `add-${SECTION_INFO[section].anchor}-${name}`;
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

function sectionBlock(anchor: string, heading: string, content: SafeHtml): SafeHtml {
  return html`<section class="wm-edit-section" id="${anchor}" aria-labelledby="${anchor}-heading">
  <h2 id="${anchor}-heading">${heading}</h2>
  ${content}
</section>`;
}

function itemsSection(model: EditPageModel, ctx: Ctx, section: Section): SafeHtml {
  const { edition } = model.view;
  const info = SECTION_INFO[section];
  let list: SafeHtml;
  switch (section) {
    case "outcome":
      list = itemList(
        ctx,
        edition.outcomes,
        (i) => `outcome ${i + 1}`,
        (item, i) =>
          html`<div class="wm-edit-item__text">${textBlock(item.text)}${
            edition.outcomes[i]!.pageRefs
              ? html`<p class="wm-edit-item__meta">Page references: ${edition.outcomes[i]!.pageRefs}</p>`
              : ""
          }</div>`,
        "No outcomes yet.",
      );
      break;
    case "action":
      list =
        edition.actions.length === 0
          ? html`<p class="wm-edit-empty">No actions yet.</p>`
          : html`<ol class="wm-edit-list">
        ${edition.actions.map(
          (action, i) => html`<li class="wm-edit-item">
          ${textOf(action)}
          ${itemControls(ctx, action.id, `action ${i + 1}`, i, edition.actions.length)}
          ${
            action.children.length > 0
              ? html`<div class="wm-edit-sublist">${itemList(
                  ctx,
                  action.children,
                  (j) => `action ${i + 1}, sub-item ${j + 1}`,
                  textOf,
                  "",
                )}</div>`
              : ""
          }
        </li>`,
        )}
      </ol>`;
      break;
    case "milestone":
      list = html`${edition.milestones.map(
        (year) => html`<h3>${year.year}</h3>
        ${itemList(ctx, year.items, (i) => `${year.year} milestone ${i + 1}`, textOf, "No milestones for this year yet.")}`,
      )}`;
      break;
    case "sector":
      list =
        edition.sectors.length === 0
          ? html`<p class="wm-edit-empty">No sectors yet.</p>`
          : html`<ol class="wm-edit-list">
        ${edition.sectors.map(
          (s, i) => html`<li class="wm-edit-item">
          <div class="wm-edit-item__text"><p>${s.name}</p></div>
          ${itemControls(ctx, s.id, s.name, i, edition.sectors.length)}
        </li>`,
        )}
      </ol>`;
      break;
    case "helping":
      list = itemList(ctx, edition.helping, (i) => `what is helping ${i + 1}`, textOf, "Nothing yet.");
      break;
    case "what_matters":
      list = itemList(ctx, edition.whatMatters, (i) => `what matters ${i + 1}`, textOf, "Nothing yet.");
      break;
    case "mapping":
      list = html`${edition.mappings.map(
        (group) => html`<h3>${group.label}</h3>
        ${itemList(ctx, group.items, (i) => `${group.label} mapping ${i + 1}`, textOf, "None yet.")}`,
      )}`;
      break;
  }
  const allSectorsListed =
    section === "sector" && model.view.sectors.every((s) => edition.sectors.some((x) => x.sectorId === s.id));
  return sectionBlock(
    info.anchor,
    info.heading,
    html`${list}
    ${allSectorsListed ? html`<p>Every sector is listed.</p>` : addForm(ctx, section, addFields(model, section))}`,
  );
}

function detailsSection(model: EditPageModel, ctx: Ctx): SafeHtml {
  const { edition } = model.view;
  const { values: v, errors: e } = valuesFor(model.state, (s) => s.form === "details", {
    label: edition.label,
    layout: edition.layout,
    introduction: edition.introduction,
    stateOfPlayTitle: edition.stateOfPlayTitle,
    stateOfPlay: edition.stateOfPlay,
    ambitionSummary: edition.ambitionSummary,
    routeMapIntro: edition.routeMapIntro,
  });
  // After a conflict, the form keeps the editor's words; show what is saved now where it differs.
  const saved: Record<string, string> = {
    label: edition.label,
    introduction: edition.introduction,
    stateOfPlayTitle: edition.stateOfPlayTitle,
    stateOfPlay: edition.stateOfPlay,
    ambitionSummary: edition.ambitionSummary,
    routeMapIntro: edition.routeMapIntro,
  };
  const conflict = model.state?.form === "details" && model.state.conflict !== undefined;
  const hint = (name: string, usual?: string): string | SafeHtml | undefined =>
    conflict && v[name] !== saved[name]
      ? html`${usual ? html`${usual} ` : ""}<strong>Saved version now:</strong> ${saved[name] ? shorten(saved[name]!, 300) : "(empty)"}`
      : usual;
  const id = (name: string) => `details-${name}`;
  return sectionBlock(
    DETAILS_ANCHOR,
    "Edition details",
    html`<form method="post" action="/manage/editions/${ctx.editionId}/details" novalidate>
    ${formFields(ctx)}
    ${textInput({
      id: id("label"),
      name: "label",
      label: "Label",
      hint: hint("label", "How the edition is named, for example December 2025."),
      value: v.label,
      error: e.label,
      width: "fluid-two-thirds",
    })}
    ${radios({
      idPrefix: id("layout"),
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
    ${textarea({ id: id("introduction"), name: "introduction", label: "Introduction (optional)", hint: hint("introduction"), value: v.introduction, error: e.introduction })}
    ${textInput({
      id: id("stateOfPlayTitle"),
      name: "stateOfPlayTitle",
      label: "State of play heading",
      hint: hint("stateOfPlayTitle", "For example, Where is Scotland now?"),
      value: v.stateOfPlayTitle,
      error: e.stateOfPlayTitle,
      width: "fluid-two-thirds",
    })}
    ${textarea({ id: id("stateOfPlay"), name: "stateOfPlay", label: "State of play", hint: hint("stateOfPlay"), value: v.stateOfPlay, error: e.stateOfPlay, rows: 8 })}
    ${textarea({
      id: id("ambitionSummary"),
      name: "ambitionSummary",
      label: "Summary of where Scotland needs to be by 2030 (optional)",
      hint: hint("ambitionSummary"),
      value: v.ambitionSummary,
      error: e.ambitionSummary,
    })}
    ${textarea({
      id: id("routeMapIntro"),
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

function publishSection(model: EditPageModel, ctx: Ctx): SafeHtml {
  const { values: v, errors: e } = valuesFor(model.state, (s) => s.form === "publish", {});
  const previous = model.view.previousLastUpdated;
  return sectionBlock(
    PUBLISH_ANCHOR,
    "Publish this edition",
    html`<p>Publishing makes this edition public straight away. It becomes the route map's latest edition and can no longer be changed.</p>
    <p><a href="/manage/editions/${ctx.editionId}/preview">Preview the draft</a> first to check how it will look.</p>
    <form method="post" action="/manage/editions/${ctx.editionId}/publish" novalidate>
      ${formFields(ctx)}
      ${dateInput({
        name: "lastUpdated",
        legend: "Last updated",
        hint: `The date the route map says it was last updated. For example, 1 12 2025.${
          previous ? ` It cannot be before ${fullDate(previous)}, the previous edition's date.` : ""
        }`,
        value: {
          day: v["lastUpdated-day"] ?? "",
          month: v["lastUpdated-month"] ?? "",
          year: v["lastUpdated-year"] ?? "",
        },
        error: e.lastUpdated,
      })}
      ${button({ text: "Publish this edition" })}
    </form>`,
  );
}

const SECTIONS_ORDER: Section[] = [
  "outcome",
  "action",
  "milestone",
  "sector",
  "helping",
  "what_matters",
  "mapping",
];

/** Where an error summary link goes for each field of the form that came back. */
function fieldId(state: EditFormState): (name: string) => string {
  return (name) => {
    if (state.form === "details")
      return name === "layout" ? radioId("details-layout", "outcomes") : `details-${name}`;
    if (state.form === "publish") return dateInputId("lastUpdated");
    if (state.form === "add") {
      if (!state.section) return "sections";
      return `add-${SECTION_INFO[state.section].anchor}-${name}`;
    }
    return state.anchor ?? "main-content";
  };
}

export function editEditionTitle(model: EditPageModel): string {
  const hasErrors = Boolean(
    model.state && (Object.keys(model.state.errors).length > 0 || model.state.conflict),
  );
  return formTitle(`Edit the draft: ${model.view.edition.theme.name}`, hasErrors);
}

/** The edit page of a draft edition. */
export function editEditionView(model: EditPageModel): SafeHtml {
  const { edition } = model.view;
  const ctx: Ctx = { editionId: edition.id, version: edition.version, csrfToken: model.csrfToken };
  const state = model.state;
  return html`${
    state
      ? errorSummary({
          title: state.conflict ? "Your change has not been saved" : "There is a problem",
          description: state.conflict,
          errors: errorLinks(state.errors, fieldId(state)),
        })
      : ""
  }
  <h1>Edit the draft: ${edition.theme.name}</h1>
  ${model.saved ? notification(model.saved) : ""}
  <p>This is a draft of the next edition of the ${edition.theme.name} route map. Nothing in it is public until you publish it.</p>
  <ul class="wm-edit-links">
    <li><a href="/manage/editions/${edition.id}/preview">Preview the draft</a></li>
    <li><a href="/manage/editions/${edition.id}/discard">Discard this draft</a></li>
    <li><a href="/manage">All route maps</a></li>
  </ul>
  <nav class="ds_contents-nav" aria-label="Parts of this draft" id="sections">
    <h2 class="ds_contents-nav__title">Parts of this draft</h2>
    <ul class="ds_contents-nav__list">
      <li class="ds_contents-nav__item"><a class="ds_contents-nav__link" href="#${DETAILS_ANCHOR}">Edition details</a></li>
      ${SECTIONS_ORDER.map(
        (s) =>
          html`<li class="ds_contents-nav__item"><a class="ds_contents-nav__link" href="#${SECTION_INFO[s].anchor}">${SECTION_INFO[s].heading}</a></li>`,
      )}
      <li class="ds_contents-nav__item"><a class="ds_contents-nav__link" href="#${PUBLISH_ANCHOR}">Publish this edition</a></li>
    </ul>
  </nav>
  ${detailsSection(model, ctx)}
  ${SECTIONS_ORDER.map((s) => itemsSection(model, ctx, s))}
  ${publishSection(model, ctx)}`;
}

/** A published edition at its editing address: it can no longer be changed. */
export function publishedEditionView(model: {
  view: EditingView;
  saved?: string | undefined;
  conflict?: string | undefined;
  publicHref: string;
}): SafeHtml {
  const { edition } = model.view;
  return html`${model.conflict ? errorSummary({ title: "Your change has not been saved", description: model.conflict, errors: [] }) : ""}
  <h1>${edition.theme.name}: ${edition.label}</h1>
  ${model.saved ? notification(model.saved) : ""}
  <p>This edition was published${edition.lastUpdated ? ` with the date ${fullDate(edition.lastUpdated)}` : ""}. Published editions cannot be changed: to make changes, start a new edition from the list of route maps.</p>
  <ul class="wm-edit-links">
    <li><a href="${model.publicHref}">See it as the public sees it</a></li>
    <li><a href="/manage">All route maps</a></li>
  </ul>`;
}
