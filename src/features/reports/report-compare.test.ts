import { describe, expect, it } from "vitest";
import type { ReportAction, ReportSnapshot } from "./report.types.ts";
import { compareSnapshots } from "./report-compare.ts";

// Comparing two frozen reports, worked by hand: action a moves from in progress to on track, b
// keeps its update, c is new in the later report and d was only in the earlier one.

function action(key: string, update: ReportAction["update"] = null): ReportAction {
  return {
    key,
    text: `Action ${key}`,
    routeMap: "Leadership",
    path: `/themes/leadership/actions/${key}`,
    leads: [],
    partners: [],
    role: null,
    due: "Not set",
    overdue: false,
    update,
  };
}

function update(status: "in_progress" | "on_track", label: string, percent: number, submittedOn: string) {
  return { status, statusLabel: label, percent, submittedOn, organisation: "COSLA", narrative: "…" };
}

function snapshot(asAt: string, actions: ReportAction[]): ReportSnapshot {
  return {
    format: 1,
    kind: "route_map",
    title: `as at ${asAt}`,
    asAt,
    subject: { name: "Leadership", path: "/themes/leadership" },
    introduction: [],
    outcomes: [],
    sections: [{ heading: "Actions", actions }],
  };
}

describe("comparing two reports", () => {
  const before = snapshot("2025-03-31", [
    action("a", update("in_progress", "In progress", 25, "2025-03-01")),
    action("b", update("on_track", "On track", 50, "2025-02-01")),
    action("d"),
  ]);
  const after = snapshot("2025-09-30", [
    action("a", update("on_track", "On track", 50, "2025-09-01")),
    action("b", update("on_track", "On track", 50, "2025-02-01")),
    action("c"),
  ]);

  it("says for each action how it stood before and after, and whether that changed", () => {
    expect(compareSnapshots(before, after).actions.map((a) => [a.key, a.before, a.after, a.change])).toEqual([
      [
        "a",
        "In progress, 25% (update of 1 March 2025)",
        "On track, 50% (update of 1 September 2025)",
        "changed",
      ],
      [
        "b",
        "On track, 50% (update of 1 February 2025)",
        "On track, 50% (update of 1 February 2025)",
        "unchanged",
      ],
      ["c", null, "Not reported yet", "added"],
      ["d", "Not reported yet", null, "dropped"],
    ]);
  });

  it("counts each status before and after", () => {
    const totals = compareSnapshots(before, after).totals;
    expect(totals.find((t) => t.label === "In progress")).toEqual({
      label: "In progress",
      before: 1,
      after: 0,
    });
    expect(totals.find((t) => t.label === "On track")).toEqual({ label: "On track", before: 1, after: 2 });
    expect(totals.find((t) => t.label === "Not reported yet")).toEqual({
      label: "Not reported yet",
      before: 1,
      after: 1,
    });
  });
});
