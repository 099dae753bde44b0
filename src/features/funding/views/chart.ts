import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { escapeHtml, raw, type SafeHtml } from "../../../platform/html.ts";

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
  const document = parseHTML("<!DOCTYPE html><html><body></body></html>").document;
  const svg = Plot.plot({
    document: document as unknown as Document,
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
  for (const style of Array.from(svg.querySelectorAll("style"))) style.remove();
  for (const g of Array.from(svg.querySelectorAll("[aria-label]"))) g.removeAttribute("aria-label");
  for (const g of Array.from(svg.querySelectorAll("[font-variant]"))) g.removeAttribute("font-variant");
  svg.setAttribute("class", "wm-chart__svg");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-labelledby", `${text.id}-title ${text.id}-desc`);
  return raw(
    svg.outerHTML.replace(
      /^<svg([^>]*)>/,
      `<svg$1><title id="${escapeHtml(text.id)}-title">${escapeHtml(text.title)}</title><desc id="${escapeHtml(text.id)}-desc">${escapeHtml(text.description)}</desc>`,
    ),
  );
}
