import { monthYear } from "../../../platform/dates.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { contentsNav } from "../../../platform/views/components/contents-nav.ts";
import type { MetadataItem } from "../../../platform/views/components/metadata.ts";
import { notificationBanner } from "../../../platform/views/components/notification-banner.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { previousEdition } from "../edition-choice.ts";
import type { Edition, EditionSummary } from "../route-map.types.ts";
import { editionBody, editionSections } from "./edition.view.ts";

export function themePath(slug: string): string {
  return `/themes/${encodeURIComponent(slug)}`;
}

export function editionPath(slug: string, id: number): string {
  return `${themePath(slug)}/editions/${id}`;
}

export function comparePath(slug: string, fromId?: number, toId?: number): string {
  const base = `${themePath(slug)}/compare`;
  return fromId !== undefined && toId !== undefined ? `${base}?from=${fromId}&to=${toId}` : base;
}

/** How an edition is named in links and headings: its label, or its date when it has no label. */
export function editionName(edition: EditionSummary): string {
  if (edition.label.trim()) return edition.label.trim();
  return edition.lastUpdated ? `${monthYear(edition.lastUpdated)} edition` : "Draft edition";
}

export interface RouteMapPageModel {
  edition: Edition;
  /** The editions the reader may see, newest first. */
  editions: EditionSummary[];
  /** True on the route map's own page (/themes/:slug), false at an edition's stable address. */
  isThemePage: boolean;
  /** How the route map is going (accountability's roll-up), on its own page. */
  progress?: SafeHtml;
}

function banner(model: RouteMapPageModel): SafeHtml {
  const { edition, editions } = model;
  const theme = edition.theme;
  if (edition.status === "draft") {
    return notificationBanner(
      html`<p>This is a draft. Only people signed in to Waymark can see it. <a href="${themePath(theme.slug)}">Read the published route map</a>.</p>`,
      { title: "Draft" },
    );
  }
  const latest = editions.find((e) => e.status === "published");
  if (model.isThemePage || !latest || latest.id === edition.id) return html``;
  return notificationBanner(
    html`<p>This is an earlier edition of the ${theme.name} route map${edition.lastUpdated ? `, last updated in ${monthYear(edition.lastUpdated)}` : ""}. <a href="${themePath(theme.slug)}">Read the latest edition${latest.lastUpdated ? ` (${monthYear(latest.lastUpdated)})` : ""}</a>.</p>`,
    { title: "Earlier edition" },
  );
}

function aboutLinks(model: RouteMapPageModel): SafeHtml {
  const { edition, editions } = model;
  const slug = edition.theme.slug;
  const previous = previousEdition(edition, editions);
  const published = editions.filter((e) => e.status === "published").length;
  return html`<aside class="wm-about" aria-labelledby="about-route-map">
  <h2 id="about-route-map" class="ds_h3">About this route map</h2>
  <ul class="ds_no-bullets">
    <li><a href="${themePath(slug)}/editions">All editions of this route map</a> (${published} published)</li>
    ${
      previous
        ? html`<li><a href="${comparePath(slug, previous.id, edition.id)}">Compare with the previous edition (${editionName(previous)})</a></li>`
        : html`<li>This is the first published edition, so there is nothing earlier to compare it with.</li>`
    }
    <li><a href="/foundations/${encodeURIComponent(edition.theme.foundationSlug)}">More route maps in ${edition.theme.foundationName}</a></li>
    <li><a href="/reports">Reports on how the actions are going</a>, kept as they were made</li>
  </ul>
</aside>`;
}

/** A route-map page: the latest edition at /themes/:slug, or any edition at its stable address. */
export function routeMapView(model: RouteMapPageModel): SafeHtml {
  const { edition } = model;
  const meta: MetadataItem[] = [
    {
      key: "Last updated",
      value: edition.lastUpdated ? monthYear(edition.lastUpdated) : "Not published yet",
    },
    ...(editionName(edition) === (edition.lastUpdated ? monthYear(edition.lastUpdated) : "")
      ? []
      : [{ key: "Edition", value: editionName(edition) }]),
    {
      key: "Foundation",
      value: html`<a href="/foundations/${encodeURIComponent(edition.theme.foundationSlug)}">${edition.theme.foundationName}</a>`,
    },
  ];
  return html`<div class="ds_layout  wm-route-map">
  <div class="ds_layout__header">
    ${pageHeader({ label: "Route map", title: edition.theme.name, metadata: meta })}
    ${banner(model)}
  </div>
  <div class="ds_layout__navigation">
    ${contentsNav({
      title: "Contents",
      label: "Sections of this route map",
      links: editionSections(edition).map((s) => ({ href: `#${s.id}`, text: s.title })),
    })}
  </div>
  <div class="ds_layout__content">
    ${editionBody(edition)}
    ${model.progress ?? ""}
  </div>
  <div class="ds_layout__sidebar">
    ${aboutLinks(model)}
  </div>
</div>`;
}

/** A route map that exists but has no published edition yet. */
export function unpublishedRouteMapView(theme: {
  name: string;
  foundationSlug: string;
  foundationName: string;
}): SafeHtml {
  return html`${pageHeader({ label: "Route map", title: theme.name })}
  <p>The ${theme.name} route map has not been published yet. When it is, it will appear here.</p>
  <p><a href="/foundations/${encodeURIComponent(theme.foundationSlug)}">See the other route maps in ${theme.foundationName}</a></p>`;
}
