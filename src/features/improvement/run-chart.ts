// A run chart read by the Anhøj rules (Anhøj and Olesen, PLOS ONE 2014; Anhøj 2015): the two
// rules with evidence behind them, the longest run and the number of crossings, each against a
// limit that depends on how many points are not on the median. No trend rule: it adds false
// alarms and finds nothing the other two miss. Pure, so the arithmetic is tested by hand.

import { fullDate, monthYear } from "../../platform/dates.ts";

export interface RunPoint {
  /** "YYYY-MM-DD". */
  date: string;
  value: number;
}

export type Side = "above" | "below" | "on";

export interface RunChartPoint extends RunPoint {
  /** Which side of the baseline median the point falls. */
  side: Side;
  /** The centre line drawn at this point: the baseline median, or the re-based one after a shift. */
  centre: number;
  /** True for the points of the longest run when it is a shift. */
  inShift: boolean;
}

export interface Shift {
  side: "above" | "below";
  /** Useful points in the run (points on the median in it are not counted). */
  length: number;
  /** Index in `points` of the run's first and last point. */
  first: number;
  last: number;
}

export interface RunChart {
  points: RunChartPoint[];
  /** How many of the first points the median is taken from. */
  baselineCount: number;
  median: number | null;
  /** Points not on the median. */
  useful: number;
  longestRun: number;
  crossings: number;
  /** Anhøj's limits for this many useful points; null when there are too few to judge. */
  limits: { longestRun: number; crossings: number } | null;
  verdict: "too-few" | "random" | "signal";
  /** The longest run, when it is longer than its limit. */
  shift: Shift | null;
  crossingsTooFew: boolean;
  /** After a shift, the median of the shift's points, drawn from the shift's first point on. */
  rebased: { median: number; first: number; last: number } | null;
  /** The finding in plain words, for beside the chart. */
  words: string;
}

/** Fewer useful points than this and the rules have too little to go on. */
export const MIN_USEFUL_POINTS = 10;
export const DEFAULT_BASELINE = 12;

/** The middle value (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Anhøj's longest-run limit for n useful points: round(log2(n) + 3). */
export function longestRunLimit(n: number): number {
  return Math.round(Math.log2(n) + 3);
}

/**
 * Anhøj's lower limit for crossings with n useful points: the 5th percentile of
 * Binomial(n − 1, ½), the smallest c with P(X ≤ c) ≥ 0.05, computed exactly in whole numbers
 * (P(X ≤ c) = Σ C(n−1, k) / 2^(n−1), so the test is 20 · Σ ≥ 2^(n−1)).
 */
export function crossingsLowerLimit(n: number): number {
  const m = n - 1;
  if (m <= 0) return 0;
  const total = 1n << BigInt(m);
  let coefficient = 1n;
  let sum = 0n;
  for (let k = 0; k <= m; k++) {
    sum += coefficient;
    if (20n * sum >= total) return k;
    coefficient = (coefficient * BigInt(m - k)) / BigInt(k + 1);
  }
  return m;
}

function sideOf(value: number, centre: number): Side {
  if (value > centre) return "above";
  if (value < centre) return "below";
  return "on";
}

/** The longest run and the crossings of the points' sides (points on the median skipped). */
export function runsAndCrossings(sides: readonly Side[]): {
  useful: number;
  longest: { side: "above" | "below"; length: number; first: number; last: number } | null;
  crossings: number;
} {
  let useful = 0;
  let crossings = 0;
  let longest: { side: "above" | "below"; length: number; first: number; last: number } | null = null;
  let current: { side: "above" | "below"; length: number; first: number; last: number } | null = null;
  sides.forEach((side, index) => {
    if (side === "on") return;
    useful += 1;
    if (current && current.side === side) {
      current.length += 1;
      current.last = index;
    } else {
      if (current) crossings += 1;
      current = { side, length: 1, first: index, last: index };
    }
    // A later run as long as the longest so far does not replace it: the first is reported.
    if (!longest || current.length > longest.length) longest = { ...current };
  });
  return { useful, longest, crossings };
}

/**
 * Reads a series by the Anhøj rules: the median of the first `baseline` points (all if fewer),
 * the longest run and the crossings against their limits, and, after a shift, a median re-based
 * on the shift's points. `better` says which way is good, so the words can say so.
 */
export function readRunChart(
  series: readonly RunPoint[],
  options: { baseline?: number; better?: "up" | "down" } = {},
): RunChart {
  const points = [...series].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const baselineCount = Math.min(Math.max(options.baseline ?? DEFAULT_BASELINE, 1), points.length);
  const centre = median(points.slice(0, baselineCount).map((p) => p.value));
  if (centre === null) {
    return {
      points: [],
      baselineCount: 0,
      median: null,
      useful: 0,
      longestRun: 0,
      crossings: 0,
      limits: null,
      verdict: "too-few",
      shift: null,
      crossingsTooFew: false,
      rebased: null,
      words: "No data yet.",
    };
  }
  const sides = points.map((p) => sideOf(p.value, centre));
  const { useful, longest, crossings } = runsAndCrossings(sides);
  const longestRun = longest?.length ?? 0;
  const dated = dateWords(points);

  if (useful < MIN_USEFUL_POINTS) {
    return {
      points: points.map((p, i) => ({ ...p, side: sides[i] as Side, centre, inShift: false })),
      baselineCount,
      median: centre,
      useful,
      longestRun,
      crossings,
      limits: null,
      verdict: "too-few",
      shift: null,
      crossingsTooFew: false,
      rebased: null,
      words: `Too few points to judge: ${countOf(useful, "point")} not on the median, and the rules need at least ${MIN_USEFUL_POINTS}.`,
    };
  }

  const limits = { longestRun: longestRunLimit(useful), crossings: crossingsLowerLimit(useful) };
  const shift: Shift | null = longest && longest.length > limits.longestRun ? longest : null;
  const crossingsTooFew = crossings < limits.crossings;
  const rebasedMedian = shift ? median(points.slice(shift.first, shift.last + 1).map((p) => p.value)) : null;
  const rebased =
    shift && rebasedMedian !== null ? { median: rebasedMedian, first: shift.first, last: shift.last } : null;

  const sentences: string[] = [];
  if (shift) {
    const runOn = shift.last === points.length - 1;
    const start = dated(points[shift.first] as RunPoint);
    const when = runOn ? `since ${start}` : `from ${start} to ${dated(points[shift.last] as RunPoint)}`;
    const direction =
      options.better === undefined
        ? ""
        : (shift.side === "above") === (options.better === "up")
          ? ", on the better side"
          : ", on the worse side";
    sentences.push(`A shift: ${shift.length} points in a row ${shift.side} the median ${when}${direction}.`);
  }
  if (crossingsTooFew) {
    sentences.push(
      `Too few crossings: the line crosses the median ${countOf(crossings, "time")}, and with ${useful} points not on the median fewer than ${limits.crossings} is a signal.`,
    );
  }
  if (rebased) {
    sentences.push(
      `The median is worked out again from the shift's ${countOf(rebased.last - rebased.first + 1, "point")} (${dated(points[rebased.first] as RunPoint)} to ${dated(points[rebased.last] as RunPoint)}): ${formatNumber(rebased.median)}.`,
    );
  }
  if (!shift && !crossingsTooFew) {
    sentences.push(
      `No signal: the longest run is ${countOf(longestRun, "point")} (more than ${limits.longestRun} would be a shift) and the line crosses the median ${countOf(crossings, "time")} (fewer than ${limits.crossings} would be a signal). The changes look like chance.`,
    );
  }

  return {
    points: points.map((p, i) => ({
      ...p,
      side: sides[i] as Side,
      centre: rebased && i >= rebased.first ? rebased.median : centre,
      inShift: shift !== null && i >= shift.first && i <= shift.last && sides[i] !== "on",
    })),
    baselineCount,
    median: centre,
    useful,
    longestRun,
    crossings,
    limits,
    verdict: shift || crossingsTooFew ? "signal" : "random",
    shift,
    crossingsTooFew,
    rebased,
    words: sentences.join(" "),
  };
}

/** Monthly series read best as "March 2024"; any two points in one month need the day. */
function dateWords(points: readonly RunPoint[]): (p: RunPoint) => string {
  const months = new Set(points.map((p) => p.date.slice(0, 7)));
  return months.size === points.length ? (p) => monthYear(p.date) : (p) => fullDate(p.date);
}

function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** Up to two decimal places, without trailing zeros. */
export function formatNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}
