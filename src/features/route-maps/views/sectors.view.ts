import { monthYear } from "../../../platform/dates.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { table } from "../../../platform/views/components/table.ts";
import { count } from "../../../platform/views/text.ts";
import { actionDownloads } from "../../accountability/open-data.display.ts";
import type { SectorActions, SectorSummary } from "../route-map.service.ts";
import { actionList } from "./edition.view.ts";
import { themePath } from "./route-map.view.ts";

export function sectorPath(slug: string): string {
  return `/sectors/${encodeURIComponent(slug)}`;
}

/** Every sector, with how much it is named on. */
export function sectorsView(sectors: SectorSummary[]): SafeHtml {
  return html`${pageHeader({ title: "Who must act" })}
  <p>Each route map names the sectors that need to work on it. Choose a sector to see every action in every route map where it must act.</p>
  ${
    sectors.length === 0
      ? html`<p>No sectors have been added yet.</p>`
      : table({
          caption: "Sectors and the route maps that name them",
          head: ["Sector", "Route maps", "Actions"],
          rowHeaders: true,
          rows: sectors.map((s) => [
            html`<a href="${sectorPath(s.slug)}">${s.name}</a>`,
            String(s.routeMaps),
            String(s.actions),
          ]),
        })
  }`;
}

/** Every action in every route map where one sector must act, grouped by route map. */
export function sectorView(data: SectorActions): SafeHtml {
  const { sector, routeMaps } = data;
  const actions = routeMaps.reduce((n, r) => n + r.edition.actions.length, 0);
  return html`${pageHeader({ label: "Who must act", title: sector.name })}
  ${
    routeMaps.length === 0
      ? html`<p>No published route map names ${sector.name} among who needs to work on it yet.</p>`
      : html`<p>${count(routeMaps.length, "route map")} ${routeMaps.length === 1 ? "names" : "name"} ${sector.name} among who needs to work on it: ${count(actions, "action")} in all.</p>
  ${actionDownloads({ kind: "sector", sectorSlug: sector.slug }, `every action in the route maps naming ${sector.name}`)}
  ${routeMaps.map(({ edition }) => {
    const id = `route-map-${edition.theme.slug}`;
    return html`<section class="wm-sector-route-map" aria-labelledby="${id}">
    <h2 id="${id}"><a href="${themePath(edition.theme.slug)}">${edition.theme.name}</a></h2>
    <p class="wm-theme-facts">${edition.theme.foundationName} foundation${edition.lastUpdated ? `. Last updated ${monthYear(edition.lastUpdated)}` : ""}.</p>
    ${
      edition.actions.length === 0
        ? html`<p>This route map has no actions yet.</p>`
        : actionList(edition.actions)
    }
  </section>`;
  })}`
  }`;
}
