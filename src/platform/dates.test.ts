import { describe, expect, it } from "vitest";
import { fullDate, londonInstant, londonToday, monthYear, parseIsoDate } from "./dates.ts";

describe("dates written out in words", () => {
  it("a last-updated date reads as the route maps give it: month and year", () => {
    expect(monthYear("2025-12-01")).toBe("December 2025");
    expect(monthYear("2024-06-12")).toBe("June 2024");
  });

  it("a full date has the day without a leading zero", () => {
    expect(fullDate("2025-12-01")).toBe("1 December 2025");
    expect(fullDate("2024-06-12")).toBe("12 June 2024");
    expect(fullDate("2026-01-31")).toBe("31 January 2026");
  });

  it("something that is not a YYYY-MM-DD date is shown as it is, not as a wrong date", () => {
    for (const text of ["", "December 2025", "2025-12-1", "01/12/2025", "2025-12-01T00:00:00Z"]) {
      expect(fullDate(text)).toBe(text);
      expect(monthYear(text)).toBe(text);
    }
  });
});

describe("reading a stored date", () => {
  it("gives the year, month and day as numbers", () => {
    expect(parseIsoDate("2025-12-01")).toEqual({ year: 2025, month: 12, day: 1 });
  });

  it("refuses anything not written YYYY-MM-DD", () => {
    expect(parseIsoDate("2025-12-1")).toBeNull();
    expect(parseIsoDate(" 2025-12-01")).toBeNull();
    expect(parseIsoDate("1 December 2025")).toBeNull();
  });
});

describe("London time", () => {
  it("knows when the clocks change", () => {
    // The last Sunday of March 2025 is the 30th: clocks go forward at 01:00 GMT.
    expect(londonInstant("2025-03-29", "12:00").toISOString()).toBe("2025-03-29T12:00:00.000Z");
    expect(londonInstant("2025-03-31", "12:00").toISOString()).toBe("2025-03-31T11:00:00.000Z");
    // The last Sunday of October 2025 is the 26th: clocks go back.
    expect(londonInstant("2025-10-25", "12:00").toISOString()).toBe("2025-10-25T11:00:00.000Z");
    expect(londonInstant("2025-10-27", "12:00").toISOString()).toBe("2025-10-27T12:00:00.000Z");
  });

  it("gives London's today, which is not UTC's just after midnight in summer", () => {
    expect(londonToday(new Date("2025-06-30T23:30:00Z"))).toBe("2025-07-01");
    expect(londonToday(new Date("2025-12-31T23:30:00Z"))).toBe("2025-12-31");
  });
});
