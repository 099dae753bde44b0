import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AccountabilityFixture,
  makeAccountability,
} from "../../../test/support/accountability-fixtures.ts";
import { createTestDatabase } from "../../../test/support/database.ts";
import { createEdition, createTheme, unique } from "../../../test/support/factories.ts";
import { getPage, testApp } from "../../../test/support/http.ts";
import type { DatabaseHandle } from "../../platform/database.ts";
import { saveResponsibility } from "../accountability/responsibility.service.ts";

// An organisation's page lists what it must act on; a long list is narrowed by a GET form (no
// JavaScript): overdue, no recent update, where it leads, and one route map.
//
// The second organisation of the accountability fixture is partner on action 1 (due 2025, so
// overdue), leads action 2 through its sector (due 2028); here it also leads the one action of a
// second route map (due 2030). Nobody has given an update, so all three have no recent update.

describe("narrowing an organisation's list of actions", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let f: AccountabilityFixture;
  let otherTheme: { slug: string; name: string };
  const otherAction = "Hold a yearly gathering of kinship carers in every council area.";

  beforeAll(async () => {
    handle = await createTestDatabase("empty");
    app = await testApp(handle.db);
    f = await makeAccountability(handle.db);
    const slug = unique("kinship-care");
    const theme = await createTheme(handle.db, { slug, name: `Kinship care ${slug.slice(-8)}` });
    otherTheme = { slug, name: `Kinship care ${slug.slice(-8)}` };
    const edition = await createEdition(handle.db, { themeId: theme.id, actions: [otherAction] });
    const key = await handle.db
      .selectFrom("edition_item")
      .select("key")
      .where("edition_id", "=", edition.id)
      .where("section", "=", "action")
      .executeTakeFirstOrThrow();
    await handle.db.transaction().execute((trx) =>
      saveResponsibility(trx, f.editor, {
        themeSlug: slug,
        key: key.key,
        version: 0,
        leadOrganisations: String(f.second.id),
        dueYear: "2030",
      }),
    );
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  const listed = async (query: string) => {
    const page = await getPage(app, undefined, `/organisations/${f.second.slug}${query}`);
    expect(page.statusCode).toBe(200);
    const body = page.body;
    const caption = /<caption[^>]*>([^<]*)<\/caption>/.exec(body)?.[1] ?? null;
    const actions = [
      "promise keeper model",
      "forums of people with lived experience",
      "Scottish Government to convene",
      otherAction,
    ].filter((text) => body.includes(text));
    return { body, caption, actions };
  };

  it("lists every action by default, with the number each choice would show", async () => {
    const all = await listed("");
    expect(all.actions).toEqual([
      "promise keeper model",
      "forums of people with lived experience",
      otherAction,
    ]);
    for (const choice of ["All (3)", "Overdue (1)", "No recent update (3)", "Where it leads (2)"]) {
      expect(all.body).toContain(choice);
    }
    expect(all.body).toContain(`All route maps (3)`);
    expect(all.body).toContain(`${otherTheme.name} (1)`);
    expect(all.caption).toMatch(/must act on, leads first$/);
  });

  it("shows only the overdue actions, or only those it leads", async () => {
    const overdue = await listed("?show=overdue");
    expect(overdue.actions).toEqual(["promise keeper model"]);
    expect(overdue.caption).toMatch(/\(showing: overdue\)$/);
    expect(overdue.body).toMatch(/id="show-overdue" name="show" value="overdue" checked/);

    const leads = await listed("?show=lead");
    expect(leads.actions).toEqual(["forums of people with lived experience", otherAction]);
  });

  it("shows one route map, counting within it, and says so when nothing matches", async () => {
    const one = await listed(`?theme=${otherTheme.slug}`);
    expect(one.actions).toEqual([otherAction]);
    expect(one.caption).toContain(`in the ${otherTheme.name} route map`);
    expect(one.body).toContain("Overdue (0)");

    const none = await listed(`?theme=${otherTheme.slug}&show=overdue`);
    expect(none.caption).toBeNull();
    expect(none.body).toContain("No action matches what you chose to show.");
    expect(none.body).toContain(`href="/organisations/${f.second.slug}">Show all 3 actions`);
  });

  it("shows everything for a choice it does not know, rather than refusing the page", async () => {
    const odd = await listed("?show=everything%3Cscript%3E&theme=NOT%20A%20SLUG");
    expect(odd.actions).toHaveLength(3);
    expect(odd.body).not.toContain("<script>");
  });
});
