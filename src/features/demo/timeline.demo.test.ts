import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { PUBLIC } from "../../platform/actor.ts";
import { getItem, listTimeline } from "../timeline/timeline.service.ts";

// The demo's timeline: the 2024 consultation package, with the clash the National Leadership
// Group worried about (the workforce asked by four consultations at once in September 2024).

const handle = await createTestDatabase("demo");
afterAll(() => handle.close());

describe("the demo timeline", () => {
  it("has a year of published items around the seeds' dates, a private draft, and a real clash on the workforce", async () => {
    const { items, clashes } = await listTimeline(handle.db, {}, 2);
    expect(items.map((i) => i.title)).toEqual(
      expect.arrayContaining([
        "Keeping the Promise: progress update 2024",
        "Consultation on the future of fostering",
        "First meeting of the Minister's Partnership group",
        "The Promise Bill",
      ]),
    );
    expect(items.map((i) => i.title)).not.toContain(
      "Early advice on the Promise Bill from the National Leadership Group",
    );
    const workforce = clashes.filter((c) => c.audience.slug === "workforce");
    expect(workforce.length).toBeGreaterThan(0);
    // From 26 August to 6 October 2024 the workforce is asked four things at once.
    const four = workforce.find((c) => c.items.length === 4);
    expect(four?.when).toBe("the weeks from 26 August 2024 to 6 October 2024");
    expect(four?.items.map((i) => i.title).sort()).toEqual([
      "Consultation on a universal definition of care experience",
      "Consultation on support for moving on from care",
      "Consultation on the future of fostering",
      "Consultation on the redesign of the Children's Hearings System",
    ]);
    const partnership = items.find((i) => i.title.startsWith("First meeting"))!;
    expect((await getItem(handle.db, PUBLIC, partnership.id, 2)).item.approximate).toBe("autumn 2024");
  });
});
