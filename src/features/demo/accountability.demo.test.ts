import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { PUBLIC } from "../../platform/actor.ts";
import type { DatabaseHandle } from "../../platform/database.ts";
import {
  getOrganisationAccount,
  listOrganisationSummaries,
  todayIso,
} from "../accountability/accountability.service.ts";
import { findUserByEmail } from "../accounts/user.repository.ts";
import { actorForUser } from "../accounts/user.service.ts";
import { COUNCIL_AREAS } from "../organisations/organisations.data.ts";
import { getRound, listRounds } from "../rounds/round.service.ts";
import { addDays } from "../rounds/round.validation.ts";
import { DEMO_ROUND_TITLE } from "./accountability.demo.ts";
import { DEMO_EDITOR } from "./demo.service.ts";

describe("the demo register of organisations", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase("demo");
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("holds the 32 council areas with their official codes, as local authorities", async () => {
    const organisations = await listOrganisationSummaries(handle.db);
    const councils = organisations.filter((o) => o.type === "local_authority");
    expect(councils).toHaveLength(32);
    expect(new Set(councils.map((c) => c.areaCode)).size).toBe(32);
    expect(councils.find((c) => c.name === "Clackmannanshire")?.areaCode).toBe("S12000005");
    expect(councils.find((c) => c.name === "Glasgow City")?.areaCode).toBe("S12000049");
    expect(councils.find((c) => c.name === "Na h-Eileanan Siar")?.areaCode).toBe("S12000013");
    expect(councils.every((c) => c.sectors.some((s) => s.slug === "local-authorities"))).toBe(true);
    expect(COUNCIL_AREAS.every((a) => /^S12\d{6}$/.test(a.areaCode))).toBe(true);
  });

  it("says what kind the organisations are that the demo minutes added first", async () => {
    // The demo meeting's minutes add these to the register before the reference list comes.
    const kinds = new Map((await listOrganisationSummaries(handle.db)).map((o) => [o.name, o.type]));
    expect(kinds.get("Scottish Government")).toBe("national_government");
    expect(kinds.get("CoSLA")).toBe("local_government");
    expect(kinds.get("SOLACE")).toBe("local_government");
    expect(kinds.get("CELCIS")).toBe("education");
    expect(kinds.get("Care Inspectorate")).toBe("inspectorate");
  });

  it("holds the organisations the seed documents name, with their sectors", async () => {
    // Matched as the register matches names, whatever the case: the minutes write "CoSLA".
    const names = (await listOrganisationSummaries(handle.db)).map((o) => o.name.toLowerCase());
    for (const name of [
      "Scottish Government",
      "COSLA",
      "The Promise Scotland",
      "SOLACE",
      "CELCIS",
      "Care Inspectorate",
    ])
      expect(names).toContain(name.toLowerCase());
  });

  it("names who must act on Leadership's actions: The Promise Scotland leads most of them", async () => {
    const account = await getOrganisationAccount(handle.db, PUBLIC, "the-promise-scotland");
    expect(account.actions.filter((a) => a.role === "lead").length).toBeGreaterThanOrEqual(5);
    expect(account.actions.every((a) => a.action.themeSlug === "leadership")).toBe(true);
    expect(account.actions.some((a) => a.latest?.status === "in_progress")).toBe(true);
  });

  it("has a reporting round on Leadership, due in four weeks, that some organisations have answered", async () => {
    const editor = await actorForUser(handle.db, (await findUserByEmail(handle.db, DEMO_EDITOR.email))!);
    const [summary, ...others] = await listRounds(handle.db, editor);
    expect(others).toHaveLength(0);
    expect(summary).toMatchObject({ title: DEMO_ROUND_TITLE, closedAt: null });
    // Four weeks from the day the demo was loaded: this run's templates, today or (past midnight) yesterday.
    expect([addDays(todayIso(), 27), addDays(todayIso(), 28)]).toContain(summary!.dueDate);
    expect(summary!.themes.map((t) => t.slug)).toEqual(["leadership"]);
    const round = await getRound(handle.db, editor, summary!.id);
    const answered = (slug: string) => round.organisations.find((o) => o.slug === slug)?.answered;
    // The demo updates: two from the Scottish Government, one from The Promise Scotland.
    expect(answered("scottish-government")).toBe(2);
    expect(answered("the-promise-scotland")).toBe(1);
    expect(answered("cosla")).toBe(0);
    expect(round.totals.answered).toBe(3);
    expect(round.totals.answered).toBeLessThan(round.totals.owed);
  });
});
