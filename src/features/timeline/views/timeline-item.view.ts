import { html, type SafeHtml } from "../../../platform/html.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { summaryList } from "../../../platform/views/components/summary-list.ts";
import { paragraphs } from "../../../platform/views/text.ts";
import { organisationPath } from "../../accountability/accountability.paths.ts";
import { groupPath } from "../../governance/governance.paths.ts";
import { audienceCalendarPath, TIMELINE_PATH, themePagePath } from "../timeline.paths.ts";
import type { TimelineItem } from "../timeline.types.ts";
import type { ClashNotice } from "../timeline-clash.ts";
import { clashWarning, kindText, statusTag, whenCell } from "./timeline-parts.ts";

// One thing on the timeline: what it is, when, who it asks, and what it is part of.

/** Inline, separated by commas: a summary list's value is phrasing content, so it holds no list. */
function list(items: SafeHtml[]): SafeHtml | string {
  if (items.length === 0) return "None";
  return html`${items.map((item, i) => html`${i > 0 ? "; " : ""}${item}`)}`;
}

export function timelineItemView(item: TimelineItem, clashes: ClashNotice[]): SafeHtml {
  return html`${pageHeader({ label: kindText(item), title: item.title })}
  ${item.published ? "" : html`<p><strong>This is a draft. Only the programme team can see it.</strong></p>`}
  ${clashWarning(clashes, { intro: "This asks some people to take part at the same time as other things." })}
  ${item.summary ? paragraphs(item.summary) : ""}
  ${summaryList([
    { key: "When", value: whenCell(item) },
    { key: "Status", value: statusTag(item) },
    {
      key: "Who is doing it",
      value: html`<a href="${organisationPath(item.organisation.slug)}">${item.organisation.name}</a>`,
    },
    {
      key: "Who it asks or is for",
      value: list(
        item.audiences.map((a) => html`${a.name} (<a href="${audienceCalendarPath(a.slug)}">calendar</a>)`),
      ),
    },
    {
      key: "Route maps",
      value: list(item.themes.map((t) => html`<a href="${themePagePath(t.slug)}">${t.name}</a>`)),
    },
    {
      key: "Groups",
      value: list(item.groups.map((g) => html`<a href="${groupPath(g.slug)}">${g.name}</a>`)),
    },
    {
      key: "More information",
      value: item.link ? html`<a href="${item.link}" rel="noopener">${item.link}</a>` : "None",
    },
  ])}
  ${item.approximate ? html`<p>The date is approximate: we only know roughly when this will happen. We will change it when we know more.</p>` : ""}
  <p><a href="${TIMELINE_PATH}">Back to what is coming up</a></p>`;
}
