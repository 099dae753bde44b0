import { monthYear } from "../../../platform/dates.ts";
import { type HtmlValue, html, type SafeHtml } from "../../../platform/html.ts";
import { insetText } from "../../../platform/views/components/inset-text.ts";
import { table } from "../../../platform/views/components/table.ts";
import { paragraphs } from "../../../platform/views/text.ts";
import type { ActionItem, Edition, OutcomeItem } from "../route-map.types.ts";

// The body of a route-map edition, reading like the published route-map pages: every section of
// both formats (June 2024 "2030 ambitions", December 2025 "outcomes"), in the same order.

export const NO_MILESTONES_YET =
  "There are no milestones identified for this year yet. Once progress is made in earlier years, the work required in this year will be clearer and milestones will be added here.";

export const PROMISE_REPORT_NOTE =
  "These statements and the page numbers referenced are taken from the promise report, published when the Independent Care Review concluded in 2020.";

const NOTHING_YET = "Nothing has been added here yet.";

export interface EditionSection {
  id: string;
  title: string;
}

/**
 * The sections an edition shows, in order. A section both formats have always shows, even when
 * empty (an empty milestone year is a real state); "what is helping" and the mapping table
 * belong to the 2030-ambitions format and show in the outcomes format only when they have content.
 */
export function editionSections(edition: Edition): EditionSection[] {
  const ambitions = edition.layout === "ambitions";
  const hasMappings = edition.mappings.some((m) => m.items.length > 0);
  const sections: Array<EditionSection | false> = [
    { id: "state-of-play", title: edition.stateOfPlayTitle.trim() || "Where is Scotland now?" },
    { id: "by-2030", title: "Where does Scotland need to be by 2030?" },
    { id: "route-map", title: "The route map to get there" },
    { id: "milestones", title: "Milestones" },
    { id: "who", title: "Who needs to work on this" },
    (ambitions || edition.helping.length > 0) && { id: "helping", title: "What is helping?" },
    {
      id: "what-matters",
      title: "What matters to children, families and care experienced adults",
    },
    (ambitions || hasMappings) && { id: "mapping", title: "Mapping" },
  ];
  return sections.filter((s): s is EditionSection => s !== false);
}

function introduction(edition: Edition): SafeHtml {
  if (edition.introduction.trim()) return paragraphs(edition.introduction);
  if (edition.lastUpdated) {
    return html`<p>This route map was last updated in ${monthYear(edition.lastUpdated)}.</p>`;
  }
  return html``;
}

function textOrNothing(text: string): SafeHtml {
  return text.trim() ? paragraphs(text) : html`<p>${NOTHING_YET}</p>`;
}

function outcome(item: OutcomeItem): SafeHtml {
  return html`<li>${item.text}${item.pageRefs.trim() ? html` <span class="wm-page-ref">(${item.pageRefs.trim()})</span>` : ""}</li>`;
}

function by2030(edition: Edition): SafeHtml {
  const list = html`<ul class="wm-outcomes">${edition.outcomes.map(outcome)}</ul>`;
  if (edition.layout === "ambitions") {
    return html`${edition.ambitionSummary.trim() ? paragraphs(edition.ambitionSummary) : ""}
      ${
        edition.outcomes.length > 0
          ? html`<p>This means:</p>${list}${insetText(PROMISE_REPORT_NOTE)}`
          : html`<p>No ambitions have been added yet.</p>`
      }`;
  }
  const name = edition.theme.name;
  return html`${edition.ambitionSummary.trim() ? paragraphs(edition.ambitionSummary) : ""}
    ${
      edition.outcomes.length === 0
        ? html`<p>No outcomes have been added yet.</p>`
        : html`<p>${edition.outcomes.length === 1 ? `The outcome in ${name} is:` : `The outcomes in ${name} are:`}</p>${list}`
    }`;
}

function action(item: ActionItem): SafeHtml {
  return html`<li>${item.text}${
    item.children.length > 0 ? html`<ul>${item.children.map((c) => html`<li>${c.text}</li>`)}</ul>` : ""
  }</li>`;
}

/** Actions in order as an ordered list, each action's sub-items listed under it. */
export function actionList(actions: ActionItem[]): SafeHtml {
  return html`<ol class="wm-actions">${actions.map(action)}</ol>`;
}

function routeMap(edition: Edition): SafeHtml {
  return html`${edition.routeMapIntro.trim() ? paragraphs(edition.routeMapIntro) : ""}
    ${edition.actions.length > 0 ? actionList(edition.actions) : html`<p>No actions have been added yet.</p>`}`;
}

function milestones(edition: Edition): SafeHtml {
  return html`${edition.milestones.map(
    (year) => html`<h3>${year.year}</h3>
      ${
        year.items.length > 0
          ? html`<ul>${year.items.map((m) => html`<li>${m.text}</li>`)}</ul>`
          : html`<p class="wm-empty-year">${NO_MILESTONES_YET}</p>`
      }`,
  )}`;
}

function who(edition: Edition): SafeHtml {
  if (edition.sectors.length === 0) return html`<p>This edition does not name who needs to work on it.</p>`;
  return html`<ul class="wm-sectors">${edition.sectors.map(
    (s) => html`<li><a href="/sectors/${encodeURIComponent(s.slug)}">${s.name}</a></li>`,
  )}</ul>`;
}

function statements(items: Edition["helping"]): SafeHtml {
  if (items.length === 0) return html`<p>${NOTHING_YET}</p>`;
  return html`${items.map((i) => html`<p>${i.text}</p>`)}`;
}

function whatMatters(edition: Edition): SafeHtml {
  if (edition.whatMatters.length === 0) return html`<p>${NOTHING_YET}</p>`;
  return html`<ul class="wm-what-matters">${edition.whatMatters.map((i) => html`<li>${i.text}</li>`)}</ul>`;
}

/** Promise-report references stored as bare page numbers read "Pages 17; 36; 103-104", as on the seed pages. */
function mappingCell(group: Edition["mappings"][number]): HtmlValue {
  const items = group.items.map((i) => i.text.trim());
  if (items.length === 0) return "None recorded";
  if (group.framework === "promise_report" && items.every((t) => /^\d+(?:-\d+)?$/.test(t))) {
    return `${items.length === 1 && !items[0]!.includes("-") ? "Page" : "Pages"} ${items.join("; ")}`;
  }
  if (items.length === 1) return items[0]!;
  return html`<ul class="wm-cell-list">${items.map((t) => html`<li>${t}</li>`)}</ul>`;
}

function mapping(edition: Edition): SafeHtml {
  return html`<p>This is how Plan 24-30 relates to other frameworks and plans.</p>
    ${table({
      caption: `How the ${edition.theme.name} route map relates to other frameworks and plans`,
      head: ["Framework", "What this route map relates to"],
      rowHeaders: true,
      rows: edition.mappings.map((group) => [group.label, mappingCell(group)]),
    })}`;
}

const BODIES: Record<string, (edition: Edition) => SafeHtml> = {
  "state-of-play": (e) => textOrNothing(e.stateOfPlay),
  "by-2030": by2030,
  "route-map": routeMap,
  milestones,
  who,
  helping: (e) => statements(e.helping),
  "what-matters": whatMatters,
  mapping,
};

/**
 * The body of a route-map edition, to sit under the page's h1: the introduction, then one h2
 * section per part of the route map. Used by the public pages and the editor's preview.
 */
export function editionBody(edition: Edition): SafeHtml {
  return html`<div class="wm-edition">
  ${introduction(edition)}
  ${editionSections(edition).map(
    (section) => html`<section class="wm-edition__section" aria-labelledby="${section.id}">
    <h2 id="${section.id}">${section.title}</h2>
    ${BODIES[section.id]!(edition)}
  </section>`,
  )}
</div>`;
}
