import type { Allocation, FundYear, Recipient } from "./funding.types.ts";
import { sumPence } from "./money.ts";

// Where a fund's money goes, worked out from its years and (published) allocations: pure, exact
// sums of pence, so the public page, its CSV and the API agree to the penny.

export interface YearLine {
  year: number;
  plannedPence: number;
  actualPence: number | null;
  status: FundYear["status"] | null;
  /** The allocations made for the year (planned amounts). */
  allocatedPence: number;
}

export interface RecipientLine {
  recipient: Recipient;
  plannedPence: number;
  actualPence: number;
  /** The financial years it has allocations in. */
  years: number[];
  singleYear: number;
  multiYear: number;
}

export function recipientKey(recipient: Recipient): string {
  return recipient.kind === "organisation" ? `organisation:${recipient.id}` : `area:${recipient.code}`;
}

/** Each year from the fund's first to its last, with what was planned, spent and allocated. */
export function byYear(
  firstYear: number,
  lastYear: number,
  years: readonly FundYear[],
  allocations: readonly Allocation[],
): YearLine[] {
  const lines: YearLine[] = [];
  const lo = Math.min(firstYear, ...years.map((y) => y.year));
  const hi = Math.max(lastYear, ...years.map((y) => y.year));
  for (let year = lo; year <= hi; year += 1) {
    const own = years.find((y) => y.year === year);
    lines.push({
      year,
      plannedPence: own?.plannedPence ?? 0,
      actualPence: own?.actualPence ?? null,
      status: own?.status ?? null,
      allocatedPence: sumPence(allocations.filter((a) => a.year === year).map((a) => a.plannedPence)),
    });
  }
  return lines;
}

/** Each recipient (organisation or council area) with its totals, largest planned first. */
export function byRecipient(allocations: readonly Allocation[]): RecipientLine[] {
  const lines = new Map<string, RecipientLine>();
  for (const allocation of allocations) {
    const key = recipientKey(allocation.recipient);
    const line = lines.get(key) ?? {
      recipient: allocation.recipient,
      plannedPence: 0,
      actualPence: 0,
      years: [],
      singleYear: 0,
      multiYear: 0,
    };
    line.plannedPence = sumPence([line.plannedPence, allocation.plannedPence]);
    line.actualPence = sumPence([line.actualPence, allocation.actualPence ?? 0]);
    if (!line.years.includes(allocation.year)) line.years.push(allocation.year);
    if (allocation.awardYears > 1) line.multiYear += 1;
    else line.singleYear += 1;
    lines.set(key, line);
  }
  for (const line of lines.values()) line.years.sort((a, b) => a - b);
  return [...lines.values()].sort(
    (a, b) => b.plannedPence - a.plannedPence || a.recipient.name.localeCompare(b.recipient.name, "en-GB"),
  );
}

/** The total of the allocations' planned amounts. */
export function allocatedTotal(allocations: readonly Allocation[]): number {
  return sumPence(allocations.map((a) => a.plannedPence));
}
