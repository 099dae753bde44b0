import { describe, expect, it } from "vitest";
import {
  crossingsLowerLimit,
  longestRunLimit,
  median,
  type RunPoint,
  readRunChart,
  runsAndCrossings,
} from "./run-chart.ts";

/** Monthly points from March 2023 on. */
function monthly(values: number[], from = { year: 2023, month: 3 }): RunPoint[] {
  return values.map((value, i) => {
    const m = from.month - 1 + i;
    const year = from.year + Math.floor(m / 12);
    const month = (m % 12) + 1;
    return { date: `${year}-${String(month).padStart(2, "0")}-01`, value };
  });
}

describe("Anhøj's limits", () => {
  // Anhøj (2015), Table 1, and Anhøj and Wentzel-Larsen (2020): n → longest run limit, fewest crossings.
  const published: [number, number, number][] = [
    [10, 6, 2],
    [11, 6, 2],
    [12, 7, 3],
    [13, 7, 3],
    [16, 7, 4],
    [20, 7, 6],
    [22, 7, 7],
    [23, 8, 7],
    [24, 8, 8],
    [30, 8, 10],
    [40, 8, 14],
    [50, 9, 19],
    [100, 10, 41],
  ];
  it.each(published)(
    "for %i useful points the longest run may be %i and crossings at least %i",
    (n, run, cross) => {
      expect(longestRunLimit(n)).toBe(run);
      expect(crossingsLowerLimit(n)).toBe(cross);
    },
  );

  it("takes the crossings limit from the binomial distribution worked out by hand", () => {
    // n = 10: Binomial(9, ½). P(X ≤ 1) = (1 + 9)/512 ≈ 0.020 < 0.05; P(X ≤ 2) = (1 + 9 + 36)/512 ≈ 0.090.
    expect(crossingsLowerLimit(10)).toBe(2);
    // n = 12: Binomial(11, ½). P(X ≤ 2) = 67/2048 ≈ 0.033; P(X ≤ 3) = 232/2048 ≈ 0.113.
    expect(crossingsLowerLimit(12)).toBe(3);
  });
});

describe("the median, runs and crossings", () => {
  it("takes the middle value, or the mean of the two middle values", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it("lets points on the median neither break nor make a run", () => {
    // above, above, on, above, below, on, on, below, above: runs 3 above, 2 below, 1 above.
    const result = runsAndCrossings(["above", "above", "on", "above", "below", "on", "on", "below", "above"]);
    expect(result).toEqual({
      useful: 6,
      longest: { side: "above", length: 3, first: 0, last: 3 },
      crossings: 2,
    });
  });
});

describe("reading a run chart", () => {
  it("says there are too few points to judge when fewer than 10 are off the median (5 is on it)", () => {
    const chart = readRunChart(monthly([5, 6, 4, 7, 3, 8, 2, 9, 1]));
    expect(chart.verdict).toBe("too-few");
    expect(chart.limits).toBeNull();
    expect(chart.words).toBe(
      "Too few points to judge: 8 points not on the median, and the rules need at least 10.",
    );
  });

  it("counts only points off the median towards the ten needed", () => {
    // 12 points, median 5 (the baseline's middle two are both 5): the three 5s are on it, so 9 are useful.
    const chart = readRunChart(monthly([5, 6, 4, 5, 7, 3, 5, 8, 2, 9, 1, 6]));
    expect(chart.median).toBe(5);
    expect(chart.useful).toBe(9);
    expect(chart.verdict).toBe("too-few");
  });

  it("finds a clear shift, says when it began, and re-bases the median on the shift's points", () => {
    // A baseline of 12 alternating around 10 (median 10), then 8 months at 13 to 15.
    const values = [11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 14, 13, 15, 14, 14, 15, 13, 14];
    const chart = readRunChart(monthly(values), { better: "up" });
    expect(chart.median).toBe(10);
    expect(chart.useful).toBe(20);
    expect(chart.limits).toEqual({ longestRun: 7, crossings: 6 });
    expect(chart.longestRun).toBe(8);
    expect(chart.crossings).toBe(12);
    expect(chart.shift).toEqual({ side: "above", length: 8, first: 12, last: 19 });
    // The shift's points sorted: 13, 13, 14, 14, 14, 14, 15, 15 → median 14.
    expect(chart.rebased).toEqual({ median: 14, first: 12, last: 19 });
    expect(chart.points[11]?.centre).toBe(10);
    expect(chart.points[12]?.centre).toBe(14);
    expect(chart.points.filter((p) => p.inShift)).toHaveLength(8);
    expect(chart.verdict).toBe("signal");
    expect(chart.words).toBe(
      "A shift: 8 points in a row above the median since March 2024, on the better side. " +
        "The median is worked out again from the shift's 8 points (March 2024 to October 2024): 14.",
    );
  });

  it("calls a run as long as its limit no shift", () => {
    // As above with 7 high months: 19 useful points, limit 7, a run of 7 is allowed.
    const values = [11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 14, 13, 15, 14, 14, 15, 13];
    const chart = readRunChart(monthly(values));
    expect(chart.longestRun).toBe(7);
    expect(chart.limits).toEqual({ longestRun: 7, crossings: 6 });
    expect(chart.shift).toBeNull();
    expect(chart.verdict).toBe("random");
  });

  it("finds too few crossings when no run is long enough to be a shift", () => {
    // 6 low, 6 high, 4 low, 4 high: the baseline median is (5 + 16) / 2 = 10.5.
    const values = [1, 2, 3, 4, 5, 5, 16, 17, 18, 19, 20, 20, 3, 2, 4, 1, 18, 19, 17, 16];
    const chart = readRunChart(monthly(values));
    expect(chart.median).toBe(10.5);
    expect(chart.useful).toBe(20);
    expect(chart.longestRun).toBe(6);
    expect(chart.crossings).toBe(3);
    expect(chart.shift).toBeNull();
    expect(chart.crossingsTooFew).toBe(true);
    expect(chart.verdict).toBe("signal");
    expect(chart.words).toBe(
      "Too few crossings: the line crosses the median 3 times, and with 20 points not on the median fewer than 6 is a signal.",
    );
  });

  it("sees only chance in a series that keeps crossing its median", () => {
    const chart = readRunChart(monthly([11, 9, 12, 8, 11, 9, 12, 8, 11, 9, 12, 8]));
    expect(chart.verdict).toBe("random");
    expect(chart.crossings).toBe(11);
    expect(chart.words).toBe(
      "No signal: the longest run is 1 point (more than 7 would be a shift) and the line crosses the median 11 times (fewer than 3 would be a signal). The changes look like chance.",
    );
  });

  it("takes the median from the baseline only, and all points when there are fewer", () => {
    const values = [1, 2, 3, 4, 100, 100];
    expect(readRunChart(monthly(values), { baseline: 4 }).median).toBe(2.5);
    expect(readRunChart(monthly(values), { baseline: 12 }).median).toBe(3.5);
  });

  it("sorts points by date and names days when two points share a month", () => {
    const points = [
      ...monthly([11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9]),
      { date: "2024-03-01", value: 14 },
      { date: "2024-03-15", value: 14 },
      ...monthly([14, 14, 14, 14, 14, 14], { year: 2024, month: 4 }),
    ].reverse();
    const chart = readRunChart(points);
    expect(chart.points[0]?.date).toBe("2023-03-01");
    expect(chart.words).toContain("since 1 March 2024");
  });
});
