import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { createSector, unique } from "../../../test/support/factories.ts";
import { getPage, postForm, signIn, testApp } from "../../../test/support/http.ts";

// Two editors open the same organisation's change form and both save: the first is saved, the
// second is refused (409) with what they chose kept and what the first saved shown beside it.

const handle = await createTestDatabase("empty");
const app = await testApp(handle.db);
afterAll(async () => {
  await app.close();
  await handle.close();
});
const db = handle.db;
const alice = await signIn(app, db, "programme_editor");
const bob = await signIn(app, db, "administrator");
const health = await createSector(db, { name: unique("Health Boards") });

function versionIn(body: string): string {
  const match = /name="version" value="(\d+)"/.exec(body);
  expect(match, "a version in the form").not.toBeNull();
  return match![1]!;
}

describe("two people changing one organisation", () => {
  it("saves the first, refuses the second with both shown, and overwrites nothing", async () => {
    const name = unique("NHS Orkney");
    const slug = name.toLowerCase().replaceAll(" ", "-");
    await db.insertInto("organisation").values({ slug, name, type: "other" }).execute();
    const path = `/manage/organisations/${slug}`;
    const aliceVersion = versionIn((await getPage(app, alice, path)).body);
    const bobVersion = versionIn((await getPage(app, bob, path)).body);

    const first = await postForm(app, alice, path, {
      type: "health_board",
      areaCode: "S08000025",
      sectors: String(health.id),
      version: aliceVersion,
    });
    expect(first.statusCode).toBe(303);

    const second = await postForm(app, bob, path, {
      type: "third_sector",
      areaCode: "",
      version: bobVersion,
    });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain("Your change has not been saved");
    expect(second.body).toMatch(/<option value="third_sector" selected>/);
    expect(second.body).toContain("Saved version now:");
    expect(second.body).toContain("S08000025");
    expect(second.body).toContain("Health board");

    const saved = await db
      .selectFrom("organisation")
      .select(["type", "area_code"])
      .where("slug", "=", slug)
      .executeTakeFirstOrThrow();
    expect(saved).toEqual({ type: "health_board", area_code: "S08000025" });
    const sectors = await db
      .selectFrom("organisation_sector as os")
      .innerJoin("organisation as o", "o.id", "os.organisation_id")
      .select("os.sector_id")
      .where("o.slug", "=", slug)
      .execute();
    expect(sectors.map((s) => s.sector_id)).toEqual([health.id]);

    // The refused form carries the version as it is now: Bob may save again, having seen it.
    const again = await postForm(app, bob, path, {
      type: "third_sector",
      areaCode: "",
      version: versionIn(second.body),
    });
    expect(again.statusCode).toBe(303);
  });
});
