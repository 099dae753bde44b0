import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { detailsForm, makeRouteMap, makeUser, refusal } from "../../../test/support/editing-fixtures.ts";
import { editingDatabase } from "../../../test/support/editing-setup.ts";
import type { DatabaseHandle } from "../../platform/database.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../platform/errors.ts";
import { compareEditions } from "./edition-compare.ts";
import * as drafts from "./edition-drafts.service.ts";
import * as items from "./edition-items.service.ts";
import { getEditionById, getLatestEdition } from "./route-map.service.ts";

const { db, editor, run, draftOf } = await editingDatabase();

describe("adding, changing, moving and removing items", () => {
  it("adds an item to the end of its section", async () => {
    const fixture = await makeRouteMap(db);
    const draft = await draftOf(fixture);
    const added = await run((trx) =>
      items.addItem(trx, editor, {
        editionId: draft.id,
        version: draft.version,
        section: "outcome",
        text: "  Leaders model a culture of speaking up.  ",
        pageRefs: "Pg 36",
      }),
    );
    expect(added.section).toBe("outcome");
    const saved = await getEditionById(db, editor, draft.id);
    expect(saved.version).toBe(draft.version + 1);
    expect(saved.outcomes.map((o) => [o.text, o.pageRefs])).toEqual([
      ...draft.outcomes.map((o) => [o.text, o.pageRefs]),
      ["Leaders model a culture of speaking up.", "Pg 36"],
    ]);
    const audit = await db
      .selectFrom("audit_event")
      .selectAll()
      .where("action", "=", "edition_item.add")
      .where("entity_id", "=", String(added.itemId))
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({
      section: "outcome",
      text: "Leaders model a culture of speaking up.",
    });
  });

  it("adds a sub-item under a main action, a milestone in its year, a sector and a mapping", async () => {
    const fixture = await makeRouteMap(db);
    const draft = await draftOf(fixture);
    let version = draft.version;
    const add = async (input: Omit<items.AddItemInput, "editionId" | "version">) => {
      ({ version } = await run((trx) =>
        items.addItem(trx, editor, { editionId: draft.id, version, ...input }),
      ));
    };
    await add({
      section: "action",
      text: "How do we create time and space for learning?",
      parentId: String(draft.actions[0]!.id),
    });
    await add({ section: "milestone", text: "Delivery plans in every local authority.", year: "2028" });
    await add({ section: "sector", sectorId: String(fixture.sectors[1]!.id) });
    await add({ section: "mapping", framework: "shanarri", text: "Safe" });
    await add({ section: "helping", text: "The Whole Family Wellbeing Fund." });
    await add({ section: "what_matters", text: "People who support me are working together." });

    const saved = await getEditionById(db, editor, draft.id);
    expect(saved.actions[0]!.children.map((c) => c.text)).toEqual([
      ...draft.actions[0]!.children.map((c) => c.text),
      "How do we create time and space for learning?",
    ]);
    expect(saved.actions).toHaveLength(draft.actions.length);
    expect(saved.milestones.find((m) => m.year === 2028)!.items.map((i) => i.text)).toEqual([
      "Delivery plans in every local authority.",
    ]);
    expect(saved.sectors.map((s) => s.name)).toEqual([fixture.sectors[0]!.name, fixture.sectors[1]!.name]);
    expect(saved.mappings.find((m) => m.framework === "shanarri")!.items.map((i) => i.text)).toEqual([
      "Safe",
    ]);
    expect(saved.helping.at(-1)!.text).toBe("The Whole Family Wellbeing Fund.");
    expect(saved.whatMatters.at(-1)!.text).toBe("People who support me are working together.");
    expect(saved.version).toBe(draft.version + 6);
  });

  it("refuses bad items with a message for each field, and saves nothing", async () => {
    const fixture = await makeRouteMap(db);
    const other = await draftOf(await makeRouteMap(db));
    const draft = await draftOf(fixture);
    const target = { editionId: draft.id, version: draft.version };
    const fields = async (input: Omit<items.AddItemInput, "editionId" | "version">) => {
      const error = await refusal(run((trx) => items.addItem(trx, editor, { ...target, ...input })));
      expect(error).toBeInstanceOf(ValidationError);
      return error.fields;
    };
    expect(await fields({ section: "outcome", text: "" })).toEqual({ text: "Enter the outcome" });
    expect(await fields({ section: "action", text: "a".repeat(10_001) })).toHaveProperty("text");
    expect(await fields({ section: "outcome", text: "ok", pageRefs: "p".repeat(201) })).toHaveProperty(
      "pageRefs",
    );
    expect(await fields({ section: "milestone", text: "Too late", year: "2031" })).toEqual({
      year: "Choose a year from 2025 to 2030",
    });
    expect(await fields({ section: "milestone", text: "Too early", year: "2024" })).toHaveProperty("year");
    expect(await fields({ section: "milestone", text: "Not a year", year: "soon" })).toHaveProperty("year");
    expect(await fields({ section: "chapter", text: "Anything" })).toEqual({
      section: "Choose a section to add to",
    });
    expect(await fields({ section: "sector", sectorId: "2000000000" })).toEqual({
      sectorId: "Choose a sector from the list",
    });
    expect(await fields({ section: "sector", sectorId: "local-authorities" })).toHaveProperty("sectorId");
    expect(await fields({ section: "sector", sectorId: String(fixture.sectors[0]!.id) })).toEqual({
      sectorId: `${fixture.sectors[0]!.name} is already listed`,
    });
    expect(await fields({ section: "mapping", framework: "sdg", text: "Goal 1" })).toEqual({
      framework: "Choose one of the four frameworks",
    });
    // A sub-item's parent must be a main action of this same edition.
    const subItem = draft.actions[0]!.children[0]!;
    expect(
      await fields({ section: "action", text: "Nested too deep", parentId: String(subItem.id) }),
    ).toHaveProperty("parentId");
    expect(
      await fields({ section: "action", text: "Wrong edition", parentId: String(other.actions[0]!.id) }),
    ).toHaveProperty("parentId");
    expect(
      await fields({ section: "action", text: "Not an action", parentId: String(draft.outcomes[0]!.id) }),
    ).toHaveProperty("parentId");
    expect(await fields({ section: "action", text: "Malformed", parentId: "1; drop table" })).toHaveProperty(
      "parentId",
    );

    const saved = await getEditionById(db, editor, draft.id);
    expect(saved.version).toBe(draft.version);
    expect(saved.outcomes).toEqual(draft.outcomes);
    expect(saved.actions).toEqual(draft.actions);
  });

  it("changes an item's text and keeps its key, so the editions still compare", async () => {
    const draft = await draftOf(await makeRouteMap(db));
    const outcome = draft.outcomes[0]!;
    await run((trx) =>
      items.updateItem(trx, editor, {
        editionId: draft.id,
        version: draft.version,
        itemId: outcome.id,
        text: "Values-based leadership exists at every level.",
        pageRefs: "Pg 99; Pg 100",
      }),
    );
    const saved = await getEditionById(db, editor, draft.id);
    expect(saved.outcomes[0]).toEqual({
      id: outcome.id,
      key: outcome.key,
      text: "Values-based leadership exists at every level.",
      pageRefs: "Pg 99; Pg 100",
    });
  });

  it("a milestone can change year; a changed sector must not be listed already", async () => {
    const fixture = await makeRouteMap(db);
    const draft = await draftOf(fixture);
    const milestone = draft.milestones.find((m) => m.year === 2026)!.items[0]!;
    const { version } = await run((trx) =>
      items.updateItem(trx, editor, {
        editionId: draft.id,
        version: draft.version,
        itemId: milestone.id,
        text: milestone.text,
        year: "2027",
      }),
    );
    const saved = await getEditionById(db, editor, draft.id);
    expect(saved.milestones.find((m) => m.year === 2027)!.items.map((i) => i.id)).toEqual([milestone.id]);

    const { version: v2 } = await run((trx) =>
      items.addItem(trx, editor, {
        editionId: draft.id,
        version,
        section: "sector",
        sectorId: String(fixture.sectors[1]!.id),
      }),
    );
    const error = await refusal(
      run((trx) =>
        items.updateItem(trx, editor, {
          editionId: draft.id,
          version: v2,
          itemId: draft.sectors[0]!.id,
          sectorId: String(fixture.sectors[1]!.id),
        }),
      ),
    );
    expect(error.fields).toEqual({ sectorId: `${fixture.sectors[1]!.name} is already listed` });
    // Choosing the same sector it already is does not count as a duplicate.
    await run((trx) =>
      items.updateItem(trx, editor, {
        editionId: draft.id,
        version: v2,
        itemId: draft.sectors[0]!.id,
        sectorId: String(fixture.sectors[0]!.id),
      }),
    );
  });

  it("an item of another edition is not found through this one", async () => {
    const draft = await draftOf(await makeRouteMap(db));
    const other = await draftOf(await makeRouteMap(db));
    const error = await refusal(
      run((trx) =>
        items.updateItem(trx, editor, {
          editionId: draft.id,
          version: draft.version,
          itemId: other.outcomes[0]!.id,
          text: "Hijacked",
        }),
      ),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect((await getEditionById(db, editor, other.id)).outcomes[0]!.text).not.toBe("Hijacked");
  });

  it("moves items up and down within their own list; at the top, nothing changes", async () => {
    const draft = await draftOf(await makeRouteMap(db));
    const [a, b] = draft.actions;
    const [c1, c2] = a!.children;
    const moved = await run((trx) =>
      items.moveItem(trx, editor, {
        editionId: draft.id,
        version: draft.version,
        itemId: b!.id,
        direction: "up",
      }),
    );
    expect(moved.moved).toBe(true);
    let saved = await getEditionById(db, editor, draft.id);
    expect(saved.actions.map((x) => x.id)).toEqual([b!.id, a!.id]);
    // Sub-items keep their parent and move among themselves.
    const child = await run((trx) =>
      items.moveItem(trx, editor, {
        editionId: draft.id,
        version: moved.version,
        itemId: c1!.id,
        direction: "down",
      }),
    );
    saved = await getEditionById(db, editor, draft.id);
    expect(saved.actions[1]!.children.map((x) => x.id)).toEqual([c2!.id, c1!.id]);

    const noop = await run((trx) =>
      items.moveItem(trx, editor, {
        editionId: draft.id,
        version: child.version,
        itemId: b!.id,
        direction: "up",
      }),
    );
    expect(noop).toEqual({ version: child.version, section: "action", moved: false });
    expect(
      (
        await refusal(
          run((trx) =>
            items.moveItem(trx, editor, {
              editionId: draft.id,
              version: child.version,
              itemId: b!.id,
              direction: "sideways",
            }),
          ),
        )
      ).fields,
    ).toHaveProperty("direction");
  });

  it("a move with a stale version is a conflict", async () => {
    const draft = await draftOf(await makeRouteMap(db));
    await run((trx) => drafts.updateDetails(trx, editor, detailsForm(draft.id, draft.version)));
    expect(
      await refusal(
        run((trx) =>
          items.moveItem(trx, editor, {
            editionId: draft.id,
            version: draft.version,
            itemId: draft.actions[1]!.id,
            direction: "up",
          }),
        ),
      ),
    ).toBeInstanceOf(ConflictError);
    expect((await getEditionById(db, editor, draft.id)).actions.map((a) => a.id)).toEqual(
      draft.actions.map((a) => a.id),
    );
  });

  it("removing a main action removes its sub-items, and the audit trail keeps them all", async () => {
    const draft = await draftOf(await makeRouteMap(db));
    const action = draft.actions[0]!;
    const result = await run((trx) =>
      items.deleteItem(trx, editor, { editionId: draft.id, version: draft.version, itemId: action.id }),
    );
    expect(result.removedSubItems).toBe(2);
    const saved = await getEditionById(db, editor, draft.id);
    expect(saved.actions.map((a) => a.id)).toEqual([draft.actions[1]!.id]);
    const audit = await db
      .selectFrom("audit_event")
      .selectAll()
      .where("action", "=", "edition_item.delete")
      .where("entity_id", "=", String(action.id))
      .executeTakeFirstOrThrow();
    expect((audit.before as Array<{ text: string }>).map((i) => i.text).sort()).toEqual(
      [action.text, ...action.children.map((c) => c.text)].sort(),
    );
  });
});

describe("editing the demo Leadership route map", () => {
  let demo: DatabaseHandle;
  beforeAll(async () => {
    demo = await createTestDatabase("demo");
  });
  afterAll(() => demo.close());

  it("a new draft compares as unchanged with December 2025, and a reworded action shows as changed, not added and removed", async () => {
    const demoEditor = await makeUser(demo.db, "programme_editor");
    const published = await getLatestEdition(demo.db, "leadership");
    const { editionId } = await demo.db
      .transaction()
      .execute((trx) => drafts.startDraft(trx, demoEditor, { themeSlug: "leadership" }));
    const draft = await getEditionById(demo.db, demoEditor, editionId);
    expect(compareEditions(published, draft).hasChanges).toBe(false);

    const action = draft.actions.find((a) => a.children.length > 0)!;
    await demo.db.transaction().execute((trx) =>
      items.updateItem(trx, demoEditor, {
        editionId,
        version: draft.version,
        itemId: action.id,
        text: `${action.text} Progress will be reported in 2026.`,
      }),
    );
    const comparison = compareEditions(published, await getEditionById(demo.db, demoEditor, editionId));
    expect(comparison.totals).toEqual({ added: 0, removed: 0, changed: 1 });
  });
});
