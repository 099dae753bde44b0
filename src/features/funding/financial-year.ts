// Scottish financial years: 1 April to 31 March, written "2022-23". The database keeps a year as
// the calendar year it starts in (2022 for "2022-23"), so years sort and compare as numbers.

/** The earliest and latest years a fund may name: wide, but not nonsense. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2098;

export type YearParse = { ok: true; start: number } | { ok: false; message: string };

/** "2022-23" for the year starting in 2022. */
export function financialYearLabel(start: number): string {
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
}

/** "April 2022 to March 2023": the label in words, for readers who do not know the convention. */
export function financialYearWords(start: number): string {
  return `April ${start} to March ${start + 1}`;
}

/** The financial year a day ("YYYY-MM-DD") falls in: 31 March 2023 is 2022-23, 1 April 2023 is 2023-24. */
export function financialYearOf(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`Not a date: ${day}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  return month >= 4 ? year : year - 1;
}

/** The first and last days of a financial year, as "YYYY-MM-DD". */
export function financialYearDays(start: number): { first: string; last: string } {
  return { first: `${start}-04-01`, last: `${start + 1}-03-31` };
}

/**
 * Reads a financial year as written: "2022-23" (the usual way), also "2022/23", "2022–23" and
 * "2022-2023". The second year must follow the first.
 */
export function parseFinancialYear(input: string): YearParse {
  const text = input.trim();
  if (text === "") return { ok: false, message: "Enter a financial year, for example 2022-23" };
  const match = /^(\d{4}) ?[-/–] ?(\d{2}|\d{4})$/.exec(text);
  if (!match) return { ok: false, message: "Enter the financial year like 2022-23" };
  const start = Number(match[1]);
  const end = match[2] ?? "";
  const expected = end.length === 2 ? (start + 1) % 100 : start + 1;
  if (Number(end) !== expected) {
    return {
      ok: false,
      message: `A financial year runs from April to the next March: after ${start} comes ${financialYearLabel(start)}`,
    };
  }
  if (start < FIRST_YEAR || start > LAST_YEAR) {
    return {
      ok: false,
      message: `Enter a financial year between ${financialYearLabel(FIRST_YEAR)} and ${financialYearLabel(LAST_YEAR)}`,
    };
  }
  return { ok: true, start };
}

/** Every year from `first` to `last`, inclusive, in order. */
export function yearsBetween(first: number, last: number): number[] {
  const years: number[] = [];
  for (let year = first; year <= last; year += 1) years.push(year);
  return years;
}
