import type { BetterDirection } from "../../db/schema.ts";
import { comparePeriods, periodLabel } from "./period.ts";

// The automatic progress status of an indicator, from its baseline, its latest value and its
// target. Pure and written out in words (STATUS_METHOD), so the page can show exactly how it was
// worked out. Suppressed values are never used: a status must not give away a hidden number.

export type ProgressStatus =
  | "target_achieved"
  | "substantial"
  | "moderate"
  | "limited"
  | "deterioration"
  | "not_enough_data";

export const STATUS_LABELS: Record<ProgressStatus, string> = {
  target_achieved: "Target achieved",
  substantial: "Substantial progress",
  moderate: "Moderate progress",
  limited: "Limited progress",
  deterioration: "Getting worse",
  not_enough_data: "Not enough data",
};

/** Share of the way from baseline to target for "substantial" and "moderate" progress. */
export const TARGET_SHARES = { substantial: 2 / 3, moderate: 1 / 3 } as const;
/** Change from the baseline, as a share of it, when there is no target. */
export const NO_TARGET_CHANGES = { substantial: 0.1, moderate: 0.05 } as const;

/** The method, in plain words, shown beside every status. */
export const STATUS_METHOD: readonly string[] = [
  "We compare the latest value for Scotland with the baseline. Values that are hidden to protect people's privacy (suppressed) are never used.",
  "If there is a target: when the latest value has reached it, the target is achieved. Otherwise we work out how much of the way from the baseline to the target has been covered: two thirds or more is substantial progress, a third or more is moderate progress, less than a third is limited progress, and moving away from the target is getting worse.",
  "If there is no target: a change of 10% or more of the baseline in the better direction is substantial progress, 5% or more is moderate progress, less than 5% (including no change) is limited progress, and any change in the worse direction is getting worse.",
  "There is not enough data when there is no baseline, no value after the baseline, or no agreed better direction.",
];

export interface SeriesPoint {
  period: string;
  value: number | null;
  /** Hidden from the public (flagged by the source or under the small-number rule). */
  suppressed: boolean;
}

export interface StatusInput {
  better: BetterDirection;
  /** The indicator's baseline: its period, and its value when the indicator states one. */
  baseline: { period: string; value: number | null } | null;
  target: { value: number } | null;
  /** Scotland's headline series (no breakdown), in any order. */
  series: readonly SeriesPoint[];
}

export interface StatusResult {
  status: ProgressStatus;
  label: string;
  baseline: { period: string; value: number } | null;
  latest: { period: string; value: number } | null;
  /** How this status came about, with its numbers, in one or two sentences. */
  explanation: string;
}

function format(value: number): string {
  return value.toLocaleString("en-GB", { maximumFractionDigits: 2 });
}

function result(
  status: ProgressStatus,
  explanation: string,
  baseline: StatusResult["baseline"] = null,
  latest: StatusResult["latest"] = null,
): StatusResult {
  return { status, label: STATUS_LABELS[status], baseline, latest, explanation };
}

/** Works out the progress status; see STATUS_METHOD. */
export function progressStatus(input: StatusInput): StatusResult {
  if (!input.baseline) return result("not_enough_data", "There is no baseline to measure progress from.");
  const baselinePeriod = input.baseline.period;
  const visible = input.series.filter(
    (p): p is SeriesPoint & { value: number } =>
      !p.suppressed && p.value !== null && Number.isFinite(p.value),
  );
  const baselineValue =
    input.baseline.value ??
    visible.find((p) => comparePeriods(p.period, baselinePeriod) === 0)?.value ??
    null;
  if (baselineValue === null)
    return result(
      "not_enough_data",
      `There is no published value for the baseline period (${periodLabel(baselinePeriod)}).`,
    );
  const baseline = { period: baselinePeriod, value: baselineValue };
  const after = visible
    .filter((p) => comparePeriods(p.period, baselinePeriod) > 0)
    .sort((a, b) => comparePeriods(a.period, b.period));
  const last = after.at(-1);
  if (!last)
    return result(
      "not_enough_data",
      `There is no published value after the baseline (${periodLabel(baselinePeriod)}) yet.`,
      baseline,
    );
  const latest = { period: last.period, value: last.value };
  if (input.better === "neither")
    return result(
      "not_enough_data",
      "This indicator gives context: neither a higher nor a lower value is better, so it has no progress status.",
      baseline,
      latest,
    );

  const sign = input.better === "higher" ? 1 : -1;
  const improvement = (latest.value - baseline.value) * sign;
  const from = `from ${format(baseline.value)} (${periodLabel(baseline.period)}) to ${format(latest.value)} (${periodLabel(latest.period)})`;
  const better = input.better === "higher" ? "higher is better" : "lower is better";

  if (input.target) {
    const target = input.target.value;
    const reached = (latest.value - target) * sign >= 0;
    if (reached)
      return result(
        "target_achieved",
        `The value went ${from}, reaching the target of ${format(target)} (${better}).`,
        baseline,
        latest,
      );
    const needed = (target - baseline.value) * sign;
    if (improvement < 0 || needed <= 0)
      return result(
        "deterioration",
        `The value went ${from}, away from the target of ${format(target)} (${better}).`,
        baseline,
        latest,
      );
    const share = improvement / needed;
    const status =
      share >= TARGET_SHARES.substantial
        ? "substantial"
        : share >= TARGET_SHARES.moderate
          ? "moderate"
          : "limited";
    return result(
      status,
      `The value went ${from}: ${Math.round(share * 100)}% of the way to the target of ${format(target)} (${better}).`,
      baseline,
      latest,
    );
  }

  if (baseline.value === 0)
    return result(
      "not_enough_data",
      "The baseline is zero and there is no target, so a change cannot be measured as a share of it.",
      baseline,
      latest,
    );
  const change = improvement / Math.abs(baseline.value);
  const percent = `${format(Math.abs(change) * 100)}%`;
  if (change < 0)
    return result(
      "deterioration",
      `The value went ${from}, ${percent} in the worse direction (${better}; there is no target).`,
      baseline,
      latest,
    );
  const status =
    change >= NO_TARGET_CHANGES.substantial
      ? "substantial"
      : change >= NO_TARGET_CHANGES.moderate
        ? "moderate"
        : "limited";
  return result(
    status,
    `The value went ${from}, ${percent} in the better direction (${better}; there is no target).`,
    baseline,
    latest,
  );
}
