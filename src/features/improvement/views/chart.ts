import * as Plot from "@observablehq/plot";
import type { SafeHtml } from "../../../platform/html.ts";
import { chartDocument, finishChart } from "../../../platform/views/plot-chart.ts";
import type { RunChart } from "../run-chart.ts";

// A run chart drawn on the server as SVG with Observable Plot (on linkedom), as indicators draw
// theirs: an image with a <title> and a <desc> saying what it shows, its marks hidden from
// assistive technology because the page puts the same numbers in a table after it. The values
// are a line with dots; the median a dashed line (a new segment from a re-based median on); the
// points of a shift larger diamonds. Plot's <style> is dropped (the CSP allows no inline style).

export interface RunChartText {
  id: string;
  title: string;
  description: string;
  yLabel: string;
}

const SHIFT_COLOUR = "#d32205";
const MEDIAN_COLOUR = "#5e5e5e";

export function runChartSvg(chart: RunChart, text: RunChartText): SafeHtml {
  const rebasedFrom = chart.rebased?.first ?? Number.POSITIVE_INFINITY;
  const data = chart.points.map((p, i) => ({
    when: new Date(`${p.date}T00:00:00Z`),
    value: p.value,
    centre: p.centre,
    segment: i >= rebasedFrom ? 1 : 0,
    inShift: p.inShift,
  }));
  const svg = Plot.plot({
    document: chartDocument(),
    width: 640,
    height: 320,
    marginLeft: 60,
    x: { type: "utc", label: "Date" },
    y: { grid: true, label: text.yLabel, nice: true },
    marks: [
      Plot.lineY(data, {
        x: "when",
        y: "centre",
        z: "segment",
        stroke: MEDIAN_COLOUR,
        strokeDasharray: "6,4",
        strokeWidth: 2,
        ariaHidden: "true",
      }),
      Plot.lineY(data, { x: "when", y: "value", strokeWidth: 2, ariaHidden: "true" }),
      Plot.dot(
        data.filter((d) => !d.inShift),
        { x: "when", y: "value", fill: "currentColor", r: 3, ariaHidden: "true" },
      ),
      Plot.dot(
        data.filter((d) => d.inShift),
        { x: "when", y: "value", fill: SHIFT_COLOUR, symbol: "diamond", r: 6, ariaHidden: "true" },
      ),
    ],
  }) as unknown as Element;
  return finishChart(svg, text);
}
