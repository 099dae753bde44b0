import { describe, expect, it } from "vitest";
import { detailsForm, makeRouteMap, refusal } from "../../../test/support/editing-fixtures.ts";
import { editingDatabase } from "../../../test/support/editing-setup.ts";
import { ConflictError, ForbiddenError } from "../../platform/errors.ts";
import * as drafts from "./edition-drafts.service.ts";
import * as items from "./edition-items.service.ts";
import { getEditionById, getLatestEdition } from "./route-map.service.ts";

// Publishing a draft and discarding one (edition-drafts.service.ts), kept apart from starting
// and editing drafts only to keep each test file short.

const { db, editor, run, draftOf } = await editingDatabase();

describe("publishing and discarding", () => {
  it("refuses a date that is not real, incomplete, or before the previous edition's", async () => {
    const draft = await draftOf(await makeRouteMap(db));
    const target = { editionId: draft.id, version: draft.version };
    const message = async (day: string, month: string, year: string) =>
      (await refusal(run((trx) => drafts.publishEdition(trx, editor, { ...target, day, month, year }))))
        .fields.lastUpdated;
    expect(await message("31", "2", "2025")).toBe("Enter a real date, for example 1 12 2025");
    expect(await message("", "", "")).toBe("Enter the date this edition was last updated");
    expect(await message("1", "", "2025")).toBe("The date must include a month");
    expect(await message("first", "12", "2025")).toBe("Enter a real date, for example 1 12 2025");
    expect(await message("11", "6", "2024")).toBe(
      "The date must be on or after 12 June 2024, when the previous edition was last updated",
    );
    expect((await getEditionById(db, editor, draft.id)).status).toBe("draft");
  });

  it("publishes with its last-updated date: the route map shows it, and it can no longer be changed", async () => {
    const fixture = await makeRouteMap(db);
    const draft = await draftOf(fixture);
    const { version } = await run((trx) =>
      items.addItem(trx, editor, {
        editionId: draft.id,
        version: draft.version,
        section: "action",
        text: "Scottish Government to convene dialogue with all key partners.",
      }),
    );
    const published = await run((trx) =>
      drafts.publishEdition(trx, editor, {
        editionId: draft.id,
        version,
        day: "1",
        month: "12",
        year: "2025",
      }),
    );
    expect(published).toEqual({
      themeSlug: fixture.themeSlug,
      label: "December 2025",
      lastUpdated: "2025-12-01",
    });

    const latest = await getLatestEdition(db, fixture.themeSlug);
    expect(latest.id).toBe(draft.id);
    expect(latest.status).toBe("published");
    expect(latest.lastUpdated).toBe("2025-12-01");
    expect(latest.actions.at(-1)!.text).toBe(
      "Scottish Government to convene dialogue with all key partners.",
    );

    // The editor who still has the page open, with the right version: published editions are not edited.
    const current = latest.version;
    const forbidden = await refusal(
      run((trx) => drafts.updateDetails(trx, editor, detailsForm(draft.id, current))),
    );
    expect(forbidden).toBeInstanceOf(ForbiddenError);
    expect(forbidden.message).toMatch(/published editions cannot be changed/);
    // Another editor with an older form: told it was published meanwhile.
    const conflict = await refusal(
      run((trx) =>
        items.deleteItem(trx, editor, { editionId: draft.id, version, itemId: latest.outcomes[0]!.id }),
      ),
    );
    expect(conflict).toBeInstanceOf(ConflictError);
    expect(conflict.message).toMatch(/published this edition/);

    // A new draft can be started again, copied from the new edition.
    const next = await draftOf(fixture);
    expect(next.copiedFromId).toBe(draft.id);
    const audit = await db
      .selectFrom("audit_event")
      .selectAll()
      .where("action", "=", "route_map_edition.publish")
      .where("entity_id", "=", String(draft.id))
      .executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ status: "draft" });
    expect(audit.after).toMatchObject({ status: "published", last_updated: "2025-12-01" });
  });

  it("keeps a label the editor chose, and allows the same date as the previous edition", async () => {
    const fixture = await makeRouteMap(db);
    const draft = await draftOf(fixture);
    const { version } = await run((trx) =>
      drafts.updateDetails(
        trx,
        editor,
        detailsForm(draft.id, draft.version, { label: "June 2024 (corrected)" }),
      ),
    );
    const published = await run((trx) =>
      drafts.publishEdition(trx, editor, {
        editionId: draft.id,
        version,
        day: "12",
        month: "06",
        year: "2024",
      }),
    );
    expect(published.label).toBe("June 2024 (corrected)");
  });

  it("discarding deletes the draft and its items; the published edition is untouched", async () => {
    const fixture = await makeRouteMap(db);
    const draft = await draftOf(fixture);
    const result = await run((trx) =>
      drafts.discardDraft(trx, editor, { editionId: draft.id, version: draft.version }),
    );
    expect(result.themeSlug).toBe(fixture.themeSlug);
    expect(
      await db.selectFrom("route_map_edition").select("id").where("id", "=", draft.id).execute(),
    ).toEqual([]);
    expect(
      await db.selectFrom("edition_item").select("id").where("edition_id", "=", draft.id).execute(),
    ).toEqual([]);
    expect((await getLatestEdition(db, fixture.themeSlug)).id).toBe(fixture.publishedId);
    const audit = await db
      .selectFrom("audit_event")
      .selectAll()
      .where("action", "=", "route_map_edition.discard")
      .where("entity_id", "=", String(draft.id))
      .executeTakeFirstOrThrow();
    expect((audit.before as { items: unknown[] }).items.length).toBeGreaterThan(5);
  });

  it("a published edition cannot be discarded", async () => {
    const fixture = await makeRouteMap(db);
    const published = await getLatestEdition(db, fixture.themeSlug);
    expect(
      await refusal(
        run((trx) =>
          drafts.discardDraft(trx, editor, { editionId: published.id, version: published.version }),
        ),
      ),
    ).toBeInstanceOf(ForbiddenError);
    expect((await getLatestEdition(db, fixture.themeSlug)).id).toBe(published.id);
  });
});
