import { describe, expect, it } from "vitest";
import { makeRouteMap, refusal } from "../../../test/support/editing-fixtures.ts";
import { editingDatabase } from "../../../test/support/editing-setup.ts";
import { ForbiddenError } from "../../platform/errors.ts";
import * as drafts from "./edition-drafts.service.ts";
import * as editing from "./edition-editing.service.ts";

const { db, editor, reader } = await editingDatabase();

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
