import { html, type SafeHtml } from "../../../platform/html.ts";

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
