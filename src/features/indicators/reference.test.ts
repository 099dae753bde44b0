import { describe, expect, it } from "vitest";
import { COUNCIL_AREA_CODES, findGeography, GEOGRAPHIES } from "./geography.ts";
import { comparePeriods, parsePeriod, periodLabel } from "./period.ts";
import { isSuppressed, publicValue } from "./suppression.ts";

describe("geographies", () => {
  it("Scotland, the 32 council areas and the 14 health boards, each code once", () => {
    expect(GEOGRAPHIES).toHaveLength(47);
    expect(new Set(GEOGRAPHIES.map((g) => g.code)).size).toBe(47);
    expect(COUNCIL_AREA_CODES).toHaveLength(32);
    expect(GEOGRAPHIES.filter((g) => g.type === "health_board")).toHaveLength(14);
    expect(COUNCIL_AREA_CODES.every((c) => /^S12\d{6}$/.test(c))).toBe(true);
    expect(findGeography("S12000036")?.name).toBe("City of Edinburgh");
    expect(findGeography("S08000031")?.name).toBe("NHS Greater Glasgow and Clyde");
    expect(findGeography("S12000046")).toBeUndefined();
  });
});

describe("periods", () => {
  it("reads calendar years, financial years in three spellings, and snapshot dates", () => {
    expect(parsePeriod("2023")).toEqual({ text: "2023", type: "calendar_year", start: "2023-01-01" });
    for (const fy of ["2022-23", "2022/23", "2022-2023", " 2022 / 23 "])
      expect(parsePeriod(fy)).toEqual({ text: "2022-23", type: "financial_year", start: "2022-04-01" });
    expect(parsePeriod("1999-00")?.text).toBe("1999-00");
    expect(parsePeriod("2023-07-31")).toEqual({ text: "2023-07-31", type: "snapshot", start: "2023-07-31" });
  });

  it("refuses anything else", () => {
    for (const bad of ["", "23", "2022-24", "2023-02-30", "July 2023", "2023-7-31"])
      expect(parsePeriod(bad), bad).toBeNull();
  });

  it("writes periods for people and orders them by start", () => {
    expect(periodLabel("2019-20")).toBe("2019/20");
    expect(periodLabel("2023-07-31")).toBe("31 July 2023");
    expect(["2023", "2022-23", "2022-01-15"].sort(comparePeriods)).toEqual(["2022-01-15", "2022-23", "2023"]);
  });
});

describe("the small-number rule", () => {
  it("hides counts from 1 to the threshold minus one, and values the source withheld", () => {
    expect(isSuppressed({ value: 4, flag: null }, 5)).toBe(true);
    expect(isSuppressed({ value: 1, flag: "provisional" }, 5)).toBe(true);
    expect(isSuppressed({ value: 5, flag: null }, 5)).toBe(false);
    expect(isSuppressed({ value: 0, flag: null }, 5)).toBe(false);
    expect(isSuppressed({ value: 3, flag: null }, null)).toBe(false);
    expect(isSuppressed({ value: 300, flag: "suppressed" }, null)).toBe(true);
    expect(isSuppressed({ value: null, flag: "suppressed" }, 5)).toBe(true);
    expect(publicValue({ value: 2, flag: null }, 5)).toBeNull();
    expect(publicValue({ value: 12, flag: "revised" }, 5)).toBe(12);
  });
});
