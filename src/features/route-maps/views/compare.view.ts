import { monthYear } from "../../../platform/dates.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { details } from "../../../platform/views/components/details.ts";
import { insetText } from "../../../platform/views/components/inset-text.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { summaryList } from "../../../platform/views/components/summary-list.ts";
import { count } from "../../../platform/views/text.ts";
import type {
  ComparedItem,
  DiffPart,
  EditionComparison,
  FieldComparison,
  ItemChange,
  SectionComparison,
} from "../edition-compare.ts";
import type { EditionSummary } from "../route-map.types.ts";
import { editionName, editionPath, themePath } from "./route-map.view.ts";

/** A word diff as <ins>/<del>, each announced to screen readers, since strike-through and colour are silent. */
export function diffView(parts: DiffPart[]): SafeHtml {
  return html`${parts.map((part) =>
    part.kind === "added"
      ? html`<ins class="wm-ins"><span class="visually-hidden">added: </span>${part.text}</ins>`
      : part.kind === "removed"
        ? html`<del class="wm-del"><span class="visually-hidden">removed: </span>${part.text}</del>`
        : part.text,
  )}`;
}

const DETAIL_LABELS: Record<string, string> = {
  "by-2030": "Page references",
  milestones: "Year",
  mapping: "Framework",
};

const FORMATS = { ambitions: "ambitions for 2030", outcomes: "outcomes" } as const;

function facts(section: SectionComparison, item: ComparedItem): SafeHtml {
  const label = DETAIL_LABELS[section.id];
  return html`${label && item.detail ? html`<br><span class="wm-compare__detail">${label}: ${item.detail}</span>` : ""}${
    item.context ? html`<br><span class="wm-compare__detail">Under the action: ${item.context}</span>` : ""
  }`;
}

function changedItem(section: SectionComparison, change: ItemChange): SafeHtml {
  const label = DETAIL_LABELS[section.id] ?? "Detail";
  return html`<li><span class="wm-diff">${diffView(change.textDiff)}</span>${
    change.detailDiff
      ? html`<br><span class="wm-compare__detail">${label}: ${diffView(change.detailDiff)}</span>`
      : ""
  }${change.after.context ? html`<br><span class="wm-compare__detail">Under the action: ${change.after.context}</span>` : ""}</li>`;
}

function field(f: FieldComparison): SafeHtml {
  const what = f.status === "added" ? "Added" : f.status === "removed" ? "Removed" : "Changed";
  return html`<h3>${f.label}: ${what.toLowerCase()}</h3>
    <p class="wm-diff">${diffView(f.diff)}</p>`;
}

function sectionView(section: SectionComparison): SafeHtml {
  const fields = section.fields.filter((f) => f.status !== "unchanged");
  const nothing =
    fields.length === 0 &&
    section.added.length === 0 &&
    section.removed.length === 0 &&
    section.changed.length === 0;
  return html`<section class="wm-compare__section" aria-labelledby="compare-${section.id}">
  <h2 id="compare-${section.id}">${section.title}</h2>
  ${nothing ? html`<p>No changes.</p>` : ""}
  ${fields.map(field)}
  ${
    section.added.length > 0
      ? html`<h3>Added (${section.added.length})</h3>
    <ul class="wm-compare__list">${section.added.map(
      (item) =>
        html`<li><ins class="wm-ins"><span class="visually-hidden">added: </span>${item.text}</ins>${facts(section, item)}</li>`,
    )}</ul>`
      : ""
  }
  ${
    section.removed.length > 0
      ? html`<h3>Removed (${section.removed.length})</h3>
    <ul class="wm-compare__list">${section.removed.map(
      (item) =>
        html`<li><del class="wm-del"><span class="visually-hidden">removed: </span>${item.text}</del>${facts(section, item)}</li>`,
    )}</ul>`
      : ""
  }
  ${
    section.changed.length > 0
      ? html`<h3>Changed (${section.changed.length})</h3>
    <ul class="wm-compare__list">${section.changed.map((change) => changedItem(section, change))}</ul>`
      : ""
  }
  ${
    section.hasItems && section.unchanged.length > 0
      ? details(
          `${count(section.unchanged.length, "item")} unchanged`,
          html`<ul>${section.unchanged.map((item) => html`<li>${item.text}${facts(section, item)}</li>`)}</ul>`,
        )
      : ""
  }
</section>`;
}

function option(edition: EditionSummary, selected: boolean): SafeHtml {
  const date = edition.lastUpdated ? monthYear(edition.lastUpdated) : "not published";
  const name = editionName(edition);
  return html`<option value="${edition.id}"${selected ? html` selected` : ""}>${name}${name === date ? "" : ` (${date})`}${edition.status === "draft" ? " – draft" : ""}</option>`;
}

function select(
  name: "from" | "to",
  label: string,
  editions: EditionSummary[],
  selectedId: number,
): SafeHtml {
  return html`<div class="ds_question">
    <label class="ds_label" for="compare-${name}">${label}</label>
    <div class="ds_select-wrapper">
      <select class="ds_select" id="compare-${name}" name="${name}">
        ${editions.map((e) => option(e, e.id === selectedId))}
      </select>
      <span class="ds_select-arrow" aria-hidden="true"></span>
    </div>
  </div>`;
}

/** A form to choose two editions. GET, so it needs no CSRF token and every comparison has an address. */
export function chooseEditionsForm(
  theme: { slug: string },
  editions: EditionSummary[],
  fromId: number,
  toId: number,
): SafeHtml {
  return html`<form class="wm-compare-form" method="get" action="${themePath(theme.slug)}/compare">
  ${select("from", "Earlier edition", editions, fromId)}
  ${select("to", "Later edition", editions, toId)}
  <button class="ds_button" type="submit">Compare editions</button>
</form>`;
}

/** The comparison of two editions, section by section. */
export function compareView(
  theme: { slug: string; name: string },
  comparison: EditionComparison,
  editions: EditionSummary[],
): SafeHtml {
  const { from, to, totals } = comparison;
  const link = (e: EditionSummary) =>
    html`<a href="${editionPath(theme.slug, e.id)}">${editionName(e)}</a>${e.lastUpdated ? `, last updated ${monthYear(e.lastUpdated)}` : ""}`;
  return html`${pageHeader({ label: "Route map", title: `What changed in the ${theme.name} route map` })}
  ${summaryList([
    { key: "Earlier edition", value: link(from) },
    { key: "Later edition", value: link(to) },
    {
      key: "Changes",
      value: comparison.hasChanges
        ? `${count(totals.added, "item")} added, ${count(totals.removed, "item")} removed, ${count(totals.changed, "item")} changed`
        : "None: the two editions say the same thing",
    },
  ])}
  ${
    comparison.layoutChange
      ? insetText(
          `The format of the route map changed: ${editionName(from)} sets out ${FORMATS[comparison.layoutChange.from]}; ${editionName(to)} sets out ${FORMATS[comparison.layoutChange.to]}.`,
        )
      : ""
  }
  ${editions.length > 2 ? details("Compare other editions", chooseEditionsForm(theme, editions, from.id, to.id)) : ""}
  ${comparison.sections.map(sectionView)}
  <p><a href="${themePath(theme.slug)}/editions">All editions of the ${theme.name} route map</a></p>`;
}

/** When a route map has only one published edition there is nothing to compare yet. */
export function nothingToCompareView(theme: { slug: string; name: string }): SafeHtml {
  return html`${pageHeader({ label: "Route map", title: `What changed in the ${theme.name} route map` })}
  <p>The ${theme.name} route map has only one published edition, so there is nothing to compare it with yet.</p>
  <p><a href="${themePath(theme.slug)}">Read the ${theme.name} route map</a></p>`;
}
