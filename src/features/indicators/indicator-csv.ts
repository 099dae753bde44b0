import { stringify } from "csv-stringify/sync";
import type { IndicatorMeta, ObservationView } from "./indicator.types.ts";

// The CSV download: tidy, one observation a row, in the same shape an upload takes (so a download
// can be corrected and loaded again), with the area's name added. Values hidden from the reader
// are empty with the flag "suppressed".

export function observationsCsv(indicator: IndicatorMeta, observations: readonly ObservationView[]): string {
  const names = [
    ...new Set([...indicator.breakdowns, ...observations.flatMap((o) => Object.keys(o.breakdown))]),
  ];
  const rows = observations.map((o) => [
    o.period,
    o.geography,
    o.geographyName,
    ...names.map((n) => o.breakdown[n] ?? ""),
    o.value === null ? "" : String(o.value),
    o.flag ?? "",
  ]);
  return stringify([["period", "geography", "geography name", ...names, "value", "flag"], ...rows]);
}
