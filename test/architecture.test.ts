import path from "node:path";
import { describe, expect, it } from "vitest";
import { boundaryViolations, readImportGraph } from "./support/import-graph.ts";

const src = path.resolve(import.meta.dirname, "../src");

describe("the code's boundaries", () => {
  it("are kept by the tree as it is", () => {
    expect(boundaryViolations(readImportGraph(src))).toEqual([]);
  });

  it("are found in the real import graph (the reader sees real imports)", () => {
    const edges = readImportGraph(src);
    // If the reader stopped finding imports, the test above would pass on anything.
    expect(edges.length).toBeGreaterThan(500);
    expect(edges).toContainEqual({ from: "app.ts", to: "platform/page-cache.ts" });
    expect(edges.some((e) => e.from.startsWith("features/") && e.to.startsWith("platform/"))).toBe(true);
  });

  it("catch each kind of wrong import in a small graph", () => {
    const wrong = boundaryViolations([
      { from: "platform/html.ts", to: "features/rounds/round.service.ts" },
      { from: "platform/config.ts", to: "app.ts" },
      { from: "features/rounds/round.routes.ts", to: "app.ts" },
      { from: "features/rounds/round.service.ts", to: "features/accountability/progress.repository.ts" },
      { from: "features/rounds/views/round.view.ts", to: "features/route-maps/views/route-map.view.ts" },
      { from: "features/calendars/calendar.service.ts", to: "features/landscape/landscape.service.ts" },
      { from: "features/landscape/landscape.service.ts", to: "features/calendars/calendar.service.ts" },
    ]);
    expect(wrong).toEqual([
      "platform imports the app: platform/html.ts -> features/rounds/round.service.ts",
      "platform imports the app: platform/config.ts -> app.ts",
      "a feature imports the composition root: features/rounds/round.routes.ts -> app.ts",
      "a feature reads another's repository: features/rounds/round.service.ts -> features/accountability/progress.repository.ts",
      "a feature uses another's views: features/rounds/views/round.view.ts -> features/route-maps/views/route-map.view.ts",
      "features import each other: calendars <-> landscape",
    ]);
  });

  it("allow a feature to use another's services, types and its own repository", () => {
    expect(
      boundaryViolations([
        { from: "features/rounds/round.service.ts", to: "features/accountability/progress.service.ts" },
        { from: "features/rounds/round.service.ts", to: "features/rounds/round.repository.ts" },
        { from: "features/rounds/views/round.view.ts", to: "platform/views/layout.ts" },
        { from: "app.ts", to: "features/rounds/rounds.feature.ts" },
      ]),
    ).toEqual([]);
  });
});
