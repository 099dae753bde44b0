import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { type Actor, PUBLIC } from "../../platform/actor.ts";
import type { DatabaseHandle } from "../../platform/database.ts";
import { ConflictError, DomainError, UnauthenticatedError, ValidationError } from "../../platform/errors.ts";
import { actorForUser } from "../accounts/user.service.ts";
import { LEADERSHIP_DECEMBER_2025 } from "../demo/leadership.ts";
import { createEditionFromDocument } from "./edition-document.service.ts";
import { type EditionDocument, parseEditionDocument, toEditionDocument } from "./edition-document.ts";
import { getEditionById, listEditions } from "./route-map.service.ts";

/** The error a promise rejects with, so a test can check both its kind and its fields. */
async function failure(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected the promise to be refused");
}

function parseFailure(value: unknown): ValidationError {
  try {
    parseEditionDocument(value);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error("expected the document to be refused");
}

/** Every section filled, including what the demo editions lack: milestones in several years, every framework. */
const FULL_DRAFT: EditionDocument = {
  ...LEADERSHIP_DECEMBER_2025,
  theme: "listening",
  status: "draft",
  lastUpdated: null,
  label: "Next edition",
  outcomes: [...LEADERSHIP_DECEMBER_2025.outcomes, { text: "A second outcome.", pageRefs: "Pg 12; Pg 40" }],
  milestones: [
    { year: 2025, text: "First milestone of 2025." },
    { year: 2027, text: "First milestone of 2027." },
    { year: 2027, text: "Second milestone of 2027." },
    { year: 2030, text: "The last milestone." },
  ],
  mappings: {
    promise_report: ["17", "36"],
    plan_21_24: ["Planning"],
    uncrc: ["Article 3", "Article 12"],
    shanarri: ["Safe", "Included"],
  },
};

describe("edition documents", () => {
  let handle: DatabaseHandle;
  let editor: Actor;

  beforeAll(async () => {
    handle = await createTestDatabase("demo");
    const user = await handle.db
      .selectFrom("app_user")
      .selectAll()
      .where("email", "=", "editor@waymark.test")
      .executeTakeFirstOrThrow();
    editor = await actorForUser(handle.db, user);
  });
  afterAll(() => handle.close());

  async function exported(editionId: number): Promise<EditionDocument> {
    return toEditionDocument(await getEditionById(handle.db, editor, editionId));
  }

  async function counts(): Promise<{ editions: number; items: number }> {
    const { rows } = await sql<{ editions: number; items: number }>`
      select (select count(*) from route_map_edition) as editions, (select count(*) from edition_item) as items`.execute(
      handle.db,
    );
    return rows[0]!;
  }

  it("exports each demo edition, and a new edition made from the export exports the same document", async () => {
    const { editions } = await listEditions(handle.db, PUBLIC, "leadership");
    expect(editions.map((e) => e.label)).toEqual(["December 2025", "June 2024"]);
    for (const edition of editions) {
      const document = await exported(edition.id);
      const created = await createEditionFromDocument(handle.db, editor, document, {
        source: "round trip test",
      });
      expect(created.id).not.toBe(edition.id);
      expect(await exported(created.id)).toEqual(document);
    }
  });

  it("keeps milestones in their years, sub-items under their parent and every mapping, for a draft too", async () => {
    const created = await createEditionFromDocument(handle.db, editor, FULL_DRAFT, { source: "test" });
    expect(created.status).toBe("draft");
    const edition = await getEditionById(handle.db, editor, created.id);
    expect(edition.milestones.find((m) => m.year === 2027)?.items.map((i) => i.text)).toEqual([
      "First milestone of 2027.",
      "Second milestone of 2027.",
    ]);
    expect(edition.milestones.find((m) => m.year === 2026)?.items).toEqual([]);
    expect(edition.actions[3]?.children).toHaveLength(6);
    expect(await exported(created.id)).toEqual(FULL_DRAFT);
  });

  it("records who added the edition and which document it came from", async () => {
    const document = { ...LEADERSHIP_DECEMBER_2025, theme: "stability" };
    const created = await createEditionFromDocument(handle.db, editor, document, {
      source: "import: stability.json",
    });
    const event = await handle.db
      .selectFrom("audit_event")
      .selectAll()
      .where("entity_type", "=", "route_map_edition")
      .where("entity_id", "=", String(created.id))
      .executeTakeFirstOrThrow();
    expect(event.action).toBe("route_map_edition.create_from_document");
    expect(event.actor_id).toBe(editor.kind === "user" ? editor.id : null);
    expect(event.after).toMatchObject({ source: "import: stability.json", document: { theme: "stability" } });
  });

  it("refuses a document naming a sector Waymark does not know, names it, and adds nothing", async () => {
    const before = await counts();
    const document = { ...LEADERSHIP_DECEMBER_2025, sectors: ["COSLA", "Ministry of Magic"] };
    const error = await failure(createEditionFromDocument(handle.db, editor, document, { source: "test" }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fields).toEqual({ "sectors[1]": 'There is no sector called "Ministry of Magic".' });
    expect(error.message).toContain("Local Authorities");
    expect(await counts()).toEqual(before);
  });

  it("matches sector names whatever their capitals", async () => {
    const document = {
      ...LEADERSHIP_DECEMBER_2025,
      theme: "decision-making",
      sectors: ["cosla", "health boards"],
    };
    const created = await createEditionFromDocument(handle.db, editor, document, { source: "test" });
    expect((await exported(created.id)).sectors).toEqual(["COSLA", "Health Boards"]);
  });

  it("leaves nothing behind when the database refuses an item part-way through", async () => {
    // A trigger stands in for any failure after the edition row is written.
    await sql`create function refuse_marked_item() returns trigger language plpgsql as $$
      begin
        if new.text = 'refuse me' then raise exception 'refused by test trigger'; end if;
        return new;
      end $$`.execute(handle.db);
    await sql`create trigger refuse_marked_item before insert on edition_item
      for each row execute function refuse_marked_item()`.execute(handle.db);
    try {
      const before = await counts();
      const document = { ...LEADERSHIP_DECEMBER_2025, theme: "health", helping: ["Fine.", "refuse me"] };
      await expect(
        createEditionFromDocument(handle.db, editor, document, { source: "test" }),
      ).rejects.toThrow(/refused by test trigger/);
      expect(await counts()).toEqual(before);
    } finally {
      await sql`drop trigger refuse_marked_item on edition_item`.execute(handle.db);
      await sql`drop function refuse_marked_item()`.execute(handle.db);
    }
  });

  it("refuses a document for a route map that does not exist", async () => {
    const document = { ...LEADERSHIP_DECEMBER_2025, theme: "no-such-theme" };
    const error = await failure(createEditionFromDocument(handle.db, editor, document, { source: "test" }));
    expect(error.fields).toEqual({ theme: 'There is no route map called "no-such-theme".' });
  });

  it("refuses a second draft of one route map, so two drafts never fork the work", async () => {
    const draft = { ...FULL_DRAFT, theme: "relationships" };
    await createEditionFromDocument(handle.db, editor, draft, { source: "test" });
    const error = await failure(createEditionFromDocument(handle.db, editor, draft, { source: "test" }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toContain("already has a draft");
  });

  it("does not let the public add editions", async () => {
    const before = await counts();
    const error = await failure(
      createEditionFromDocument(handle.db, PUBLIC, LEADERSHIP_DECEMBER_2025, { source: "test" }),
    );
    expect(error).toBeInstanceOf(UnauthenticatedError);
    expect(await counts()).toEqual(before);
  });
});

describe("reading an edition document", () => {
  it("accepts the demo documents as they are", () => {
    expect(parseEditionDocument(LEADERSHIP_DECEMBER_2025)).toEqual(LEADERSHIP_DECEMBER_2025);
    expect(parseEditionDocument(FULL_DRAFT)).toEqual(FULL_DRAFT);
  });

  it("names every field that is wrong, by its place in the document", () => {
    const error = parseFailure({
      ...LEADERSHIP_DECEMBER_2025,
      format: "something else",
      status: "published",
      lastUpdated: null,
      label: "x".repeat(201),
      actions: [{ text: "  ", children: [{ text: 7 }] }],
      milestones: [{ year: 2024, text: "Too early." }],
      mappings: { ...LEADERSHIP_DECEMBER_2025.mappings, horoscope: [] },
      whatMatters: ["A\u0000B"],
      sectors: ["COSLA", "cosla"],
      colour: "blue",
    });
    expect(error.fields).toEqual({
      colour: "is not part of an edition document",
      format: 'must be "waymark.edition/1"',
      lastUpdated: "must be set for a published edition",
      "mappings.horoscope": "is not a framework Waymark maps to",
      "sectors[1]": 'names "cosla" twice',
      label: "must be 200 characters or fewer",
      "actions[0].text": "must not be empty",
      "actions[0].children[0].text": "must be text",
      "milestones[0].year": "must be a year from 2025 to 2030",
      "whatMatters[0]": "must not contain a null character",
    });
  });

  it("refuses dates that do not exist", () => {
    expect(parseFailure({ ...LEADERSHIP_DECEMBER_2025, lastUpdated: "2025-02-30" }).fields).toEqual({
      lastUpdated: "must be a date written YYYY-MM-DD, or null",
    });
  });

  it("explains that something which is not an object is not an edition document", () => {
    for (const value of [null, [], "leadership", 3]) {
      const error = parseFailure(value);
      expect(error.fields).toEqual({ document: "must be a JSON object" });
      expect(error.message).toContain("waymark export");
    }
  });
});
