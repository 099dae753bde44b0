import { fullDate } from "../../../platform/dates.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import {
  dateInputId,
  errorLinks,
  errorSummary,
  formTitle,
  notification,
  radioId,
} from "../../../platform/views/forms.ts";
import type { EditingView } from "../edition-editing.service.ts";
import { addFieldId, addItemForm } from "./edit-add.view.ts";
import { detailsFieldId, detailsSection } from "./edit-details.view.ts";
import { itemLists } from "./edit-items.view.ts";
import { type EditContext, type EditFormState, type EditPageModel, sectionBlock } from "./edit-page.ts";
import { publishSection } from "./edit-publish.view.ts";
import { DETAILS_ANCHOR, EDIT_PAGE_SECTIONS, PUBLISH_ANCHOR, type SectionInfo } from "./edit-sections.ts";

// The edit page of a draft edition: its details, every section's items with edit, move and
// remove, an add form per section, and the publish form. Every form carries the edition's
// version (for conflict detection) and the CSRF token. The parts are in edit-details,
// edit-items, edit-add and edit-publish; what they share is in edit-page.ts.

/** A section of the draft: its items, then the form that adds one (unless there is nothing left to add). */
function itemsSection(model: EditPageModel, ctx: EditContext, info: SectionInfo): SafeHtml {
  const { edition, sectors } = model.view;
  const allSectorsListed =
    info.section === "sector" && sectors.every((s) => edition.sectors.some((x) => x.sectorId === s.id));
  return sectionBlock(
    info.anchor,
    info.heading,
    html`${itemLists(ctx, edition, info.section)}
    ${allSectorsListed ? html`<p>Every sector is listed.</p>` : addItemForm(model, ctx, info.section)}`,
  );
}

/** Where an error summary link goes for each field of the form that came back. */
function fieldId(state: EditFormState): (name: string) => string {
  return (name) => {
    if (state.form === "details")
      return name === "layout" ? radioId(detailsFieldId("layout"), "outcomes") : detailsFieldId(name);
    if (state.form === "publish") return dateInputId("lastUpdated");
    if (state.form === "add") return state.section ? addFieldId(state.section, name) : "sections";
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
  const ctx: EditContext = { editionId: edition.id, version: edition.version, csrfToken: model.csrfToken };
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
      ${EDIT_PAGE_SECTIONS.map(
        (info) =>
          html`<li class="ds_contents-nav__item"><a class="ds_contents-nav__link" href="#${info.anchor}">${info.heading}</a></li>`,
      )}
      <li class="ds_contents-nav__item"><a class="ds_contents-nav__link" href="#${PUBLISH_ANCHOR}">Publish this edition</a></li>
    </ul>
  </nav>
  ${detailsSection(model, ctx)}
  ${EDIT_PAGE_SECTIONS.map((info) => itemsSection(model, ctx, info))}
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
