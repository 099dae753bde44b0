import type { PeriodType } from "../../db/schema.ts";
import { fullDate } from "../../platform/dates.ts";

// Periods as analysts write them: a calendar year ("2023"), a financial year ("2022-23", also
// read from "2022/23" or "2022-2023"), or a snapshot date ("2023-07-31"). Each has a start date
// that orders a series, whatever mix of kinds it holds.

export interface Period {
  /** The canonical form stored and shown: "2023", "2022-23", "2023-07-31". */
  text: string;
  type: PeriodType;
  /** "YYYY-MM-DD": 1 January, 1 April (financial years) or the date itself. */
  start: string;
}

function validDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Reads a period, or null when it is none of the three kinds. */
export function parsePeriod(input: string): Period | null {
  const value = input.trim();
  let m = /^(\d{4})$/.exec(value);
  if (m) return { text: value, type: "calendar_year", start: `${value}-01-01` };
  m = /^(\d{4})\s*[-/–]\s*(\d{2}|\d{4})$/.exec(value);
  if (m) {
    const first = Number(m[1]);
    const second = m[2]!;
    const next = first + 1;
    const ok = second.length === 4 ? Number(second) === next : Number(second) === next % 100;
    if (!ok) return null;
    return {
      text: `${first}-${String(next % 100).padStart(2, "0")}`,
      type: "financial_year",
      start: `${first}-04-01`,
    };
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m && validDate(Number(m[1]), Number(m[2]), Number(m[3])))
    return { text: value, type: "snapshot", start: value };
  return null;
}

/** How a period reads on a page: financial years as "2022/23", dates in words. */
export function periodLabel(period: string): string {
  const parsed = parsePeriod(period);
  if (!parsed) return period;
  if (parsed.type === "financial_year") return period.replace("-", "/");
  if (parsed.type === "snapshot") return fullDate(period);
  return period;
}

/** Orders two periods by their start date. */
export function comparePeriods(a: string, b: string): number {
  const sa = parsePeriod(a)?.start ?? a;
  const sb = parsePeriod(b)?.start ?? b;
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}
