import { monthYear } from "../../../platform/dates.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { table } from "../../../platform/views/components/table.ts";
import { button, select } from "../../../platform/views/forms.ts";
import {
  audienceCalendarPath,
  TIMELINE_CSV_PATH,
  TIMELINE_ICS_PATH,
  TIMELINE_LOAD_PATH,
  TIMELINE_PATH,
  timelineItemPath,
} from "../timeline.paths.ts";
import { KIND_LABELS, TIMELINE_KINDS, type TimelineFilter, type TimelineItem } from "../timeline.types.ts";
import type { ClashNotice } from "../timeline-clash.ts";
import type { TimelineChoices } from "../timeline-input.ts";
import { audienceList, clashWarning, kindText, statusTag, whenCell } from "./timeline-parts.ts";

// The public timeline: what is coming up, month by month (or by quarter), as tables, with a
// filter form that works without JavaScript. Written for a care-experienced young person first.

export interface TimelinePageModel {
  items: TimelineItem[];
  clashes: ClashNotice[];
  choices: TimelineChoices;
  filter: TimelineFilter;
  /** "upcoming" (from this month on) or "all". */
  show: "upcoming" | "all";
  view: "month" | "quarter";
  /** The first day of this month, in words, for "from … on". */
  fromWords: string;
}

const QUARTERS = ["January to March", "April to June", "July to September", "October to December"];

function groupKey(item: TimelineItem, view: "month" | "quarter"): string {
  const [year, month] = item.startsOn.split("-");
  if (view === "month") return `${year}-${month}`;
  return `${year}-Q${Math.floor((Number(month) - 1) / 3) + 1}`;
}

function groupTitle(key: string, view: "month" | "quarter"): string {
  if (view === "month") return monthYear(`${key}-01`);
  const [year, quarter] = key.split("-Q");
  return `${QUARTERS[Number(quarter) - 1]} ${year}`;
}

function filterForm(model: TimelinePageModel): SafeHtml {
  const { choices, filter } = model;
  const owners = new Map(model.items.map((i) => [i.organisation.slug, i.organisation.name]));
  if (filter.organisation) {
    const chosen = choices.organisations.find((o) => o.slug === filter.organisation);
    if (chosen) owners.set(chosen.slug, chosen.name);
  }
  return html`<form class="wm-filters" method="get" action="${TIMELINE_PATH}">
  <h2>Choose what to see</h2>
  ${select({
    id: "audience",
    name: "audience",
    label: "Who it asks or is for",
    value: filter.audience,
    placeholder: "Everyone",
    options: choices.audiences.map((a) => ({ value: a.slug, text: a.name })),
  })}
  ${select({
    id: "theme",
    name: "theme",
    label: "Route map",
    value: filter.theme,
    placeholder: "All route maps",
    options: choices.themes.map((t) => ({ value: t.slug, text: t.name })),
  })}
  ${select({
    id: "kind",
    name: "kind",
    label: "Kind of thing",
    value: filter.kind,
    placeholder: "All kinds",
    options: TIMELINE_KINDS.map((k) => ({ value: k, text: KIND_LABELS[k] })),
  })}
  ${select({
    id: "organisation",
    name: "organisation",
    label: "Who is doing it",
    value: filter.organisation,
    placeholder: "Any organisation",
    options: [...owners].sort((a, b) => a[1].localeCompare(b[1])).map(([value, text]) => ({ value, text })),
  })}
  ${select({
    id: "show",
    name: "show",
    label: "When",
    value: model.show,
    options: [
      { value: "upcoming", text: `From ${model.fromWords} on` },
      { value: "all", text: "Everything, past ones too" },
    ],
  })}
  ${select({
    id: "view",
    name: "view",
    label: "Group by",
    value: model.view,
    options: [
      { value: "month", text: "Month" },
      { value: "quarter", text: "Three months (quarter)" },
    ],
  })}
  ${button({ text: "Show", variant: "secondary" })}
</form>`;
}

function itemsTable(title: string, items: TimelineItem[]): SafeHtml {
  return table({
    caption: title,
    head: ["When", "What", "Kind", "Who is doing it", "Who it asks or is for", "Status"],
    smallscreen: "boxes",
    rows: items.map((item) => [
      whenCell(item),
      html`<a href="${timelineItemPath(item.id)}">${item.title}</a>`,
      kindText(item),
      item.organisation.name,
      audienceList(item),
      statusTag(item),
    ]),
  });
}

export function timelineView(model: TimelinePageModel): SafeHtml {
  const groups = new Map<string, TimelineItem[]>();
  for (const item of model.items) {
    const key = groupKey(item, model.view);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const shown = new Set(model.items.map((i) => i.id));
  const clashes = model.clashes.filter((c) => c.items.some((i) => shown.has(i.id)));
  const audience = model.choices.audiences.find((a) => a.slug === model.filter.audience);
  return html`${pageHeader({ title: "What is coming up" })}
  <p>This is a list of things that are planned to happen to keep the Promise. It has new laws, plans, reports and events.</p>
  <p>It also shows when people are asked for their views, in consultations, surveys and events. We try not to ask the same people too many things at once.</p>
  ${clashWarning(clashes)}
  ${filterForm(model)}
  ${
    model.items.length === 0
      ? html`<p>There is nothing on the timeline that matches what you chose.${model.show === "upcoming" ? html` You can <a href="${TIMELINE_PATH}?show=all">see everything, past ones too</a>.` : ""}</p>`
      : [...groups].map(
          ([key, items]) => html`<section aria-labelledby="group-${key}">
  <h2 id="group-${key}">${groupTitle(key, model.view)}</h2>
  ${itemsTable(`What happens in ${groupTitle(key, model.view)}`, items)}
</section>`,
        )
  }
  <h2>Other ways to see this</h2>
  <ul>
    <li><a href="${TIMELINE_LOAD_PATH}">How many things each group of people is asked to do, week by week</a></li>
    <li><a href="${TIMELINE_CSV_PATH}">Download the timeline as a spreadsheet (CSV)</a></li>
    <li><a href="${TIMELINE_ICS_PATH}">Add the timeline to your calendar</a></li>
    ${audience ? html`<li><a href="${audienceCalendarPath(audience.slug)}">Add the things for ${audience.name.toLowerCase()} to your calendar</a></li>` : ""}
  </ul>`;
}
