import * as Plot from "@observablehq/plot";
import type { SafeHtml } from "../../../platform/html.ts";
import { chartDocument, finishChart } from "../../../platform/views/plot-chart.ts";

// A fund's years as bars, drawn on the server as SVG with Observable Plot (as the indicators'
// charts are: an image with a title and description, marks hidden from assistive technology, the
// same numbers in a table beside it, Plot's inline style dropped for the CSP). Heights are pounds
// in millions: a chart is display, so this is the one place amounts become fractional numbers.

export interface YearBar {
  label: string;
  /** "Planned" or "Spent". */
  series: string;
  millions: number;
}

export function yearsChart(
  bars: readonly YearBar[],
  text: { id: string; title: string; description: string },
): SafeHtml {
  const svg = Plot.plot({
    document: chartDocument(),
    width: 640,
    height: 320,
    marginLeft: 60,
    // Planned and spent side by side in each year: the year is the facet, the series the bar.
    fx: { label: "Financial year", domain: [...new Set(bars.map((b) => b.label))] },
    x: { label: null, domain: ["Planned", "Spent"] },
    y: { grid: true, label: "£ million" },
    color: { domain: ["Planned", "Spent"], range: ["#0065bd", "#5e5e5e"] },
    marks: [
      Plot.barY(bars, { fx: "label", x: "series", y: "millions", fill: "series", ariaHidden: "true" }),
      Plot.ruleY([0], { ariaHidden: "true" }),
    ],
  }) as unknown as Element;
  return finishChart(svg, text);
}
