import { describe, expect, it } from "vitest";
import { approximateWindow, whenInWords } from "./timeline-dates.ts";
import {
  audienceLoad,
  clashesAmong,
  clashesOf,
  findClashes,
  isoWeekOf,
  type LoadItem,
  weeksCovering,
} from "./timeline-load.ts";

// Hand-worked: 1 July 2024 is a Monday, so ISO week 27 is 1–7 July, week 28 is 8–14 July and
// week 29 is 15–21 July.

function item(
  id: number,
  startsOn: string,
  endsOn: string | null,
  audienceIds: number[],
  more: Partial<LoadItem> = {},
): LoadItem {
  return { id, kind: "consultation", status: "open", startsOn, endsOn, audienceIds, ...more };
}

const A = item(1, "2024-07-01", "2024-07-10", [1]); // Monday of week 27 to Wednesday of week 28
const B = item(2, "2024-07-10", "2024-07-20", [1]); // touches A: starts the day A ends
const C = item(3, "2024-07-14", null, [1], { kind: "event" }); // a single day, the Sunday of week 28
const summer = approximateWindow("summer", 2024);
const D = item(4, summer.startsOn, summer.endsOn, [2], { kind: "survey" }); // "summer 2024"
const E = item(5, "2024-07-09", null, [1, 2], { kind: "report" }); // not an ask
const F = item(6, "2024-07-09", "2024-07-12", [1, 2], { status: "withdrawn" }); // withdrawn
const G = item(7, "2024-07-16", null, [1, 1], { kind: "call_for_evidence" }); // audience listed twice
const items = [A, B, C, D, E, F, G];
const july = { from: "2024-07-01", to: "2024-07-21" };

describe("ISO weeks", () => {
  it("names the week a day falls in, across year ends", () => {
    expect(isoWeekOf("2024-07-01")).toEqual({ start: "2024-07-01", end: "2024-07-07", label: "2024-W27" });
    expect(isoWeekOf("2024-07-14").label).toBe("2024-W28");
    // 30 December 2024 is a Monday whose Thursday is 2 January 2025.
    expect(isoWeekOf("2024-12-31")).toEqual({ start: "2024-12-30", end: "2025-01-05", label: "2025-W01" });
    // 3 January 2021 is a Sunday in the week of Thursday 31 December 2020: week 53 of 2020.
    expect(isoWeekOf("2021-01-03").label).toBe("2020-W53");
  });

  it("lists every week holding a day of the period", () => {
    expect(weeksCovering("2024-07-03", "2024-07-15").map((w) => w.start)).toEqual([
      "2024-07-01",
      "2024-07-08",
      "2024-07-15",
    ]);
    expect(weeksCovering("2024-07-15", "2024-07-01")).toEqual([]);
  });
});

describe("load", () => {
  const load = audienceLoad(items, [1, 2, 3], july);

  it("counts asks per audience per week; touching windows overlap; an item counts once per audience", () => {
    expect(load.weeks.map((w) => w.label)).toEqual(["2024-W27", "2024-W28", "2024-W29"]);
    // Audience 1: week 27 A; week 28 A, B (touching A on the 10th) and C; week 29 B and G (listed twice, counted once).
    expect(load.audiences[0]).toEqual({
      audienceId: 1,
      counts: [1, 3, 2],
      itemIds: [[1], [1, 2, 3], [2, 7]],
    });
    // Audience 2: only the approximate "summer 2024" survey; the report and the withdrawn consultation are not asks.
    expect(load.audiences[1]?.counts).toEqual([1, 1, 1]);
    expect(load.audiences[2]?.counts).toEqual([0, 0, 0]);
  });

  it("finds a clash where an audience has more asks than the threshold", () => {
    // Threshold 2: only week 28 of audience 1 has 3.
    expect(findClashes(load, 2)).toEqual([
      { audienceId: 1, from: load.weeks[1], to: load.weeks[1], itemIds: [1, 2, 3] },
    ]);
    // Threshold 1: weeks 28 and 29, with different asks, so two clashes.
    expect(findClashes(load, 1).map((c) => [c.from.label, c.to.label, c.itemIds])).toEqual([
      ["2024-W28", "2024-W28", [1, 2, 3]],
      ["2024-W29", "2024-W29", [2, 7]],
    ]);
    expect(findClashes(load, 3)).toEqual([]);
  });

  it("joins consecutive weeks with the same asks into one clash, over the asks' own span", () => {
    const three = [1, 2, 3].map((id) => item(id, "2024-07-05", "2024-07-09", [4])); // weeks 27 and 28
    const clashes = clashesAmong(three, [4], 2);
    expect(clashes.map((c) => [c.from.label, c.to.label, c.itemIds])).toEqual([
      ["2024-W27", "2024-W28", [1, 2, 3]],
    ]);
    expect(clashesOf(2, clashes)).toHaveLength(1);
    expect(clashesOf(9, clashes)).toEqual([]);
  });
});

describe("dates in words", () => {
  it("stores an approximate date as its window and shows its words", () => {
    expect(approximateWindow("autumn", 2027)).toEqual({
      startsOn: "2027-09-01",
      endsOn: "2027-11-30",
      words: "autumn 2027",
    });
    expect(approximateWindow("winter", 2027)).toEqual({
      startsOn: "2027-12-01",
      endsOn: "2028-02-29",
      words: "winter 2027",
    });
    expect(approximateWindow("early", 2027).endsOn).toBe("2027-04-30");
    expect(whenInWords({ startsOn: "2027-09-01", endsOn: "2027-11-30", approximate: "autumn 2027" })).toBe(
      "Autumn 2027 (approximate)",
    );
    expect(whenInWords({ startsOn: "2024-07-01", endsOn: "2024-09-30", approximate: null })).toBe(
      "1 July to 30 September 2024",
    );
    expect(whenInWords({ startsOn: "2024-12-01", endsOn: "2025-01-31", approximate: null })).toBe(
      "1 December 2024 to 31 January 2025",
    );
    expect(whenInWords({ startsOn: "2024-10-04", endsOn: null, approximate: null })).toBe("4 October 2024");
  });
});
