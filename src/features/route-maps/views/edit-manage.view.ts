import { fullDate } from "../../../platform/dates.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { table } from "../../../platform/views/components/table.ts";
import { button, csrfField, notification } from "../../../platform/views/forms.ts";
import type { ManagedRouteMap } from "../edition-editing.service.ts";
import { editPath } from "./edit-sections.ts";

// The editors' overview: every route map, its latest published edition and its draft.

export interface ManageModel {
  routeMaps: ManagedRouteMap[];
  csrfToken: string;
  saved?: string | undefined;
}

function published(r: ManagedRouteMap): SafeHtml | string {
  if (!r.latest) return "Not published yet";
  return html`<a href="/themes/${encodeURIComponent(r.theme.slug)}">${r.latest.label}</a>${
    r.latest.lastUpdated
      ? html`<br><span class="wm-edit-item__meta">Last updated ${fullDate(r.latest.lastUpdated)}</span>`
      : ""
  }`;
}

function draftCell(r: ManagedRouteMap, csrfToken: string): SafeHtml {
  if (r.draft) {
    return html`<a href="${editPath(r.draft.id)}">Continue editing the draft<span class="visually-hidden"> of ${r.theme.name}</span></a>`;
  }
  return html`<form class="wm-inline-form" method="post" action="/manage/themes/${encodeURIComponent(r.theme.slug)}/drafts">
    ${csrfField(csrfToken)}
    ${button({ text: html`Start a new edition<span class="visually-hidden"> of ${r.theme.name}</span>`, variant: "secondary", small: true })}
  </form>`;
}

export function manageView(model: ManageModel): SafeHtml {
  return html`<h1>Manage route maps</h1>
  ${model.saved ? notification(model.saved) : ""}
  <p>Start a new edition of a route map as a draft, copied from its latest published edition. Nothing in a draft is public until you publish it. A route map has one draft at a time.</p>
  ${
    model.routeMaps.length === 0
      ? html`<p>There are no route maps yet.</p>`
      : table({
          caption: "Route maps and their editions",
          head: ["Route map", "Foundation", "Published edition", "Draft"],
          rowHeaders: true,
          rows: model.routeMaps.map((r) => [
            r.theme.name,
            r.theme.foundationName,
            published(r),
            draftCell(r, model.csrfToken),
          ]),
        })
  }`;
}
