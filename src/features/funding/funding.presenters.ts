import { financialYearLabel } from "./financial-year.ts";
import type { FundDetail, FundSummary } from "./funding.types.ts";
import { allocatedTotal, byYear } from "./funding-summary.ts";
import { formatMoney } from "./money.ts";

// What funding's JSON says: exact pence beside the words a page shows.

const amount = (pence: number) => ({ pence, display: formatMoney(pence) });

export function presentFundSummary(fund: FundSummary, url: string) {
  return {
    slug: fund.slug,
    name: fund.name,
    url,
    owner: fund.owner?.name ?? null,
    commitment: amount(fund.commitmentPence),
    firstYear: financialYearLabel(fund.firstYear),
    lastYear: financialYearLabel(fund.lastYear),
    allocated: amount(fund.allocatedPence),
  };
}

export function presentFund(fund: FundDetail) {
  return {
    slug: fund.slug,
    name: fund.name,
    description: fund.description,
    owner: fund.owner?.name ?? null,
    commitment: amount(fund.commitmentPence),
    firstYear: financialYearLabel(fund.firstYear),
    lastYear: financialYearLabel(fund.lastYear),
    allocated: amount(allocatedTotal(fund.allocations)),
    years: byYear(fund.firstYear, fund.lastYear, fund.years, fund.allocations).map((line) => ({
      year: financialYearLabel(line.year),
      planned: amount(line.plannedPence),
      actual: line.actualPence === null ? null : amount(line.actualPence),
      status: line.status,
      allocated: amount(line.allocatedPence),
    })),
    allocations: fund.allocations.map((a) => ({
      recipientType: a.recipient.kind === "area" ? ("council_area" as const) : ("organisation" as const),
      recipient: a.recipient.name,
      areaCode: a.recipient.kind === "area" ? a.recipient.code : null,
      year: financialYearLabel(a.year),
      planned: amount(a.plannedPence),
      actual: a.actualPence === null ? null : amount(a.actualPence),
      awardYears: a.awardYears,
      purpose: a.purpose,
    })),
    actions: fund.actions.map((a) => ({ routeMap: a.themeSlug, key: a.key, text: a.text })),
    commitments: fund.commitments.map((c) => ({ id: c.id, text: c.text, source: c.source })),
  };
}
