import * as Plot from "@observablehq/plot";
import type { SafeHtml } from "../../../platform/html.ts";
import { chartDocument, finishChart } from "../../../platform/views/plot-chart.ts";

// The progress framework's charts, finished as accessible images by platform/views/plot-chart.ts;
// each description says what the chart shows, with its range.

export interface ChartPoint {
  label: string;
  value: number;
}

export interface ChartText {
  /** Used for the ids of the title and description: unique on the page. */
  id: string;
  title: string;
  description: string;
  xLabel: string;
  yLabel: string;
}

/** A line over time with a dot at each value. Points must be in time order; gaps are left out. */
export function lineChart(points: readonly ChartPoint[], text: ChartText): SafeHtml {
  const svg = Plot.plot({
    document: chartDocument(),
    width: 640,
    height: 320,
    marginLeft: 60,
    x: { type: "point", label: text.xLabel, domain: points.map((p) => p.label) },
    y: { grid: true, label: text.yLabel, zero: false, nice: true },
    marks: [
      Plot.lineY(points, { x: "label", y: "value", ariaHidden: "true", strokeWidth: 2 }),
      Plot.dot(points, { x: "label", y: "value", ariaHidden: "true", fill: "currentColor" }),
    ],
  }) as unknown as Element;
  return finishChart(svg, text);
}

/** Horizontal bars, one per row (council areas), largest first. */
export function barChart(points: readonly ChartPoint[], text: ChartText): SafeHtml {
  const svg = Plot.plot({
    document: chartDocument(),
    width: 640,
    height: Math.max(120, points.length * 18 + 50),
    marginLeft: 150,
    x: { grid: true, label: text.yLabel },
    y: { label: null, domain: points.map((p) => p.label) },
    marks: [
      Plot.barX(points, { x: "value", y: "label", ariaHidden: "true", fill: "#0065bd" }),
      Plot.ruleX([0], { ariaHidden: "true" }),
    ],
  }) as unknown as Element;
  return finishChart(svg, text);
}
