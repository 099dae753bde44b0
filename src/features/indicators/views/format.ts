import type { ObservationFlag } from "../../../db/schema.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { type TagColour, tag } from "../../../platform/views/components/tag.ts";
import type { ProgressStatus, StatusResult } from "../progress-status.ts";
import { SUPPRESSED_MARK } from "../suppression.ts";

// Small formatting shared by the indicator pages.

export function formatNumber(value: number): string {
  return value.toLocaleString("en-GB", { maximumFractionDigits: 2 });
}

/** A value for a table cell: the number, or "[c]" when it is hidden to protect privacy. */
export function valueText(value: number | null): string {
  return value === null ? SUPPRESSED_MARK : formatNumber(value);
}

export const FLAG_LABELS: Record<ObservationFlag, string> = {
  provisional: "Provisional",
  revised: "Revised",
  estimated: "Estimated",
  suppressed: "Hidden to protect privacy",
};

export function flagText(flag: ObservationFlag | null): string {
  return flag ? FLAG_LABELS[flag] : "";
}

const STATUS_COLOURS: Record<ProgressStatus, TagColour> = {
  target_achieved: "green",
  substantial: "teal",
  moderate: "blue",
  limited: "yellow",
  deterioration: "red",
  not_enough_data: "grey",
};

export function statusTag(status: StatusResult): SafeHtml {
  return tag(status.label, STATUS_COLOURS[status.status]);
}

export function indicatorPath(slug: string): string {
  return `/indicators/${encodeURIComponent(slug)}`;
}

/** Text split into paragraphs at blank lines. */
export function paragraphs(text: string): SafeHtml {
  return html`${text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => html`<p>${p}</p>`)}`;
}

export const SUPPRESSION_NOTE =
  "[c] means the number is hidden to protect people's privacy: small numbers could identify a child or family.";
