import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDeps } from "../../../test/support/app-deps.ts";
import { createTestDatabase } from "../../../test/support/database.ts";
import { getPage } from "../../../test/support/http.ts";
import { makeRoundFixture, type RoundFixture, submitFor } from "../../../test/support/round-fixtures.ts";
import { createApp } from "../../app.ts";
import type { DatabaseHandle } from "../../platform/database.ts";

// The stale period is configuration (WAYMARK_STALE_AFTER_DAYS, passed in the app's config): the
// organisation pages and the API count an action as having no recent update after that many
// days, and a reader may still ask for another period with ?staleAfterDays=.

describe("the configured stale period", () => {
  let handle: DatabaseHandle;
  let f: RoundFixture;
  const apps: FastifyInstance[] = [];
  const appWith = async (staleAfterDays?: number) => {
    const app = await createApp(testDeps(handle.db, { config: staleAfterDays ? { staleAfterDays } : {} }));
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    handle = await createTestDatabase("empty");
    f = await makeRoundFixture(handle.db);
    // The first organisation's only action: an update submitted 40 days ago.
    await submitFor(handle.db, f, f.firstContributor, f.first.slug, 0);
    await handle.db
      .updateTable("progress_update")
      .set({ submitted_at: new Date(Date.now() - 40 * 86_400_000) })
      .where("organisation_id", "=", f.first.id)
      .execute();
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await handle?.close();
  });

  const staleFlags = async (app: FastifyInstance) => {
    const response = await getPage(app, undefined, `/api/v1/organisations/${f.first.slug}`);
    return (response.json() as { actions: Array<{ stale: boolean }> }).actions.map((a) => a.stale);
  };

  it("is 180 days unless configured; pages and API follow the configuration", async () => {
    const usual = await appWith();
    expect(await staleFlags(usual)).toEqual([false]);
    const page = await getPage(usual, undefined, `/organisations/${f.first.slug}`);
    expect(page.body).toContain("0 have had no update for more than 180 days");

    const strict = await appWith(30);
    expect(await staleFlags(strict)).toEqual([true]);
    const strictPage = await getPage(strict, undefined, `/organisations/${f.first.slug}`);
    expect(strictPage.body).toContain("1 has had no update for more than 30 days");
    expect(strictPage.body).toContain('name="staleAfterDays" value="30"');
    // A reader's own period still wins on the page.
    const asked = await getPage(strict, undefined, `/organisations/${f.first.slug}?staleAfterDays=60`);
    expect(asked.body).toContain("0 have had no update for more than 60 days");
  });
});
