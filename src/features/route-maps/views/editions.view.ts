import { monthYear } from "../../../platform/dates.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { table } from "../../../platform/views/components/table.ts";
import { tag } from "../../../platform/views/components/tag.ts";
import { previousEdition } from "../edition-choice.ts";
import type { EditionSummary } from "../route-map.types.ts";
import { comparePath, editionName, editionPath, themePath } from "./route-map.view.ts";

const FORMATS: Record<EditionSummary["layout"], string> = {
  ambitions: "Ambitions for 2030",
  outcomes: "Outcomes",
};

/** Every edition of a route map the reader may see, newest first, each at its stable address. */
export function editionsView(theme: { slug: string; name: string }, editions: EditionSummary[]): SafeHtml {
  const latest = editions.find((e) => e.status === "published");
  const rows = editions.map((edition) => {
    const previous = previousEdition(edition, editions);
    return [
      html`<a href="${editionPath(theme.slug, edition.id)}">${editionName(edition)}</a>${
        edition.status === "draft" ? html` ${tag("Draft", "orange")}` : ""
      }${edition.id === latest?.id ? html` ${tag("Latest", "green")}` : ""}`,
      edition.lastUpdated ? monthYear(edition.lastUpdated) : "Not published yet",
      FORMATS[edition.layout],
      previous
        ? html`<a href="${comparePath(theme.slug, previous.id, edition.id)}">What changed since ${editionName(previous)}<span class="visually-hidden"> in ${editionName(edition)}</span></a>`
        : "First edition",
    ];
  });
  return html`${pageHeader({ label: "Route map", title: `Editions of the ${theme.name} route map` })}
  <p>Route maps are updated as work moves on. Each edition keeps its own address, so you can always go back to what a route map said at the time.</p>
  ${
    editions.length === 0
      ? html`<p>No edition of this route map has been published yet.</p>`
      : table({
          caption: `Editions of the ${theme.name} route map, newest first`,
          head: ["Edition", "Last updated", "Format", "Changes"],
          rows,
          smallscreen: "boxes",
        })
  }
  <p><a href="${themePath(theme.slug)}">Read the latest ${theme.name} route map</a></p>`;
}
