import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { PUBLIC } from "../../platform/actor.ts";
import { getProject } from "../improvement/improvement.service.ts";
import { readRunChart } from "../improvement/run-chart.ts";

const handle = await createTestDatabase("demo");
afterAll(() => handle.close());

describe("the demo improvement project", () => {
  it("is published on the Leadership route map, with 24 monthly values showing a real shift", async () => {
    const project = await getProject(handle.db, PUBLIC, "leaders-who-listen");
    expect(project.actions.map((a) => a.themeSlug)).toEqual(["leadership"]);
    expect(project.indicators.map((i) => i.slug)).toEqual(["children-looked-after"]);
    expect(project.organisations.map((o) => o.name).sort()).toEqual(["Fife", "The Promise Scotland"]);
    const outcome = project.measures.find((m) => m.kind === "outcome");
    expect(outcome?.points).toHaveLength(24);
    const chart = readRunChart(outcome?.points ?? [], { baseline: 12, better: "up" });
    expect(chart.verdict).toBe("signal");
    expect(chart.words).toContain(
      "A shift: 12 points in a row above the median since April 2024, on the better side.",
    );
  });
});
