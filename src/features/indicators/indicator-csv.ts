import { toCsv } from "../../platform/csv.ts";
import type { IndicatorMeta, ObservationView } from "./indicator.types.ts";

// The CSV download: tidy, one observation a row, in the same shape an upload takes (so a download
// can be corrected and loaded again: upload-rows.ts takes the neutralising apostrophe away), with
// the area's name added. Values hidden from the reader are empty with the flag "suppressed".
// Written by the one CSV writer (platform/csv.ts), so text a spreadsheet would run as a formula
// (a breakdown called "=HYPERLINK(…)") is neutralised as in every other download.

export function observationsCsv(indicator: IndicatorMeta, observations: readonly ObservationView[]): string {
  const names = [
    ...new Set([...indicator.breakdowns, ...observations.flatMap((o) => Object.keys(o.breakdown))]),
  ];
  const rows = observations.map((o) => [
    o.period,
    o.geography,
    o.geographyName,
    ...names.map((n) => o.breakdown[n] ?? ""),
    o.value, // a number: written as it is, a negative one included
    o.flag ?? "",
  ]);
  return toCsv(["period", "geography", "geography name", ...names, "value", "flag"], rows);
}
