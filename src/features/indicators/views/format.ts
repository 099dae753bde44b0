import type { ObservationFlag } from "../../../db/schema.ts";
import type { SafeHtml } from "../../../platform/html.ts";
import { type TagColour, tag } from "../../../platform/views/components/tag.ts";
import { formatNumber } from "../../../platform/views/text.ts";
import type { ProgressStatus, StatusResult } from "../progress-status.ts";
import { SUPPRESSED_MARK } from "../suppression.ts";

// Small formatting shared by the indicator pages (the generic parts are platform/views/text.ts).

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

export const SUPPRESSION_NOTE =
  "[c] means the number is hidden to protect people's privacy: small numbers could identify a child or family.";
