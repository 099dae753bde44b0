import { describe, expect, it } from "vitest";
import { combineStatuses, type Leaf, rollUp } from "./rollup.ts";

const leaf = (status: Leaf["status"], percent: number, weight?: number): Leaf =>
  weight === undefined ? { status, percent } : { status, percent, weight };

describe("roll-up of progress", () => {
  it("takes the plain mean of actions without weights", () => {
    expect(
      rollUp({ children: [leaf("complete", 100), leaf("not_started", 0), leaf("on_track", 50)] }),
    ).toEqual({
      status: "in_progress",
      percent: 50,
      counted: 3,
    });
  });

  it("weights actions: 100% at weight 3 and 0% at weight 1 is 75%", () => {
    expect(rollUp({ children: [leaf("complete", 100, 3), leaf("not_started", 0, 1)] }).percent).toBe(75);
  });

  it("a weight of 0 shows an action but leaves it out of the percentage", () => {
    expect(rollUp({ children: [leaf("complete", 100, 0), leaf("in_progress", 20)] }).percent).toBe(20);
  });

  it("leaves superseded actions out altogether", () => {
    const rolled = rollUp({ children: [leaf("superseded", 0), leaf("complete", 100)] });
    expect(rolled).toEqual({ status: "complete", percent: 100, counted: 1 });
  });

  it("an outcome with no actions has no percentage and does not drag its route map down", () => {
    const empty = { children: [] };
    expect(rollUp(empty)).toEqual({ status: null, percent: null, counted: 0 });
    const routeMap = { children: [empty, { children: [leaf("complete", 100)] }] };
    expect(rollUp(routeMap)).toEqual({ status: "complete", percent: 100, counted: 1 });
  });

  it("an outcome of only superseded actions counts as empty", () => {
    expect(rollUp({ children: [{ children: [leaf("superseded", 100)] }, leaf("in_progress", 25)] })).toEqual({
      status: "in_progress",
      percent: 25,
      counted: 1,
    });
  });

  it("rolls up through outcome, route map, foundation and programme, weighting each level", () => {
    const outcomeA = { children: [leaf("complete", 100), leaf("on_track", 50)] }; // 75
    const outcomeB = { weight: 3, children: [leaf("delayed", 25)] }; // 25
    const routeMap = { children: [outcomeA, outcomeB] }; // (75 + 3×25) / 4 = 37.5
    const other = { children: [{ children: [leaf("complete", 100)] }] }; // 100
    const foundation = { children: [routeMap, other] }; // (37.5 + 100) / 2 = 68.75
    const programme = { children: [foundation, { children: [] }] };
    expect(rollUp(routeMap)).toEqual({ status: "delayed", percent: 38, counted: 3 });
    expect(rollUp(foundation)).toEqual({ status: "delayed", percent: 69, counted: 4 });
    // Rounding happens once, at the level asked for, not at every level on the way up.
    expect(rollUp(programme).percent).toBe(69);
  });

  it("keeps percentages between 0 and 100", () => {
    expect(rollUp({ children: [leaf("complete", 150), leaf("not_started", -20)] }).percent).toBe(50);
  });

  it("says the most pressing status of its actions", () => {
    expect(combineStatuses(["complete", "at_risk", "delayed"])).toBe("delayed");
    expect(combineStatuses(["complete", "at_risk", "on_track"])).toBe("at_risk");
    expect(combineStatuses(["complete", "complete"])).toBe("complete");
    expect(combineStatuses(["not_started", "not_started"])).toBe("not_started");
    expect(combineStatuses(["on_track", "complete"])).toBe("on_track");
    expect(combineStatuses(["not_started", "complete"])).toBe("in_progress");
    expect(combineStatuses([])).toBeNull();
  });
});
