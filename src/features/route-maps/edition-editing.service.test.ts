import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { makeRouteMap, makeUser, refusal } from "../../../test/support/editing-fixtures.ts";
import type { Actor } from "../../platform/actor.ts";
import type { DatabaseHandle, Db } from "../../platform/database.ts";
import { ForbiddenError } from "../../platform/errors.ts";
import * as drafts from "./edition-drafts.service.ts";
import * as editing from "./edition-editing.service.ts";

let handle: DatabaseHandle;
let db: Db;
let editor: Actor;
let reader: Actor;

beforeAll(async () => {
  handle = await createTestDatabase("empty");
  db = handle.db;
  editor = await makeUser(db, "editor");
  reader = await makeUser(db, "reader");
});
afterAll(() => handle.close());

describe("the editors' overview", () => {
  it("lists each route map with its latest published edition and its draft", async () => {
    const fixture = await makeRouteMap(db);
    const { editionId } = await db
      .transaction()
      .execute((trx) => drafts.startDraft(trx, editor, { themeSlug: fixture.themeSlug }));
    const list = await editing.listRouteMapsForEditing(db, editor);
    const entry = list.find((r) => r.theme.slug === fixture.themeSlug)!;
    expect(entry.latest).toMatchObject({
      id: fixture.publishedId,
      label: "June 2024",
      lastUpdated: "2024-06-12",
    });
    expect(entry.draft).toMatchObject({ id: editionId, status: "draft" });
    expect(await refusal(editing.listRouteMapsForEditing(db, reader))).toBeInstanceOf(ForbiddenError);
  });
});
