import { html, type SafeHtml } from "../../../platform/html.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { table } from "../../../platform/views/components/table.ts";
import { button, select } from "../../../platform/views/forms.ts";
import { GEOGRAPHIES, type Geography } from "../geography.ts";
import type { AreaComparison } from "../indicator-read.service.ts";
import { periodLabel } from "../period.ts";
import { indicatorPath, SUPPRESSION_NOTE, valueText } from "./format.ts";

// One council area beside Scotland, indicator by indicator, for the latest period the area has.

function chooser(area: Geography | null): SafeHtml {
  return html`<form class="wm-filters" method="get" action="/indicators/council-areas">
  ${select({
    id: "area",
    name: "area",
    label: "Council area",
    value: area?.code,
    placeholder: "Choose a council area",
    options: GEOGRAPHIES.filter((g) => g.type === "council_area").map((g) => ({
      value: g.code,
      text: g.name,
    })),
  })}
  ${button({ text: "Compare with Scotland", variant: "secondary" })}
</form>`;
}

export function areasView(area: Geography | null, rows: AreaComparison[]): SafeHtml {
  return html`${pageHeader({ label: "Progress framework", title: area ? `${area.name} compared with Scotland` : "Compare a council area with Scotland" })}
  <p>See how one council area compares with Scotland as a whole, for each indicator, in the latest period the area has figures for.</p>
  ${chooser(area)}
  ${
    area
      ? rows.length === 0
        ? html`<p>There are no indicators yet.</p>`
        : html`${table({
            caption: `${area.name} and Scotland, indicator by indicator`,
            head: ["Indicator", "Period", area.name, "Scotland"],
            rows: rows.map((r) => [
              html`<a href="${indicatorPath(r.indicator.slug)}?geography=${area.code}">${r.indicator.title}</a>`,
              r.period ? periodLabel(r.period) : "No figures",
              r.period ? `${valueText(r.area)} ${r.area === null ? "" : r.indicator.unit}`.trim() : "",
              r.period
                ? `${valueText(r.scotland)} ${r.scotland === null ? "" : r.indicator.unit}`.trim()
                : "",
            ]),
            rowHeaders: true,
            smallscreen: "boxes",
          })}
  <p class="ds_hint-text">${SUPPRESSION_NOTE}</p>`
      : ""
  }`;
}
