import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { escapeHtml, raw, type SafeHtml } from "../../../platform/html.ts";

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
  const document = parseHTML("<!DOCTYPE html><html><body></body></html>").document;
  const svg = Plot.plot({
    document: document as unknown as Document,
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
  for (const style of Array.from(svg.querySelectorAll("style"))) style.remove();
  for (const g of Array.from(svg.querySelectorAll("[aria-label]"))) g.removeAttribute("aria-label");
  for (const g of Array.from(svg.querySelectorAll("[font-variant]"))) g.removeAttribute("font-variant");
  svg.removeAttribute("class");
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
