import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { PUBLIC } from "../../platform/actor.ts";
import type { DatabaseHandle } from "../../platform/database.ts";
import { getOrganisationAccount, listOrganisationSummaries } from "./accountability.service.ts";
import { COUNCIL_AREAS } from "./organisations.data.ts";

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
});
