import { html, type SafeHtml } from "../../../platform/html.ts";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function parts(iso: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** "2025-12-01" → "December 2025", the way route maps give their "last updated" date. */
export function monthYear(iso: string): string {
  const p = parts(iso);
  return p ? `${MONTHS[p.month - 1] ?? ""} ${p.year}`.trim() : iso;
}

/** "2025-12-01" → "1 December 2025". */
export function fullDate(iso: string): string {
  const p = parts(iso);
  return p ? `${p.day} ${MONTHS[p.month - 1] ?? ""} ${p.year}` : iso;
}

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
