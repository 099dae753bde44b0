import { html, type SafeHtml } from "../html.ts";

// Text as pages show it: stored text broken into paragraphs, counts in words, numbers the British
// way. Every feature's views use these; none keeps its own copy.

/** "1 action", "2 actions", "no actions". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  if (n === 0) return `no ${plural}`;
  return `${n} ${n === 1 ? singular : plural}`;
}

/** Text stored with line breaks becomes paragraphs, one per non-empty line. */
export function paragraphs(text: string): SafeHtml {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  return html`${lines.map((line) => html`<p>${line}</p>`)}`;
}

/** Text split into paragraphs at blank lines (a single line break stays inside a paragraph). */
export function paragraphsAtBlankLines(text: string): SafeHtml {
  return html`${text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => html`<p>${p}</p>`)}`;
}

/** 1234.567 → "1,234.57". */
export function formatNumber(value: number): string {
  return value.toLocaleString("en-GB", { maximumFractionDigits: 2 });
}
