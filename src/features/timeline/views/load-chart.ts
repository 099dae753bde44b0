import * as Plot from "@observablehq/plot";
import type { SafeHtml } from "../../../platform/html.ts";
import { chartDocument, finishChart } from "../../../platform/views/plot-chart.ts";

// The load as a picture: a grid of weeks (across) by audiences (down), each cell shaded by how
// many things that audience is asked in that week, with the number written in it. Drawn on the
// server as SVG with Observable Plot, as the indicators' charts are (their helpers belong to
// their views, so the few lines that tidy the SVG for our CSP and validator are repeated here).
// The marks are hidden from assistive technology: the table after it has the same numbers.

export interface LoadCell {
  week: string;
  audience: string;
  count: number;
}

export function loadChart(
  cells: readonly LoadCell[],
  weeks: readonly string[],
  audiences: readonly string[],
  text: { id: string; title: string; description: string },
): SafeHtml {
  const svg = Plot.plot({
    document: chartDocument(),
    width: 640,
    height: audiences.length * 28 + 70,
    marginLeft: 230,
    marginBottom: 50,
    x: { type: "band", domain: weeks, label: "Week starting", tickRotate: -45 },
    y: { type: "band", domain: audiences, label: null },
    color: { type: "linear", scheme: "blues", domain: [0, Math.max(3, ...cells.map((c) => c.count))] },
    marks: [
      Plot.cell(cells, { x: "week", y: "audience", fill: "count", inset: 0.5, ariaHidden: "true" }),
      Plot.text(cells, {
        x: "week",
        y: "audience",
        text: (c: LoadCell) => (c.count > 0 ? String(c.count) : ""),
        fill: (c: LoadCell) => (c.count >= 3 ? "white" : "black"),
        ariaHidden: "true",
      }),
    ],
  }) as unknown as Element;
  return finishChart(svg, text);
}
