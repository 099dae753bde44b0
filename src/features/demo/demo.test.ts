import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { PUBLIC } from "../../platform/actor.ts";
import type { DatabaseHandle } from "../../platform/database.ts";
import { ConflictError } from "../../platform/errors.ts";
import { signIn } from "../accounts/user.service.ts";
import { getEdition, getLatestEdition, getProgramme, listEditions } from "../route-maps/route-map.service.ts";
import { DEMO_EDITOR, loadDemoData } from "./demo.service.ts";

describe("the demo data", () => {
  let demo: DatabaseHandle;
  beforeAll(async () => {
    demo = await createTestDatabase("demo");
  });
  afterAll(() => demo.close());

  it("is the promise, 2020 to 2030, with its five foundations in order and 25 route maps", async () => {
    const programme = await getProgramme(demo.db);
    expect(programme).toMatchObject({ name: "The promise", startYear: 2020, endYear: 2030 });
    expect(programme.summary).not.toBe("");
    expect(programme.foundations.map((f) => f.name)).toEqual([
      "Voice",
      "Family",
      "Care",
      "People",
      "Scaffolding",
    ]);
    expect(programme.foundations.every((f) => f.summary !== "")).toBe(true);
    expect(programme.foundations.flatMap((f) => f.themes)).toHaveLength(25);
    const people = programme.foundations.find((f) => f.slug === "people");
    expect(people?.themes.map((t) => t.name)).toContain("Leadership");
  });

  it("shows Leadership's December 2025 edition as the latest, with June 2024 still at its own address", async () => {
    const { editions } = await listEditions(demo.db, PUBLIC, "leadership");
    expect(editions.map((e) => [e.label, e.status, e.lastUpdated])).toEqual([
      ["December 2025", "published", "2025-12-01"],
      ["June 2024", "published", "2024-06-01"],
    ]);
    const latest = await getLatestEdition(demo.db, "leadership");
    expect(latest.layout).toBe("outcomes");
    const june = await getEdition(demo.db, PUBLIC, "leadership", editions[1]!.id);
    expect(june.layout).toBe("ambitions");
    expect(june.outcomes).toHaveLength(6);
  });

  it("treats the reworded first 'what matters' statement as the same statement in both editions", async () => {
    const { editions } = await listEditions(demo.db, PUBLIC, "leadership");
    const [december, june] = await Promise.all(
      editions.map((e) => getEdition(demo.db, PUBLIC, "leadership", e.id)),
    );
    expect(december!.whatMatters[0]!.key).toBe(june!.whatMatters[0]!.key);
    expect(december!.whatMatters[0]!.text).not.toBe(june!.whatMatters[0]!.text);
  });

  it("names every milestone year of December 2025 as having none yet", async () => {
    const latest = await getLatestEdition(demo.db, "leadership");
    expect(latest.milestones.map((m) => [m.year, m.items.length])).toEqual([
      [2025, 0],
      [2026, 0],
      [2027, 0],
      [2028, 0],
      [2029, 0],
      [2030, 0],
    ]);
  });

  it("lets the demo editor sign in with the password the README gives", async () => {
    const session = await signIn(demo.db, DEMO_EDITOR.email, DEMO_EDITOR.password);
    expect(session?.actor).toMatchObject({
      kind: "user",
      email: DEMO_EDITOR.email,
      grants: [{ role: "programme_editor" }],
    });
  });

  it("refuses to load twice, saying why, and changes nothing", async () => {
    const before = await demo.db.selectFrom("theme").select("id").execute();
    await expect(loadDemoData(demo.db)).rejects.toThrow(ConflictError);
    await expect(loadDemoData(demo.db)).rejects.toThrow(/already holds the programme "The promise"/);
    expect(await demo.db.selectFrom("theme").select("id").execute()).toHaveLength(before.length);
  });

  it("fills an empty database in one go, telling its progress step by step", async () => {
    const empty = await createTestDatabase("empty");
    try {
      const lines: string[] = [];
      await loadDemoData(empty.db, { progress: (line) => lines.push(line) });
      expect(lines[0]).toContain("5 foundations and 25 route maps");
      expect(lines).toContain("Adding the Leadership route map, December 2025 edition");
      expect((await getProgramme(empty.db)).foundations).toHaveLength(5);
    } finally {
      await empty.close();
    }
    // Loading the whole demo (route maps and governance) through the services takes a while on a busy machine.
  }, 120_000);
});
