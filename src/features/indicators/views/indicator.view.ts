import { fullDate } from "../../../platform/dates.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { details } from "../../../platform/views/components/details.ts";
import { insetText } from "../../../platform/views/components/inset-text.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { summaryList } from "../../../platform/views/components/summary-list.ts";
import { table } from "../../../platform/views/components/table.ts";
import { tag } from "../../../platform/views/components/tag.ts";
import { button, select } from "../../../platform/views/forms.ts";
import { formatNumber, paragraphsAtBlankLines as paragraphs } from "../../../platform/views/text.ts";
import { GEOGRAPHIES } from "../geography.ts";
import type { IndicatorMeta, ObservationView } from "../indicator.types.ts";
import type { IndicatorPage } from "../indicator-read.service.ts";
import { periodLabel } from "../period.ts";
import { STATUS_METHOD } from "../progress-status.ts";
import { barChart, type ChartPoint, lineChart } from "./chart.ts";
import { flagText, indicatorPath, SUPPRESSION_NOTE, statusTag, valueText } from "./format.ts";

// One indicator: its progress status and how it was worked out, a chart over time and a chart by
// council area (each followed by a table of exactly the charted numbers), filters that are plain
// GET forms, the metadata, the story behind the data, experiential evidence and linked actions.

const BETTER: Record<IndicatorMeta["better"], string> = {
  higher: "A higher number is better",
  lower: "A lower number is better",
  neither: "Neither: this number gives context",
};

/** The points a chart draws: values the reader may see, in order. Suppressed ones are left out. */
export function chartPoints(
  rows: readonly ObservationView[],
  label: (r: ObservationView) => string,
): ChartPoint[] {
  return rows.flatMap((r) => (r.value === null ? [] : [{ label: label(r), value: r.value }]));
}

function filters(p: IndicatorPage): SafeHtml {
  const hasBreakdowns = p.breakdowns.length > 1;
  return html`<form class="wm-filters" method="get" action="${indicatorPath(p.indicator.slug)}">
  <h2>Choose what to show</h2>
  ${select({
    id: "geography",
    name: "geography",
    label: "Area",
    value: p.geography.code,
    options: GEOGRAPHIES.map((g) => ({ value: g.code, text: g.name })),
  })}
  ${
    hasBreakdowns
      ? select({
          id: "breakdown",
          name: "breakdown",
          label: "Breakdown",
          value: p.breakdown.key,
          options: p.breakdowns.map((b) => ({ value: b.key, text: b.label })),
        })
      : ""
  }
  ${
    p.periods.length > 0
      ? select({
          id: "period",
          name: "period",
          label: "Period for the council area comparison",
          value: p.period ?? "",
          options: p.periods.map((period) => ({ value: period, text: periodLabel(period) })),
        })
      : ""
  }
  ${button({ text: "Show", variant: "secondary" })}
</form>`;
}

function seriesSection(p: IndicatorPage): SafeHtml {
  const what = `${p.indicator.title}, ${p.geography.name}${p.breakdown.key ? ` (${p.breakdown.key})` : ""}`;
  const points = chartPoints(p.series, (r) => periodLabel(r.period));
  const first = points[0];
  const last = points.at(-1);
  const description =
    first && last
      ? `A line chart of ${points.length} values from ${first.label} (${formatNumber(first.value)}) to ${last.label} (${formatNumber(last.value)}). The same numbers are in the table below.`
      : "There are no values to chart yet.";
  const csvHref = `${indicatorPath(p.indicator.slug)}/data.csv?geography=${encodeURIComponent(p.geography.code)}`;
  return html`<section aria-labelledby="over-time">
  <h2 id="over-time">Over time: ${p.geography.name}</h2>
  ${
    points.length > 1
      ? html`<figure class="wm-chart">${lineChart(points, {
          id: "chart-over-time",
          title: `${what}, over time`,
          description,
          xLabel: "Period",
          yLabel: p.indicator.unit,
        })}</figure>`
      : html`<p>${points.length === 1 ? "There is only one value so far, so there is no line to draw." : "There are no values for this area yet."}</p>`
  }
  ${
    p.series.length > 0
      ? table({
          caption: `${what}: the numbers`,
          head: ["Period", p.indicator.unit, "Note"],
          rows: p.series.map((r) => [periodLabel(r.period), valueText(r.value), flagText(r.flag)]),
          rowHeaders: true,
          className: "wm-data-table",
        })
      : ""
  }
  <p><a href="${csvHref}" download>Download the data for ${p.geography.name} (CSV)</a> or <a href="${indicatorPath(p.indicator.slug)}/data.csv" download>all the data (CSV)</a>.</p>
</section>`;
}

function areaSection(p: IndicatorPage): SafeHtml {
  if (!p.period || p.byArea.length === 0)
    return html`<section aria-labelledby="by-area"><h2 id="by-area">By council area</h2><p>There are no council area figures${p.period ? ` for ${periodLabel(p.period)}` : ""}.</p></section>`;
  const period = periodLabel(p.period);
  const points = chartPoints(p.byArea, (r) => r.geographyName);
  const ranked = [...points].sort((a, b) => b.value - a.value);
  const description = ranked.length
    ? `A bar chart of ${ranked.length} council areas in ${period}: highest ${ranked[0]!.label} (${formatNumber(ranked[0]!.value)}), lowest ${ranked.at(-1)!.label} (${formatNumber(ranked.at(-1)!.value)}). The same numbers are in the table below.`
    : "Every council area's value is hidden for this period.";
  return html`<section aria-labelledby="by-area">
  <h2 id="by-area">By council area, ${period}</h2>
  ${
    ranked.length > 0
      ? html`<figure class="wm-chart">${barChart(ranked, {
          id: "chart-by-area",
          title: `${p.indicator.title} by council area, ${period}${p.breakdown.key ? ` (${p.breakdown.key})` : ""}`,
          description,
          xLabel: "Council area",
          yLabel: p.indicator.unit,
        })}</figure>`
      : ""
  }
  ${table({
    caption: `${p.indicator.title} by council area, ${period}: the numbers`,
    head: ["Council area", p.indicator.unit, "Note"],
    rows: p.byArea.map((r) => [r.geographyName, valueText(r.value), flagText(r.flag)]),
    rowHeaders: true,
    className: "wm-data-table",
  })}
</section>`;
}

function aboutSection(m: IndicatorMeta): SafeHtml {
  const baseline = m.baselinePeriod
    ? `${m.baselineValue === null ? "" : `${formatNumber(m.baselineValue)} `}(${periodLabel(m.baselinePeriod)})`
    : "None set";
  const target =
    m.targetValue === null
      ? "None set"
      : `${formatNumber(m.targetValue)}${m.targetDate ? ` by ${fullDate(m.targetDate)}` : ""}`;
  return html`<section aria-labelledby="about-data">
  <h2 id="about-data">About this data</h2>
  ${summaryList([
    { key: "What it measures", value: m.definition || "Not described yet" },
    { key: "Unit", value: m.unit },
    { key: "Which way is better", value: BETTER[m.better] },
    {
      key: "Type",
      value: `${m.kind === "core" ? "Core" : "Contextual"} indicator; ${m.measure === "process" ? "process (what is being done)" : "outcome (what difference it makes)"}`,
    },
    {
      key: "Source",
      value: m.sourceUrl
        ? html`<a href="${m.sourceUrl}">${m.source || m.sourceUrl}</a>`
        : m.source || "Not given",
    },
    { key: "Published by", value: m.publisher || "Not given" },
    { key: "Last updated", value: m.lastUpdated ? fullDate(m.lastUpdated) : "Not given" },
    { key: "Next update expected", value: m.nextUpdate ?? "Not given" },
    { key: "Baseline", value: baseline },
    { key: "Target", value: target },
    {
      key: "Small numbers",
      value:
        m.suppressBelow === null
          ? "No small-number rule applies"
          : `Counts from 1 to ${m.suppressBelow - 1} are hidden to protect privacy`,
    },
  ])}
</section>`;
}

function evidenceSection(p: IndicatorPage): SafeHtml {
  if (p.evidence.length === 0) return html``;
  return html`<section aria-labelledby="evidence">
  <h2 id="evidence">What people told us</h2>
  <p>Quotes and findings shared with consent, with names and details removed.</p>
  ${p.evidence.map((e) =>
    e.kind === "quote"
      ? html`<figure class="wm-quote"><blockquote><p>${e.text}</p></blockquote>${
          e.attribution || e.source
            ? html`<figcaption>${[e.attribution, e.source].filter(Boolean).join(", ")}</figcaption>`
            : ""
        }</figure>`
      : insetText(
          html`<p><strong>Survey finding:</strong> ${e.text}</p>${e.source ? html`<p>${e.source}</p>` : ""}`,
        ),
  )}
</section>`;
}

function actionsSection(p: IndicatorPage): SafeHtml {
  return html`<section aria-labelledby="actions">
  <h2 id="actions">Route-map actions meant to move this</h2>
  ${
    p.actions.length === 0
      ? html`<p>No route-map actions are linked to this indicator yet.</p>`
      : table({
          caption: "Route-map actions linked to this indicator",
          head: ["Action", "Route map"],
          rows: p.actions.map((a) => [
            a.text,
            html`<a href="/themes/${encodeURIComponent(a.themeSlug)}/editions/${a.editionId}">${a.themeName} (${a.editionLabel})</a>`,
          ]),
        })
  }
</section>`;
}

export function indicatorView(p: IndicatorPage): SafeHtml {
  const m = p.indicator;
  return html`${pageHeader({
    label: `${m.kind === "core" ? "Core" : "Contextual"} indicator`,
    title: m.title,
    metadata: [
      { key: "Vision", value: m.vision.title },
      { key: "Outcome", value: m.outcome.title },
    ],
  })}
  ${m.published ? "" : html`<p>${tag("Not published", "grey")} Only people who may see unpublished indicators can see this page.</p>`}
  ${p.privateReader ? html`<p class="ds_hint-text">You can see numbers hidden from the public: take care when sharing them.</p>` : ""}
  <section aria-labelledby="progress" class="wm-status">
    <h2 id="progress">Progress: ${statusTag(p.status)}</h2>
    <p>${p.status.explanation}</p>
    ${details(
      "How we work out progress",
      STATUS_METHOD.map((line) => html`<p>${line}</p>`),
    )}
  </section>
  ${filters(p)}
  ${seriesSection(p)}
  ${areaSection(p)}
  <p class="ds_hint-text">${SUPPRESSION_NOTE}</p>
  <section aria-labelledby="story"><h2 id="story">The story behind the data</h2>${m.story ? paragraphs(m.story) : html`<p>The story behind this data has not been written yet.</p>`}</section>
  ${evidenceSection(p)}
  ${actionsSection(p)}
  ${aboutSection(m)}`;
}
