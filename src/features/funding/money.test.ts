import { describe, expect, it } from "vitest";
import {
  financialYearDays,
  financialYearLabel,
  financialYearOf,
  parseFinancialYear,
  yearsBetween,
} from "./financial-year.ts";
import {
  formatMoney,
  formatMoneyExact,
  MAX_PENCE,
  parseMoney,
  percentOf,
  poundsText,
  sumPence,
} from "./money.ts";

const pence = (text: string) => {
  const result = parseMoney(text);
  if (!result.ok) throw new Error(result.message);
  return result.pence;
};
const refusal = (text: string) => {
  const result = parseMoney(text);
  return result.ok ? `accepted as ${result.pence}` : result.message;
};

describe("reading amounts as people type them", () => {
  it("reads millions, thousands, commas and pence exactly", () => {
    expect(pence("£50 million")).toBe(5_000_000_000);
    expect(pence("£500 million")).toBe(50_000_000_000);
    expect(pence("1.2m")).toBe(120_000_000);
    expect(pence("£1.15m")).toBe(115_000_000); // 1.15 * 1e8 in floating point is 114999999.99…
    expect(pence("£350,000")).toBe(35_000_000);
    expect(pence("350000.50")).toBe(35_000_050);
    expect(pence("£0.01")).toBe(1);
    expect(pence("£2bn")).toBe(200_000_000_000);
    expect(pence("  £ 25K ")).toBe(2_500_000);
    expect(pence("£1.23456789m")).toBe(123_456_789);
  });

  it("refuses what is not an amount, with a message saying what to do", () => {
    expect(refusal("")).toBe("Enter an amount, for example £50 million or £350,000");
    expect(refusal("fifty million")).toMatch(/^Enter an amount in pounds/);
    expect(refusal("-£5")).toBe("Enter an amount of £0 or more");
    expect(refusal("£35,00")).toMatch(/^Enter an amount in pounds/);
    expect(refusal("£0.001")).toBe("The amount must come to a whole number of pence");
    expect(refusal("£1.234567891m")).toBe("The amount must come to a whole number of pence");
    expect(refusal("£5 zillion")).toMatch(/thousands \(k\), millions \(m\)/);
    expect(refusal("£100.01bn")).toBe("The amount must be £100 billion or less");
    expect(pence("£100bn")).toBe(MAX_PENCE);
  });
});

describe("writing amounts as the public sector does", () => {
  it("writes £1 million and more in millions to one decimal place, half up, only in display", () => {
    expect(formatMoney(5_000_000_000)).toBe("£50 million");
    expect(formatMoney(50_000_000_000)).toBe("£500 million");
    expect(formatMoney(120_000_000)).toBe("£1.2 million");
    expect(formatMoney(100_000_000)).toBe("£1 million");
    expect(formatMoney(124_999_999)).toBe("£1.2 million");
    expect(formatMoney(125_000_000)).toBe("£1.3 million");
    expect(formatMoney(99_950_000_000)).toBe("£999.5 million");
    expect(formatMoney(123_456_789_000_00)).toBe("£123,456.8 million");
  });

  it("writes smaller amounts in whole pounds with commas, and pence only when there are some", () => {
    expect(formatMoney(35_000_000)).toBe("£350,000");
    expect(formatMoney(35_000_050)).toBe("£350,000.50");
    expect(formatMoney(99_999_999)).toBe("£999,999.99");
    expect(formatMoney(0)).toBe("£0");
    expect(formatMoney(7)).toBe("£0.07");
    expect(formatMoney(-35_000_000)).toBe("-£350,000");
    expect(formatMoneyExact(123_456_789)).toBe("£1,234,567.89");
    expect(poundsText(123_456_789)).toBe("1234567.89");
    expect(poundsText(5_000_000_000)).toBe("50000000");
  });

  it("adds up years and allocations to the penny", () => {
    // The Whole Family Wellbeing Fund's shape: £50m, then three years making £500m in all.
    const years = [pence("£50m"), pence("£150m"), pence("£150m"), pence("£150m")];
    expect(sumPence(years)).toBe(pence("£500 million"));
    // Three thirds of £1 cannot be exact: 33p + 33p + 34p is, and nothing is lost or made up.
    expect(sumPence([33, 33, 34])).toBe(100);
    // Ten allocations of £0.10 make exactly £1 (0.1 added ten times in pounds does not).
    expect(sumPence(Array.from({ length: 10 }, () => pence("£0.10")))).toBe(100);
    expect(sumPence([pence("£1,234,567.89"), pence("£0.11")])).toBe(123_456_800);
    expect(() => sumPence([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });

  it("gives a share as a whole percentage, rounded half up", () => {
    expect(percentOf(pence("£50m"), pence("£500m"))).toBe(10);
    expect(percentOf(1, 8)).toBe(13); // 12.5%
    expect(percentOf(5, 0)).toBe(0);
  });
});

describe("Scottish financial years", () => {
  it("puts 31 March in the year before and 1 April in the new one", () => {
    expect(financialYearOf("2023-03-31")).toBe(2022);
    expect(financialYearOf("2023-04-01")).toBe(2023);
    expect(financialYearOf("2023-01-01")).toBe(2022);
    expect(financialYearOf("2022-12-31")).toBe(2022);
    expect(financialYearDays(2022)).toEqual({ first: "2022-04-01", last: "2023-03-31" });
  });

  it("writes and reads years as 2022-23", () => {
    expect(financialYearLabel(2022)).toBe("2022-23");
    expect(financialYearLabel(1999)).toBe("1999-00");
    expect(parseFinancialYear("2022-23")).toEqual({ ok: true, start: 2022 });
    expect(parseFinancialYear("2022/23")).toEqual({ ok: true, start: 2022 });
    expect(parseFinancialYear("2022–2023")).toEqual({ ok: true, start: 2022 });
    expect(parseFinancialYear("2099-00")).toMatchObject({ ok: false });
    expect(parseFinancialYear("2022-24")).toEqual({
      ok: false,
      message: "A financial year runs from April to the next March: after 2022 comes 2022-23",
    });
    expect(parseFinancialYear("22-23")).toEqual({
      ok: false,
      message: "Enter the financial year like 2022-23",
    });
    expect(parseFinancialYear("")).toMatchObject({ ok: false });
    expect(yearsBetween(2022, 2025)).toEqual([2022, 2023, 2024, 2025]);
  });
});
