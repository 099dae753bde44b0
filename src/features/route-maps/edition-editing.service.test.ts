import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { makeRouteMap, makeUser, type RouteMapFixture } from "../../../test/support/editing-fixtures.ts";
import { type Actor, PUBLIC } from "../../platform/actor.ts";
import type { DatabaseHandle, Db } from "../../platform/database.ts";
import {
  ConflictError,
  type DomainError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from "../../platform/errors.ts";
import { compareEditions } from "./edition-compare.ts";
import * as editing from "./edition-editing.service.ts";
import { getEditionById, getLatestEdition, listEditions } from "./route-map.service.ts";

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

/** Runs a service call in its own transaction, as the routes do. */
function run<T>(fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn);
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    return error as DomainError;
  }
  throw new Error("expected the change to be refused");
}

async function draftOf(fixture: RouteMapFixture) {
  const { editionId } = await run((trx) => editing.startDraft(trx, editor, { themeSlug: fixture.themeSlug }));
  return getEditionById(db, editor, editionId);
}

async function auditCount(): Promise<number> {
  const row = await db
    .selectFrom("audit_event")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}

describe("starting a new edition", () => {
  it("copies every item of the latest published edition with the same key, sub-items under their copied parent", async () => {
    const fixture = await makeRouteMap(db);
    const published = await getLatestEdition(db, fixture.themeSlug);
    const { editionId, created } = await run((trx) =>
      editing.startDraft(trx, editor, { themeSlug: fixture.themeSlug }),
    );
    expect(created).toBe(true);
    const draft = await getEditionById(db, editor, editionId);

    expect(draft.status).toBe("draft");
    expect(draft.copiedFromId).toBe(published.id);
    expect(draft.lastUpdated).toBeNull();
    expect(draft.label).toBe(editing.NEW_EDITION_LABEL);
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
    const first = await run((trx) => editing.startDraft(trx, editor, { themeSlug: fixture.themeSlug }));
    const second = await run((trx) => editing.startDraft(trx, editor, { themeSlug: fixture.themeSlug }));
    expect(second).toEqual({ editionId: first.editionId, created: false });
    const { editions } = await listEditions(db, editor, fixture.themeSlug);
    expect(editions.filter((e) => e.status === "draft")).toHaveLength(1);
  });

  it("two editors starting at the same moment end up on one draft", async () => {
    const fixture = await makeRouteMap(db);
    const results = await Promise.all([
      run((trx) => editing.startDraft(trx, editor, { themeSlug: fixture.themeSlug })),
      run((trx) => editing.startDraft(trx, editor, { themeSlug: fixture.themeSlug })),
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
    const before = await auditCount();
    expect(
      await refusal(run((trx) => editing.startDraft(trx, PUBLIC, { themeSlug: fixture.themeSlug }))),
    ).toBeInstanceOf(UnauthenticatedError);
    expect(
      await refusal(run((trx) => editing.startDraft(trx, reader, { themeSlug: fixture.themeSlug }))),
    ).toBeInstanceOf(ForbiddenError);
    expect((await listEditions(db, editor, fixture.themeSlug)).editions).toHaveLength(1);
    expect(await auditCount()).toBe(before);
  });

  it("an unknown route map is not found", async () => {
    expect(
      await refusal(run((trx) => editing.startDraft(trx, editor, { themeSlug: "no-such-theme" }))),
    ).toBeInstanceOf(NotFoundError);
  });
});

function details(editionId: number, version: number, changes: Partial<editing.DetailsInput> = {}) {
  return {
    editionId,
    version,
    label: "December 2025",
    introduction: "This route map was last updated in December 2025.",
    stateOfPlayTitle: "Where is Scotland now?",
    stateOfPlay: "Work underway aligns with the Public Service Reform Strategy.",
    ambitionSummary: "",
    routeMapIntro: "",
    layout: "outcomes",
    ...changes,
  };
}

describe("editing an edition's details", () => {
  it("saves the text, moves the version on and records before and after", async () => {
    const draft = await draftOf(await makeRouteMap(db));
    const { version } = await run((trx) =>
      editing.updateDetails(trx, editor, details(draft.id, draft.version)),
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
    expect(audit.before).toMatchObject({ label: editing.NEW_EDITION_LABEL, version: draft.version });
    expect(audit.after).toMatchObject({ label: "December 2025", version: draft.version + 1 });
  });

  it("when two editors save the same version, the second is refused and the first's text stays", async () => {
    const draft = await draftOf(await makeRouteMap(db));
    await run((trx) =>
      editing.updateDetails(
        trx,
        editor,
        details(draft.id, draft.version, { stateOfPlay: "First editor's words." }),
      ),
    );
    const error = await refusal(
      run((trx) =>
        editing.updateDetails(
          trx,
          editor,
          details(draft.id, draft.version, { stateOfPlay: "Second editor's words." }),
        ),
      ),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe(editing.CONFLICT_MESSAGE);
    const saved = await getEditionById(db, editor, draft.id);
    expect(saved.stateOfPlay).toBe("First editor's words.");
    expect(saved.version).toBe(draft.version + 1);
  });

  it("two saves racing with the same version: exactly one lands", async () => {
    const draft = await draftOf(await makeRouteMap(db));
    const results = await Promise.allSettled(
      ["Words A.", "Words B."].map((stateOfPlay) =>
        run((trx) => editing.updateDetails(trx, editor, details(draft.id, draft.version, { stateOfPlay }))),
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
    const before = await auditCount();
    const error = await refusal(
      run((trx) =>
        editing.updateDetails(
          trx,
          editor,
          details(draft.id, draft.version, {
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
    expect(saved.label).toBe(editing.NEW_EDITION_LABEL);
    expect(saved.version).toBe(draft.version);
    expect(await auditCount()).toBe(before);
  });

  it("saves text with characters the database cannot hold (NUL, broken surrogates) by leaving them out", async () => {
    const draft = await draftOf(await makeRouteMap(db));
    await run((trx) =>
      editing.updateDetails(
        trx,
        editor,
        details(draft.id, draft.version, { label: "Dec\u0000ember 2025", stateOfPlay: "Broken \ud800 text" }),
      ),
    );
    const saved = await getEditionById(db, editor, draft.id);
    expect(saved.label).toBe("December 2025");
    expect(saved.stateOfPlay).toBe("Broken \ufffd text");
  });

  it("accepts text at exactly the limits", async () => {
    const draft = await draftOf(await makeRouteMap(db));
    await run((trx) =>
      editing.updateDetails(
        trx,
        editor,
        details(draft.id, draft.version, { label: "l".repeat(200), stateOfPlay: "s".repeat(10_000) }),
      ),
    );
    expect((await getEditionById(db, editor, draft.id)).label).toHaveLength(200);
  });

  it("a reader cannot change anything", async () => {
    const draft = await draftOf(await makeRouteMap(db));
    expect(
      await refusal(run((trx) => editing.updateDetails(trx, reader, details(draft.id, draft.version)))),
    ).toBeInstanceOf(ForbiddenError);
  });

  it("an edition that does not exist is not found", async () => {
    expect(
      await refusal(run((trx) => editing.updateDetails(trx, editor, details(2_000_000_000, 1)))),
    ).toBeInstanceOf(NotFoundError);
  });
});

describe("adding, changing, moving and removing items", () => {
  it("adds an item to the end of its section", async () => {
    const fixture = await makeRouteMap(db);
    const draft = await draftOf(fixture);
    const added = await run((trx) =>
      editing.addItem(trx, editor, {
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
    const add = async (input: Omit<editing.AddItemInput, "editionId" | "version">) => {
      ({ version } = await run((trx) =>
        editing.addItem(trx, editor, { editionId: draft.id, version, ...input }),
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
    const fields = async (input: Omit<editing.AddItemInput, "editionId" | "version">) => {
      const error = await refusal(run((trx) => editing.addItem(trx, editor, { ...target, ...input })));
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
      editing.updateItem(trx, editor, {
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
      editing.updateItem(trx, editor, {
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
      editing.addItem(trx, editor, {
        editionId: draft.id,
        version,
        section: "sector",
        sectorId: String(fixture.sectors[1]!.id),
      }),
    );
    const error = await refusal(
      run((trx) =>
        editing.updateItem(trx, editor, {
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
      editing.updateItem(trx, editor, {
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
        editing.updateItem(trx, editor, {
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
      editing.moveItem(trx, editor, {
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
      editing.moveItem(trx, editor, {
        editionId: draft.id,
        version: moved.version,
        itemId: c1!.id,
        direction: "down",
      }),
    );
    saved = await getEditionById(db, editor, draft.id);
    expect(saved.actions[1]!.children.map((x) => x.id)).toEqual([c2!.id, c1!.id]);

    const noop = await run((trx) =>
      editing.moveItem(trx, editor, {
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
            editing.moveItem(trx, editor, {
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
    await run((trx) => editing.updateDetails(trx, editor, details(draft.id, draft.version)));
    expect(
      await refusal(
        run((trx) =>
          editing.moveItem(trx, editor, {
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
      editing.deleteItem(trx, editor, { editionId: draft.id, version: draft.version, itemId: action.id }),
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

describe("publishing and discarding", () => {
  it("refuses a date that is not real, incomplete, or before the previous edition's", async () => {
    const draft = await draftOf(await makeRouteMap(db));
    const target = { editionId: draft.id, version: draft.version };
    const message = async (day: string, month: string, year: string) =>
      (await refusal(run((trx) => editing.publishEdition(trx, editor, { ...target, day, month, year }))))
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
      editing.addItem(trx, editor, {
        editionId: draft.id,
        version: draft.version,
        section: "action",
        text: "Scottish Government to convene dialogue with all key partners.",
      }),
    );
    const published = await run((trx) =>
      editing.publishEdition(trx, editor, {
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
      run((trx) => editing.updateDetails(trx, editor, details(draft.id, current))),
    );
    expect(forbidden).toBeInstanceOf(ForbiddenError);
    expect(forbidden.message).toMatch(/published editions cannot be changed/);
    // Another editor with an older form: told it was published meanwhile.
    const conflict = await refusal(
      run((trx) =>
        editing.deleteItem(trx, editor, { editionId: draft.id, version, itemId: latest.outcomes[0]!.id }),
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
      editing.updateDetails(
        trx,
        editor,
        details(draft.id, draft.version, { label: "June 2024 (corrected)" }),
      ),
    );
    const published = await run((trx) =>
      editing.publishEdition(trx, editor, {
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
      editing.discardDraft(trx, editor, { editionId: draft.id, version: draft.version }),
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
          editing.discardDraft(trx, editor, { editionId: published.id, version: published.version }),
        ),
      ),
    ).toBeInstanceOf(ForbiddenError);
    expect((await getLatestEdition(db, fixture.themeSlug)).id).toBe(published.id);
  });
});

describe("the editors' overview", () => {
  it("lists each route map with its latest published edition and its draft", async () => {
    const fixture = await makeRouteMap(db);
    const draft = await draftOf(fixture);
    const list = await editing.listRouteMapsForEditing(db, editor);
    const entry = list.find((r) => r.theme.slug === fixture.themeSlug)!;
    expect(entry.latest).toMatchObject({
      id: fixture.publishedId,
      label: "June 2024",
      lastUpdated: "2024-06-12",
    });
    expect(entry.draft).toMatchObject({ id: draft.id, status: "draft" });
    expect(await refusal(editing.listRouteMapsForEditing(db, reader))).toBeInstanceOf(ForbiddenError);
  });
});

describe("editing the demo Leadership route map", () => {
  let demo: DatabaseHandle;
  beforeAll(async () => {
    demo = await createTestDatabase("demo");
  });
  afterAll(() => demo.close());

  it("a new draft compares as unchanged with December 2025, and a reworded action shows as changed, not added and removed", async () => {
    const demoEditor = await makeUser(demo.db, "editor");
    const published = await getLatestEdition(demo.db, "leadership");
    const { editionId } = await demo.db
      .transaction()
      .execute((trx) => editing.startDraft(trx, demoEditor, { themeSlug: "leadership" }));
    const draft = await getEditionById(demo.db, demoEditor, editionId);
    expect(compareEditions(published, draft).hasChanges).toBe(false);

    const action = draft.actions.find((a) => a.children.length > 0)!;
    await demo.db.transaction().execute((trx) =>
      editing.updateItem(trx, demoEditor, {
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
