import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { auditCount } from "../../../test/support/editing-fixtures.ts";
import { createSector, unique } from "../../../test/support/factories.ts";
import { getPage, postForm, signIn, testApp } from "../../../test/support/http.ts";

// Keeping the register over HTTP: an editor adds an organisation with its kind, area code and
// sectors, and changes them later; bad input comes back with a message per field and saves
// nothing; readers and the public may not.

const handle = await createTestDatabase("empty");
const app = await testApp(handle.db);
afterAll(async () => {
  await app.close();
  await handle.close();
});
const db = handle.db;
const editor = await signIn(app, db, "programme_editor");
const reader = await signIn(app, db, "reader");
const health = await createSector(db, { name: "Health Boards" });
const thirdSector = await createSector(db, { name: "Third Sector" });

/** The version the organisation's change form carries now. */
async function versionOf(slug: string): Promise<number> {
  const row = await db
    .selectFrom("organisation")
    .select("version")
    .where("slug", "=", slug)
    .executeTakeFirst();
  return row?.version ?? 0;
}

async function auditOf(slug: string) {
  const organisation = await db
    .selectFrom("organisation")
    .select("id")
    .where("slug", "=", slug)
    .executeTakeFirstOrThrow();
  return db
    .selectFrom("audit_event")
    .select(["action", "before", "after"])
    .where("entity_type", "=", "organisation")
    .where("entity_id", "=", String(organisation.id))
    .orderBy("id")
    .execute();
}

describe("adding an organisation", () => {
  it("adds it with its kind, area code and sectors, shows it, and audits both", async () => {
    const name = unique("NHS Orkney");
    const form = await getPage(app, editor, "/manage/organisations/new");
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain("Add an organisation");
    const added = await postForm(app, editor, "/manage/organisations", {
      name,
      type: "health_board",
      areaCode: "S08000025",
      sectors: String(health.id),
    });
    expect(added.statusCode).toBe(303);
    const slug = /\/organisations\/([^?]+)\?saved=organisation$/.exec(String(added.headers.location))![1]!;
    const page = await getPage(app, editor, `/organisations/${slug}?saved=organisation`);
    expect(page.body).toContain("Saved: its kind, area code and sectors are as shown below.");
    expect(page.body).toContain("Health board");
    expect(page.body).toContain("S08000025");
    expect(page.body).toContain(health.name);
    expect((await auditOf(slug)).map((e) => e.action)).toEqual([
      "organisation.create",
      "organisation.sectors",
    ]);
    // The public never sees the notice or the link to change it.
    const asPublic = await getPage(app, undefined, `/organisations/${slug}?saved=organisation`);
    expect(asPublic.body).not.toContain("Saved:");
    expect(asPublic.body).not.toContain("/manage/organisations/");
    expect((await getPage(app, undefined, "/organisations")).body).not.toContain("Add an organisation");
    expect((await getPage(app, editor, "/organisations")).body).toContain("Add an organisation");
  });

  it("refuses every mistake at once, naming each field, and saves nothing", async () => {
    const before = await auditCount(db);
    const refused = await postForm(app, editor, "/manage/organisations", {
      name: "",
      type: "club",
      areaCode: "12",
      sectors: "999999",
    });
    expect(refused.statusCode).toBe(400);
    for (const message of [
      "Enter the organisation",
      "Choose the kind of organisation",
      "Enter the area code as an S followed by 8 digits",
      "Choose sectors from the list",
    ])
      expect(refused.body).toContain(message);
    expect(refused.body).toContain('value="12"');
    const name = unique("CCPS");
    await postForm(app, editor, "/manage/organisations", { name, type: "third_sector" });
    const twice = await postForm(app, editor, "/manage/organisations", { name: name.toUpperCase() });
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain("The register already has");
    expect(await auditCount(db)).toBe(before + 1);
  });

  it("is for those who keep the register only", async () => {
    expect((await getPage(app, reader, "/manage/organisations/new")).statusCode).toBe(403);
    const asReader = await postForm(app, reader, "/manage/organisations", { name: unique("Nope") });
    expect(asReader.statusCode).toBe(403);
    const asPublic = await getPage(app, undefined, "/manage/organisations/new");
    expect(asPublic.statusCode).toBe(303);
    expect(asPublic.headers.location).toContain("/sign-in");
  });
});

describe("changing an organisation", () => {
  it("says what kind an organisation from minutes is and which sectors it is in; an unchanged form audits nothing", async () => {
    const name = unique("Who Cares Scotland");
    await db
      .insertInto("organisation")
      .values({ slug: name.toLowerCase().replaceAll(" ", "-"), name, type: "other" })
      .execute();
    const slug = name.toLowerCase().replaceAll(" ", "-");
    const form = await getPage(app, editor, `/manage/organisations/${slug}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`Change ${name}`);
    expect((await getPage(app, editor, `/organisations/${slug}`)).body).toContain(
      `/manage/organisations/${slug}`,
    );

    const fields = { type: "third_sector", areaCode: "", sectors: String(thirdSector.id) };
    const changed = await postForm(app, editor, `/manage/organisations/${slug}`, {
      ...fields,
      version: await versionOf(slug),
    });
    expect(changed.statusCode).toBe(303);
    expect(changed.headers.location).toBe(`/organisations/${slug}?saved=organisation`);
    expect(await auditOf(slug)).toEqual([
      {
        action: "organisation.classify",
        before: { type: "other", areaCode: null },
        after: { type: "third_sector", areaCode: null },
      },
      { action: "organisation.sectors", before: { sectors: [] }, after: { sectors: [thirdSector.slug] } },
    ]);
    const page = await getPage(app, editor, `/organisations/${slug}`);
    expect(page.body).toContain("Third sector");
    expect(page.body).toContain(thirdSector.name);

    const before = await auditCount(db);
    const again = { ...fields, version: await versionOf(slug) };
    expect((await postForm(app, editor, `/manage/organisations/${slug}`, again)).statusCode).toBe(303);
    expect(await auditCount(db)).toBe(before);
  });

  it("refuses bad input with the form again, and answers 404 for an organisation that is not there", async () => {
    const name = unique("Staf");
    const slug = name.toLowerCase().replaceAll(" ", "-");
    await db.insertInto("organisation").values({ slug, name, type: "third_sector" }).execute();
    const before = await auditCount(db);
    const refused = await postForm(app, editor, `/manage/organisations/${slug}`, {
      version: await versionOf(slug),
      type: "club",
      sectors: "not-a-sector",
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("Choose the kind of organisation");
    expect(refused.body).toContain("Choose sectors from the list");
    expect(await auditCount(db)).toBe(before);
    expect((await getPage(app, editor, "/manage/organisations/no-such-organisation")).statusCode).toBe(404);
    expect(
      (await postForm(app, editor, "/manage/organisations/no-such-organisation", { type: "other" }))
        .statusCode,
    ).toBe(404);
    expect((await postForm(app, reader, `/manage/organisations/${slug}`, { type: "other" })).statusCode).toBe(
      403,
    );
  });
});
