import { describe, expect, it } from "vitest";
import { auditCount, detailsForm, makeRouteMap, refusal } from "../../../test/support/editing-fixtures.ts";
import { editingDatabase } from "../../../test/support/editing-setup.ts";
import { PUBLIC } from "../../platform/actor.ts";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from "../../platform/errors.ts";
import * as drafts from "./edition-drafts.service.ts";
import { CONFLICT_MESSAGE } from "./edition-editing.guard.ts";
import { getEditionById, getLatestEdition, listEditions } from "./route-map.service.ts";

const { db, editor, reader, run, draftOf } = await editingDatabase();

describe("starting a new edition", () => {
  it("copies every item of the latest published edition with the same key, sub-items under their copied parent", async () => {
    const fixture = await makeRouteMap(db);
    const published = await getLatestEdition(db, fixture.themeSlug);
    const { editionId, created } = await run((trx) =>
      drafts.startDraft(trx, editor, { themeSlug: fixture.themeSlug }),
    );
    expect(created).toBe(true);
    const draft = await getEditionById(db, editor, editionId);

    expect(draft.status).toBe("draft");
    expect(draft.copiedFromId).toBe(published.id);
    expect(draft.lastUpdated).toBeNull();
    expect(draft.label).toBe(drafts.NEW_EDITION_LABEL);
    expect(draft.stateOfPlay).toBe(published.stateOfPlay);
    const shape = (e: typeof draft) => ({
      outcomes: e.outcomes.map((o) => [o.key, o.text, o.pageRefs]),
      actions: e.actions.map((a) => [a.key, a.text, a.children.map((c) => [c.key, c.text])]),
      milestones: e.milestones.map((m) => [m.year, m.items.map((i) => [i.key, i.text])]),
      sectors: e.sectors.map((s) => [s.key, s.sectorId]),
      helping: e.helping.map((i) => [i.key, i.text]),
      whatMatters: e.whatMatters.map((i) => [i.key, i.text]),
      mappings: e.mappings.map((m) => [m.framework, m.items.map((i) => [i.key, i.text])]),
    });
    expect(shape(draft)).toEqual(shape(published));
    expect(draft.actions[0]!.children).toHaveLength(2);
    // New rows, not the published edition's rows.
    expect(draft.actions[0]!.id).not.toBe(published.actions[0]!.id);
    const childParents = await db
      .selectFrom("edition_item")
      .select("parent_id")
      .where("edition_id", "=", editionId)
      .where("parent_id", "is not", null)
      .execute();
    expect(childParents.map((c) => c.parent_id)).toEqual([draft.actions[0]!.id, draft.actions[0]!.id]);

    const audit = await db
      .selectFrom("audit_event")
      .selectAll()
      .where("entity_type", "=", "route_map_edition")
      .where("entity_id", "=", String(editionId))
      .execute();
    expect(audit.map((a) => [a.action, a.actor_id])).toEqual([
      ["route_map_edition.start_draft", editor.kind === "user" ? editor.id : null],
    ]);
  });

  it("a second start finds the existing draft instead of making another", async () => {
    const fixture = await makeRouteMap(db);
    const first = await run((trx) => drafts.startDraft(trx, editor, { themeSlug: fixture.themeSlug }));
    const second = await run((trx) => drafts.startDraft(trx, editor, { themeSlug: fixture.themeSlug }));
    expect(second).toEqual({ editionId: first.editionId, created: false });
    const { editions } = await listEditions(db, editor, fixture.themeSlug);
    expect(editions.filter((e) => e.status === "draft")).toHaveLength(1);
  });

  it("two editors starting at the same moment end up on one draft", async () => {
    const fixture = await makeRouteMap(db);
    const results = await Promise.all([
      run((trx) => drafts.startDraft(trx, editor, { themeSlug: fixture.themeSlug })),
      run((trx) => drafts.startDraft(trx, editor, { themeSlug: fixture.themeSlug })),
    ]);
    expect(results[0]!.editionId).toBe(results[1]!.editionId);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
  });

  it("a route map never published starts from an empty draft", async () => {
    const fixture = await makeRouteMap(db, { published: false });
    const draft = await draftOf(fixture);
    expect(draft.copiedFromId).toBeNull();
    expect(draft.outcomes).toEqual([]);
    expect(draft.actions).toEqual([]);
    expect(draft.stateOfPlayTitle).toBe("Where is Scotland now?");
  });

  it("only editors may start one: the public must sign in, a reader is refused, nothing is written", async () => {
    const fixture = await makeRouteMap(db);
    const before = await auditCount(db);
    expect(
      await refusal(run((trx) => drafts.startDraft(trx, PUBLIC, { themeSlug: fixture.themeSlug }))),
    ).toBeInstanceOf(UnauthenticatedError);
    expect(
      await refusal(run((trx) => drafts.startDraft(trx, reader, { themeSlug: fixture.themeSlug }))),
    ).toBeInstanceOf(ForbiddenError);
    expect((await listEditions(db, editor, fixture.themeSlug)).editions).toHaveLength(1);
    expect(await auditCount(db)).toBe(before);
  });

  it("an unknown route map is not found", async () => {
    expect(
      await refusal(run((trx) => drafts.startDraft(trx, editor, { themeSlug: "no-such-theme" }))),
    ).toBeInstanceOf(NotFoundError);
  });
});

describe("editing an edition's details", () => {
  it("saves the text, moves the version on and records before and after", async () => {
    const draft = await draftOf(await makeRouteMap(db));
    const { version } = await run((trx) =>
      drafts.updateDetails(trx, editor, detailsForm(draft.id, draft.version)),
    );
    expect(version).toBe(draft.version + 1);
    const saved = await getEditionById(db, editor, draft.id);
    expect(saved.label).toBe("December 2025");
    expect(saved.stateOfPlay).toBe("Work underway aligns with the Public Service Reform Strategy.");
    expect(saved.layout).toBe("outcomes");
    const audit = await db
      .selectFrom("audit_event")
      .selectAll()
      .where("action", "=", "route_map_edition.update_details")
      .where("entity_id", "=", String(draft.id))
      .executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ label: drafts.NEW_EDITION_LABEL, version: draft.version });
    expect(audit.after).toMatchObject({ label: "December 2025", version: draft.version + 1 });
  });

  it("when two editors save the same version, the second is refused and the first's text stays", async () => {
    const draft = await draftOf(await makeRouteMap(db));
    await run((trx) =>
      drafts.updateDetails(
        trx,
        editor,
        detailsForm(draft.id, draft.version, { stateOfPlay: "First editor's words." }),
      ),
    );
    const error = await refusal(
      run((trx) =>
        drafts.updateDetails(
          trx,
          editor,
          detailsForm(draft.id, draft.version, { stateOfPlay: "Second editor's words." }),
        ),
      ),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe(CONFLICT_MESSAGE);
    const saved = await getEditionById(db, editor, draft.id);
    expect(saved.stateOfPlay).toBe("First editor's words.");
    expect(saved.version).toBe(draft.version + 1);
  });

  it("two saves racing with the same version: exactly one lands", async () => {
    const draft = await draftOf(await makeRouteMap(db));
    const results = await Promise.allSettled(
      ["Words A.", "Words B."].map((stateOfPlay) =>
        run((trx) =>
          drafts.updateDetails(trx, editor, detailsForm(draft.id, draft.version, { stateOfPlay })),
        ),
      ),
    );
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toBeInstanceOf(ConflictError);
    expect((await getEditionById(db, editor, draft.id)).version).toBe(draft.version + 1);
  });

  it("names each field that is empty, too long or not a choice, and saves nothing", async () => {
    const draft = await draftOf(await makeRouteMap(db));
    const before = await auditCount(db);
    const error = await refusal(
      run((trx) =>
        drafts.updateDetails(
          trx,
          editor,
          detailsForm(draft.id, draft.version, {
            label: "   ",
            stateOfPlayTitle: "x".repeat(201),
            stateOfPlay: "y".repeat(10_001),
            layout: "timeline",
          }),
        ),
      ),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.status).toBe(400);
    expect(Object.keys(error.fields)).toEqual(["label", "stateOfPlayTitle", "stateOfPlay", "layout"]);
    expect(error.fields.stateOfPlayTitle).toMatch(/200 characters or fewer/);
    expect(error.fields.stateOfPlay).toMatch(/10,000 characters or fewer/);
    const saved = await getEditionById(db, editor, draft.id);
    expect(saved.label).toBe(drafts.NEW_EDITION_LABEL);
    expect(saved.version).toBe(draft.version);
    expect(await auditCount(db)).toBe(before);
  });

  it("saves text with characters the database cannot hold (NUL, broken surrogates) by leaving them out", async () => {
    const draft = await draftOf(await makeRouteMap(db));
    await run((trx) =>
      drafts.updateDetails(
        trx,
        editor,
        detailsForm(draft.id, draft.version, {
          label: "Dec\u0000ember 2025",
          stateOfPlay: "Broken \ud800 text",
        }),
      ),
    );
    const saved = await getEditionById(db, editor, draft.id);
    expect(saved.label).toBe("December 2025");
    expect(saved.stateOfPlay).toBe("Broken \ufffd text");
  });

  it("accepts text at exactly the limits", async () => {
    const draft = await draftOf(await makeRouteMap(db));
    await run((trx) =>
      drafts.updateDetails(
        trx,
        editor,
        detailsForm(draft.id, draft.version, { label: "l".repeat(200), stateOfPlay: "s".repeat(10_000) }),
      ),
    );
    expect((await getEditionById(db, editor, draft.id)).label).toHaveLength(200);
  });

  it("a reader cannot change anything", async () => {
    const draft = await draftOf(await makeRouteMap(db));
    expect(
      await refusal(run((trx) => drafts.updateDetails(trx, reader, detailsForm(draft.id, draft.version)))),
    ).toBeInstanceOf(ForbiddenError);
  });

  it("an edition that does not exist is not found", async () => {
    expect(
      await refusal(run((trx) => drafts.updateDetails(trx, editor, detailsForm(2_000_000_000, 1)))),
    ).toBeInstanceOf(NotFoundError);
  });
});
