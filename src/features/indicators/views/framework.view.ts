import { html, type SafeHtml } from "../../../platform/html.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { table } from "../../../platform/views/components/table.ts";
import { tag } from "../../../platform/views/components/tag.ts";
import { formatNumber } from "../../../platform/views/text.ts";
import type { FrameworkVision, IndicatorSummary } from "../indicator.types.ts";
import { periodLabel } from "../period.ts";
import { indicatorPath, statusTag } from "./format.ts";

// The progress framework overview: every vision statement, its outcomes, and each indicator's
// latest value and progress status.

function latestText(i: IndicatorSummary): string {
  const latest = i.status.latest;
  return latest ? `${formatNumber(latest.value)} ${i.unit} (${periodLabel(latest.period)})` : "No data yet";
}

function indicatorTable(caption: string, indicators: IndicatorSummary[]): SafeHtml {
  if (indicators.length === 0) return html`<p>There are no indicators for this outcome yet.</p>`;
  return table({
    caption,
    head: ["Indicator", "Type", "Latest", "Progress"],
    rows: indicators.map((i) => [
      html`<a href="${indicatorPath(i.slug)}">${i.title}</a>${i.published ? "" : html` ${tag("Not published", "grey")}`}`,
      `${i.kind === "core" ? "Core" : "Contextual"}, ${i.measure}`,
      latestText(i),
      statusTag(i.status),
    ]),
    smallscreen: "boxes",
  });
}

export function frameworkView(visions: FrameworkVision[]): SafeHtml {
  return html`${pageHeader({ label: "Progress framework", title: "How is Scotland doing?" })}
  <div class="ds_leader"><p>The Promise Progress Framework tracks whether Scotland is keeping the promise to care-experienced children, young people and families. It brings together numbers, what people tell us, and the story behind them.</p></div>
  <p>It is set out as vision statements. Each has outcomes, and each outcome has indicators: core indicators measure progress directly; contextual indicators help explain it. <a href="/indicators/council-areas">Compare a council area with Scotland</a>.</p>
  ${
    visions.length === 0
      ? html`<p>There is nothing in the progress framework yet.</p>`
      : visions.map(
          (v) => html`<section class="wm-vision" aria-labelledby="vision-${v.slug}">
  <h2 id="vision-${v.slug}">${v.title}</h2>
  ${v.summary ? html`<p>${v.summary}</p>` : ""}
  ${v.outcomes.map(
    (o) => html`<h3>${o.title}</h3>
  ${indicatorTable(`Indicators for: ${o.title}`, o.indicators)}`,
  )}
</section>`,
        )
  }`;
}
