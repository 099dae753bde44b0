import { toCsv } from "../../platform/csv.ts";
import type { Measure } from "./improvement.types.ts";
import { readRunChart } from "./run-chart.ts";

// A measure's numbers as CSV, with the run chart's reading of each point beside it, written by
// the platform's CSV writer (formula-like cells neutralised).

export const MEASURE_CSV_HEADER = [
  "date",
  "value",
  "unit",
  "median line",
  "side of median",
  "part of shift",
  "change made",
];

export function measureCsv(measure: Measure): string {
  const chart = readRunChart(measure.points, { baseline: measure.baselinePoints, better: measure.better });
  const annotations = new Map(measure.points.map((p) => [p.date, p.annotation]));
  return toCsv(
    MEASURE_CSV_HEADER,
    chart.points.map((p) => [
      p.date,
      p.value,
      measure.unit,
      p.centre,
      p.side,
      p.inShift ? "yes" : "no",
      annotations.get(p.date) ?? "",
    ]),
  );
}
