import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { escapeHtml, raw, type SafeHtml } from "../../../platform/html.ts";

// Charts drawn on the server as SVG with Observable Plot, in a document linkedom provides. Each
// chart is an image with a <title> and a <desc> (what it shows, in words, with its range); its
// marks are hidden from assistive technology because the page puts the same numbers in a table
// straight after it. Plot's own <style> block is dropped (the CSP allows no inline style): the
// little it did is in app.css under .wm-chart.

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

function documentFor() {
  return parseHTML("<!DOCTYPE html><html><body></body></html>").document;
}

function finish(svg: Element, text: ChartText): SafeHtml {
  for (const style of Array.from(svg.querySelectorAll("style"))) style.remove();
  // Plot labels its groups with aria-label; inside an image they are noise (and invalid on <g>).
  for (const g of Array.from(svg.querySelectorAll("[aria-label]"))) g.removeAttribute("aria-label");
  // "tabular-nums" is CSS, not a valid SVG presentation value: app.css sets it on the chart.
  for (const g of Array.from(svg.querySelectorAll("[font-variant]"))) g.removeAttribute("font-variant");
  svg.removeAttribute("class");
  svg.setAttribute("class", "wm-chart__svg");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-labelledby", `${text.id}-title ${text.id}-desc`);
  const markup = svg.outerHTML.replace(
    /^<svg([^>]*)>/,
    `<svg$1><title id="${escapeHtml(text.id)}-title">${escapeHtml(text.title)}</title><desc id="${escapeHtml(text.id)}-desc">${escapeHtml(text.description)}</desc>`,
  );
  return raw(markup);
}

/** A line over time with a dot at each value. Points must be in time order; gaps are left out. */
export function lineChart(points: readonly ChartPoint[], text: ChartText): SafeHtml {
  const svg = Plot.plot({
    document: documentFor() as unknown as Document,
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
  return finish(svg, text);
}

/** Horizontal bars, one per row (council areas), largest first. */
export function barChart(points: readonly ChartPoint[], text: ChartText): SafeHtml {
  const svg = Plot.plot({
    document: documentFor() as unknown as Document,
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
  return finish(svg, text);
}
