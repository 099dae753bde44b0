import { toCsv } from "../../platform/csv.ts";
import { financialYearLabel } from "./financial-year.ts";
import type { FundDetail } from "./funding.types.ts";
import { byYear } from "./funding-summary.ts";
import { poundsText } from "./money.ts";

// A fund's open data, one row per year and one per published allocation, through the one CSV
// writer (platform/csv.ts: a purpose typed as "=HYPERLINK(…)" is neutralised). Amounts are given
// twice, exact: in whole pence (a whole number, for sums) and in pounds ("1234567.89").

export function yearsCsv(fund: FundDetail): string {
  const rows = byYear(fund.firstYear, fund.lastYear, fund.years, fund.allocations).map((line) => [
    fund.slug,
    financialYearLabel(line.year),
    line.plannedPence,
    poundsText(line.plannedPence),
    line.actualPence,
    line.actualPence === null ? null : poundsText(line.actualPence),
    line.status ?? "",
    line.allocatedPence,
    poundsText(line.allocatedPence),
  ]);
  return toCsv(
    [
      "fund",
      "financial year",
      "planned pence",
      "planned pounds",
      "actual pence",
      "actual pounds",
      "status",
      "allocated pence",
      "allocated pounds",
    ],
    rows,
  );
}

export function allocationsCsv(fund: FundDetail): string {
  const rows = fund.allocations.map((a) => [
    fund.slug,
    financialYearLabel(a.year),
    a.recipient.kind === "area" ? "council area" : "organisation",
    a.recipient.name,
    a.recipient.kind === "area" ? a.recipient.code : "",
    a.plannedPence,
    poundsText(a.plannedPence),
    a.actualPence,
    a.actualPence === null ? null : poundsText(a.actualPence),
    a.awardYears,
    a.purpose,
  ]);
  return toCsv(
    [
      "fund",
      "financial year",
      "recipient type",
      "recipient",
      "area code",
      "planned pence",
      "planned pounds",
      "actual pence",
      "actual pounds",
      "award years",
      "purpose",
    ],
    rows,
  );
}
