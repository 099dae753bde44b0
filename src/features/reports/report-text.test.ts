import { describe, expect, it } from "vitest";
import type { ReportAction } from "./report.types.ts";
import { dueWithFlag, sizeText, statusText, whoText } from "./report-text.ts";

// The words every form of a report shares, worked by hand.

const action: ReportAction = {
  key: "a1",
  text: "Agree a shared plan",
  routeMap: "Leadership",
  path: "/themes/leadership/actions/a1",
  leads: ["Scottish Government"],
  partners: ["COSLA", "Local Authorities (sector)"],
  role: null,
  due: "By the end of 2025",
  overdue: true,
  update: {
    status: "superseded",
    statusLabel: "Superseded",
    percent: null,
    submittedOn: "2025-03-01",
    organisation: "COSLA",
    narrative: "Replaced by the new plan.",
  },
};

describe("a report's shared words", () => {
  it("names one lead and many partners, or nobody", () => {
    expect(whoText(action)).toBe("Lead: Scottish Government. Partners: COSLA, Local Authorities (sector).");
    expect(whoText({ ...action, leads: [], partners: [] })).toBe("Nobody named yet.");
  });

  it("gives a status with its percentage, none for superseded, and says when nothing was reported", () => {
    expect(statusText(action)).toBe("Superseded");
    expect(
      statusText({ ...action, update: { ...action.update!, statusLabel: "On track", percent: 50 } }),
    ).toBe("On track, 50%");
    expect(statusText({ ...action, update: null })).toBe("Not reported yet");
    expect(dueWithFlag(action)).toBe("By the end of 2025 (overdue)");
  });

  it("writes sizes as people read them", () => {
    expect(sizeText(900)).toBe("900 bytes");
    expect(sizeText(12_800)).toBe("13 KB"); // 12,800 / 1,024 = 12.5, rounded up
    expect(sizeText(1_258_291)).toBe("1.2 MB"); // 1,258,291 / 1,048,576 = 1.2
  });
});
