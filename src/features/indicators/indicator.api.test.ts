import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { getPage, signIn, testApp } from "../../../test/support/http.ts";
import type { DatabaseHandle } from "../../platform/database.ts";

// /api/v1/indicators on the demo data: published indicators only, and suppressed values never
// leave the app, even for a signed-in analyst (the API is open data).

let handle: DatabaseHandle;
let app: FastifyInstance;

beforeAll(async () => {
  handle = await createTestDatabase("demo");
  app = await testApp(handle.db);
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

type Observation = { geography: string; period: string; value: number | null; flag: string | null };

describe("the progress framework in the API", () => {
  it("lists the vision statements with each published indicator's status", async () => {
    const response = await getPage(app, undefined, "/api/v1/indicators");
    expect(response.statusCode).toBe(200);
    const body = response.json() as {
      visionStatements: Array<{
        outcomes: Array<{ indicators: Array<{ slug: string; status: { status: string } }> }>;
      }>;
    };
    const indicators = body.visionStatements.flatMap((v) => v.outcomes.flatMap((o) => o.indicators));
    expect(indicators.map((i) => [i.slug, i.status.status])).toEqual([
      ["children-looked-after", "substantial"],
      ["referrals-to-the-reporter", "substantial"],
      ["childrens-hearings-held", "not_enough_data"],
    ]);
  });

  it("gives the real national figures, and null with the flag 'suppressed' for a small number, to everyone", async () => {
    const analyst = await signIn(app, handle.db, "analyst");
    for (const session of [undefined, analyst]) {
      const response = await getPage(app, session, "/api/v1/indicators/children-looked-after/observations");
      expect(response.statusCode).toBe(200);
      const { observations } = response.json() as { observations: Observation[] };
      const scotland = observations.filter((o) => o.geography === "S92000003" && o.flag !== "estimated");
      expect(scotland.map((o) => [o.period, o.value])).toEqual([
        ["2018-07-31", 14738],
        ["2022-07-31", 12596],
        ["2023-07-31", 12206],
      ]);
      const orkney = observations.filter((o) => o.geography === "S12000023");
      expect(orkney.map((o) => [o.value, o.flag])).toEqual([
        [null, "suppressed"],
        [null, "suppressed"],
      ]);
      expect(observations.every((o) => o.value === null || o.value >= 5 || o.value === 0)).toBe(true);
    }
  });

  it("an unpublished indicator is not found, and a bad geography is a 400 naming the field", async () => {
    await handle.db
      .updateTable("indicator")
      .set({ published: false })
      .where("slug", "=", "childrens-hearings-held")
      .execute();
    expect((await getPage(app, undefined, "/api/v1/indicators/childrens-hearings-held")).statusCode).toBe(
      404,
    );
    const bad = await getPage(
      app,
      undefined,
      "/api/v1/indicators/children-looked-after/observations?geography=Glasgow",
    );
    expect(bad.statusCode).toBe(400);
    expect(Object.keys((bad.json() as { error: { fields: Record<string, string> } }).error.fields)).toEqual([
      "geography",
    ]);
  });
});
