import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { createSector, createTheme } from "../../../test/support/factories.ts";
import { importFixture } from "../../../test/support/import-fixtures.ts";
import { SEEDS_DIR, seedFile } from "../../../test/support/seeds.ts";
import type { Actor } from "../../platform/actor.ts";
import type { DatabaseHandle } from "../../platform/database.ts";
import { createUser } from "../accounts/user.service.ts";
import { editorByEmail, importRouteMapPage } from "./import.service.ts";

async function counts(handle: DatabaseHandle) {
  const editions = await handle.db
    .selectFrom("route_map_edition")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const documents = await handle.db
    .selectFrom("imported_document")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return { editions: Number(editions.n), documents: Number(documents.n) };
}

describe("importing route-map pages into Waymark", () => {
  let handle: DatabaseHandle;
  let editor: Actor;

  beforeAll(async () => {
    handle = await createTestDatabase("empty");
    await createUser(handle.db, {
      email: "editor@example.org",
      name: "Edie Editor",
      grants: [{ role: "programme_editor" }],
      password: "a long enough password",
    });
    await createUser(handle.db, {
      email: "reader@example.org",
      name: "Rae Reader",
      grants: [{ role: "reader" }],
      password: "a long enough password",
    });
    editor = await editorByEmail(handle.db, "Editor@Example.org");
    for (const name of ["Local Authorities", "Third Sector", "Scottish Government"]) {
      await createSector(handle.db, { name });
    }
  });
  afterAll(() => handle.close());

  it("imports only as an existing editor", async () => {
    await expect(editorByEmail(handle.db, "nobody@example.org")).rejects.toThrow(/no account with the email/);
    await expect(editorByEmail(handle.db, "reader@example.org")).rejects.toThrow(/is not an editor/);
  });

  it("names a theme Waymark does not have, and saves nothing", async () => {
    const before = await counts(handle);
    await expect(
      importRouteMapPage(handle.db, editor, { fileName: "k.txt", bytes: importFixture("2025-kinship.txt") }),
    ).rejects.toThrow(/There is no route map called “Kinship care”/);
    expect(await counts(handle)).toEqual(before);
  });

  it("creates a draft edition from a page, keeps its source, and the same page again changes nothing", async () => {
    await createTheme(handle.db, { name: "Kinship care", slug: "kinship" });
    const before = await counts(handle);
    const first = await importRouteMapPage(handle.db, editor, {
      fileName: "2025-kinship.txt",
      bytes: importFixture("2025-kinship.txt"),
    });
    expect(first.outcome).toBe("created");
    expect(await counts(handle)).toEqual({ editions: before.editions + 1, documents: before.documents + 1 });

    const edition = await handle.db
      .selectFrom("route_map_edition")
      .selectAll()
      .where("id", "=", first.editionId!)
      .executeTakeFirstOrThrow();
    expect([edition.status, edition.label, edition.source]).toEqual([
      "draft",
      "March 2026",
      "import: 2025-kinship.txt",
    ]);
    const source = await handle.db
      .selectFrom("imported_document")
      .selectAll()
      .where("edition_id", "=", edition.id)
      .executeTakeFirstOrThrow();
    expect(source.text).toBe(importFixture("2025-kinship.txt").toString("utf8"));
    expect(source.content_hash).toBe(first.contentHash);
    const actions = await handle.db
      .selectFrom("edition_item")
      .select(["text", "parent_id"])
      .where("edition_id", "=", edition.id)
      .where("section", "=", "action")
      .execute();
    expect(actions).toHaveLength(6); // three actions, three sub-items

    const again = await importRouteMapPage(handle.db, editor, {
      fileName: "copy-of-kinship.txt",
      bytes: importFixture("2025-kinship.txt"),
    });
    expect([again.outcome, again.editionId]).toEqual(["skipped", first.editionId]);
    expect(again.reason).toMatch(/imported before, from 2025-kinship.txt/);
    expect(await counts(handle)).toEqual({ editions: before.editions + 1, documents: before.documents + 1 });
  });

  it("matches a page to the theme's draft instead of starting a second one", async () => {
    const before = await counts(handle);
    const result = await importRouteMapPage(handle.db, editor, {
      fileName: "2024-kinship.txt",
      bytes: importFixture("2024-kinship.txt"),
    });
    expect(result.outcome).toBe("matched");
    expect(result.reason).toMatch(/already has a draft/);
    expect(await counts(handle)).toEqual(before);
  });

  it("refuses a document that is not a route map, saving nothing", async () => {
    const before = await counts(handle);
    await expect(
      importRouteMapPage(handle.db, editor, {
        fileName: "minutes.txt",
        bytes: importFixture("not-a-route-map.txt"),
      }),
    ).rejects.toThrow(/not recognised as a route map/);
    expect(await counts(handle)).toEqual(before);
  });
});

const december2025Seed = seedFile("003_");
const june2024Seed = seedFile("000_");
if (!december2025Seed || !june2024Seed) {
  console.warn(`Skipping the import of the real Leadership pages: no seeds in ${SEEDS_DIR}.`);
}

describe.skipIf(!december2025Seed || !june2024Seed)(
  "importing the real Leadership pages over the demo data",
  () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await createTestDatabase("demo");
    });
    afterAll(() => handle.close());

    it("matches each page to the published edition that already says the same, and creates nothing", async () => {
      const editor = await handle.db
        .selectFrom("app_user")
        .innerJoin("user_role", "user_role.user_id", "app_user.id")
        .select("email")
        .where("user_role.role", "=", "programme_editor")
        .executeTakeFirstOrThrow();
      const actor = await editorByEmail(handle.db, editor.email);
      const before = await counts(handle);
      const result = await importRouteMapPage(handle.db, actor, {
        fileName: "003.txt",
        bytes: fs.readFileSync(december2025Seed!),
      });
      expect([result.outcome, result.reason]).toEqual([
        "matched",
        expect.stringMatching(/December 2025 edition already says the same/),
      ]);
      const june = await importRouteMapPage(handle.db, actor, {
        fileName: "000.txt",
        bytes: fs.readFileSync(june2024Seed!),
      });
      expect([june.outcome, june.reason]).toEqual([
        "matched",
        expect.stringMatching(/June 2024 edition already says the same/),
      ]);
      expect(await counts(handle)).toEqual(before);
    });
  },
);
