import type { Confidence, EvidenceKind, ProgressStatus } from "../../db/schema.ts";
import type { TagColour } from "../../platform/views/components/tag.ts";

export type { Confidence, EvidenceKind, ProgressStatus };

// The small vocabulary of progress, decided once. Each status has a default percentage, which
// the reporter may change: "in progress" is a quarter of the way because work has begun but little
// is done; "on track" is half way because it is progressing as planned; "at risk" keeps on track's
// half (the work is there, the risk is to finishing it); "delayed" falls back to a quarter.
// "Superseded" has no percentage: a superseded action leaves the roll-up altogether.

export interface StatusInfo {
  code: ProgressStatus;
  label: string;
  /** Plain words for the form: what choosing it says. */
  hint: string;
  /** Null: leaves the roll-up (superseded). */
  percent: number | null;
  colour: TagColour;
}

export const STATUSES: readonly StatusInfo[] = [
  { code: "not_started", label: "Not started", hint: "Work has not begun yet.", percent: 0, colour: "grey" },
  { code: "in_progress", label: "In progress", hint: "Work has begun.", percent: 25, colour: "blue" },
  { code: "on_track", label: "On track", hint: "Going as planned.", percent: 50, colour: "green" },
  {
    code: "at_risk",
    label: "At risk",
    hint: "Going, but it may not finish on time.",
    percent: 50,
    colour: "orange",
  },
  { code: "delayed", label: "Delayed", hint: "It will not finish on time.", percent: 25, colour: "red" },
  { code: "complete", label: "Complete", hint: "Done.", percent: 100, colour: "teal" },
  {
    code: "superseded",
    label: "Superseded",
    hint: "Replaced by other work: it no longer counts.",
    percent: null,
    colour: "purple",
  },
];

export function statusInfo(code: ProgressStatus): StatusInfo {
  return STATUSES.find((s) => s.code === code)!;
}

export function isStatus(value: string): value is ProgressStatus {
  return STATUSES.some((s) => s.code === value);
}

export const CONFIDENCE_LEVELS: ReadonlyArray<{ code: Confidence; label: string; hint: string }> = [
  { code: "self_assessed", label: "Self-assessed", hint: "Our own view of how it is going." },
  { code: "evidenced", label: "Evidenced", hint: "We can point to evidence that shows it." },
  { code: "verified", label: "Verified", hint: "Someone independent has checked it." },
];

export function confidenceLabel(code: Confidence): string {
  return CONFIDENCE_LEVELS.find((c) => c.code === code)?.label ?? code;
}

export const EVIDENCE_KINDS: Record<EvidenceKind, string> = {
  link: "Web link",
  indicator: "Indicator",
  voice: "What people told us",
  document: "Document",
};
