import { describe, expect, it } from "vitest";
import { progressStatus, type SeriesPoint } from "./progress-status.ts";

const point = (period: string, value: number | null, suppressed = false): SeriesPoint => ({
  period,
  value,
  suppressed,
});

// Children looked after on 31 July (lower is better): 14,738 in 2018, 12,596 in 2022, 12,206 in 2023.
const lookedAfter = [point("2018", 14738), point("2022", 12596), point("2023", 12206)];

describe("automatic progress status (worked examples)", () => {
  it("lower is better, with a target: covered 2,532 of 4,738 needed (53%) is moderate progress", () => {
    const r = progressStatus({
      better: "lower",
      baseline: { period: "2018", value: null },
      target: { value: 10000 },
      series: lookedAfter,
    });
    expect(r.status).toBe("moderate");
    expect(r.baseline).toEqual({ period: "2018", value: 14738 });
    expect(r.latest).toEqual({ period: "2023", value: 12206 });
    expect(r.explanation).toContain("53% of the way to the target of 10,000");
    expect(r.explanation).toContain("lower is better");
  });

  it("lower is better, target reached: target achieved", () => {
    const r = progressStatus({
      better: "lower",
      baseline: { period: "2018", value: null },
      target: { value: 12500 },
      series: lookedAfter,
    });
    expect(r.status).toBe("target_achieved");
  });

  it("two thirds of the way or more is substantial, under a third is limited", () => {
    const base = {
      better: "higher" as const,
      baseline: { period: "2020", value: 50 },
      target: { value: 80 },
    };
    expect(progressStatus({ ...base, series: [point("2024", 70)] }).status).toBe("substantial");
    expect(progressStatus({ ...base, series: [point("2024", 59)] }).status).toBe("limited");
    expect(progressStatus({ ...base, series: [point("2024", 50)] }).status).toBe("limited");
    expect(progressStatus({ ...base, series: [point("2024", 49)] }).status).toBe("deterioration");
    expect(progressStatus({ ...base, series: [point("2024", 80)] }).status).toBe("target_achieved");
  });

  it("no target, lower is better: a fall of 17.2% from the baseline is substantial progress", () => {
    const r = progressStatus({
      better: "lower",
      baseline: { period: "2018", value: null },
      target: null,
      series: lookedAfter,
    });
    expect(r.status).toBe("substantial");
    expect(r.explanation).toContain("17.18% in the better direction");
  });

  it("no target: 5% to 10% better is moderate, under 5% limited, any worsening is getting worse", () => {
    const base = { better: "higher" as const, baseline: { period: "2019-20", value: 100 }, target: null };
    expect(progressStatus({ ...base, series: [point("2023-24", 107)] }).status).toBe("moderate");
    expect(progressStatus({ ...base, series: [point("2023-24", 104)] }).status).toBe("limited");
    expect(progressStatus({ ...base, series: [point("2023-24", 100)] }).status).toBe("limited");
    expect(progressStatus({ ...base, series: [point("2023-24", 99)] }).status).toBe("deterioration");
  });

  it("lower is better and the value rose: getting worse", () => {
    const r = progressStatus({
      better: "lower",
      baseline: { period: "2019-20", value: 10197 },
      target: null,
      series: [point("2023-24", 12849)],
    });
    expect(r.status).toBe("deterioration");
  });

  it("missing baseline: not enough data", () => {
    expect(
      progressStatus({ better: "lower", baseline: null, target: null, series: lookedAfter }).status,
    ).toBe("not_enough_data");
  });

  it("a baseline period with no value observed: not enough data", () => {
    const r = progressStatus({
      better: "lower",
      baseline: { period: "2017", value: null },
      target: null,
      series: lookedAfter,
    });
    expect(r.status).toBe("not_enough_data");
    expect(r.explanation).toContain("2017");
  });

  it("nothing after the baseline: not enough data", () => {
    const r = progressStatus({
      better: "lower",
      baseline: { period: "2023", value: null },
      target: { value: 10000 },
      series: lookedAfter,
    });
    expect(r.status).toBe("not_enough_data");
  });

  it("neither direction better: no status, whatever the numbers", () => {
    const r = progressStatus({
      better: "neither",
      baseline: { period: "2018", value: null },
      target: null,
      series: lookedAfter,
    });
    expect(r.status).toBe("not_enough_data");
  });

  it("a suppressed latest value is skipped: the latest visible one is used", () => {
    const r = progressStatus({
      better: "lower",
      baseline: { period: "2018", value: null },
      target: { value: 10000 },
      series: [...lookedAfter, point("2024", 3, true)],
    });
    expect(r.latest).toEqual({ period: "2023", value: 12206 });
    expect(r.status).toBe("moderate");
  });

  it("a suppressed baseline value is never used: not enough data", () => {
    const r = progressStatus({
      better: "lower",
      baseline: { period: "2018", value: null },
      target: null,
      series: [point("2018", 4, true), point("2023", 2)],
    });
    expect(r.status).toBe("not_enough_data");
    expect(r.explanation).not.toContain("4");
  });

  it("only suppressed values after the baseline: not enough data", () => {
    const r = progressStatus({
      better: "higher",
      baseline: { period: "2020", value: 10 },
      target: null,
      series: [point("2021", 3, true), point("2022", null, true)],
    });
    expect(r.status).toBe("not_enough_data");
    expect(r.latest).toBeNull();
  });

  it("financial years and snapshot dates order by their start", () => {
    const r = progressStatus({
      better: "lower",
      baseline: { period: "2019-20", value: null },
      target: null,
      series: [point("2023-24", 10197), point("2019-20", 12849), point("2021-22", 11000)],
    });
    expect(r.latest).toEqual({ period: "2023-24", value: 10197 });
    expect(r.status).toBe("substantial");
  });

  it("a zero baseline with no target cannot be measured as a share: not enough data", () => {
    const r = progressStatus({
      better: "higher",
      baseline: { period: "2020", value: 0 },
      target: null,
      series: [point("2021", 5)],
    });
    expect(r.status).toBe("not_enough_data");
  });
});
