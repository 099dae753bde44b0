import type { ObservationFlag } from "../../db/schema.ts";

// The small-number rule. An indicator may set a threshold (say 5): counts from 1 up to the
// threshold minus one could identify a child, so the public never sees them, in pages, CSV or the
// API. A zero identifies nobody and is shown. Values the source itself withheld (flag
// "suppressed") are hidden from everyone but people who may read private indicator data.

export interface RawValue {
  value: number | null;
  flag: ObservationFlag | null;
}

/** Is this value hidden from the public? */
export function isSuppressed(observation: RawValue, suppressBelow: number | null): boolean {
  if (observation.flag === "suppressed" || observation.value === null) return true;
  if (suppressBelow === null) return false;
  return observation.value > 0 && observation.value < suppressBelow;
}

/** The value as the public may see it: null when suppressed. */
export function publicValue(observation: RawValue, suppressBelow: number | null): number | null {
  return isSuppressed(observation, suppressBelow) ? null : observation.value;
}

/** The sign shown in place of a suppressed value, as official statistics write it. */
export const SUPPRESSED_MARK = "[c]";
