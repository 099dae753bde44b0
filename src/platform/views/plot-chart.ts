import { parseHTML } from "linkedom";
import { escapeHtml, raw, type SafeHtml } from "../html.ts";

// Charts drawn on the server as SVG with Observable Plot, in a document linkedom provides. Each
// chart is an image with a <title> and a <desc> (what it shows, in words); its marks are hidden
// from assistive technology (`ariaHidden` on every mark) because the page puts the same numbers
// in a table beside it. Plot's own <style> block is dropped (the CSP allows no inline style): the
// little it did is in app.css under .wm-chart.

/** What a chart says in words: its ids (unique on the page), title and description. */
export interface ChartWords {
  id: string;
  title: string;
  description: string;
}

/** A document for Plot to draw in (its `document` option). */
export function chartDocument(): Document {
  return parseHTML("<!DOCTYPE html><html><body></body></html>").document as unknown as Document;
}

/** Plot's SVG as an accessible image: titled, described, its groups' labels and styles dropped. */
export function finishChart(svg: Element, words: ChartWords): SafeHtml {
  for (const style of Array.from(svg.querySelectorAll("style"))) style.remove();
  // Plot labels its groups with aria-label; inside an image they are noise (and invalid on <g>).
  for (const g of Array.from(svg.querySelectorAll("[aria-label]"))) g.removeAttribute("aria-label");
  // "tabular-nums" is CSS, not a valid SVG presentation value: app.css sets it on the chart.
  for (const g of Array.from(svg.querySelectorAll("[font-variant]"))) g.removeAttribute("font-variant");
  svg.setAttribute("class", "wm-chart__svg");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-labelledby", `${words.id}-title ${words.id}-desc`);
  return raw(
    svg.outerHTML.replace(
      /^<svg([^>]*)>/,
      `<svg$1><title id="${escapeHtml(words.id)}-title">${escapeHtml(words.title)}</title><desc id="${escapeHtml(words.id)}-desc">${escapeHtml(words.description)}</desc>`,
    ),
  );
}
