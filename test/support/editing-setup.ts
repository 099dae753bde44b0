import type { FastifyInstance } from "fastify";
import { afterAll } from "vitest";
import * as drafts from "../../src/features/route-maps/edition-drafts.service.ts";
import { getEditionById } from "../../src/features/route-maps/route-map.service.ts";
import type { Actor } from "../../src/platform/actor.ts";
import type { Db, Trx } from "../../src/platform/database.ts";
import { createTestDatabase } from "./database.ts";
import { openEditPage, startDraftOnPage, versionOnEditPage } from "./edit-pages.ts";
import { makeUser, type RouteMapFixture } from "./editing-fixtures.ts";
import { type Session, signIn, testApp } from "./http.ts";

// The setup every editing test file shares, called once at the top of the file with `await`:
// its own empty database (and app), the people who edit, and the helpers that start a draft.
// Each registers afterAll to close what it opened.

export interface EditingDatabase {
  db: Db;
  /** An editor and a reader with account rows, for calling the services directly. */
  editor: Actor;
  reader: Actor;
  /** Runs a service call in its own transaction, as the routes do. */
  run<T>(fn: (trx: Trx) => Promise<T>): Promise<T>;
  /** Starts a draft of the route map as the editor, and reads it back. */
  draftOf(fixture: RouteMapFixture): ReturnType<typeof getEditionById>;
}

export async function editingDatabase(): Promise<EditingDatabase> {
  const handle = await createTestDatabase("empty");
  afterAll(() => handle.close());
  const db = handle.db;
  const editor = await makeUser(db, "programme_editor");
  const reader = await makeUser(db, "reader");
  const run = <T>(fn: (trx: Trx) => Promise<T>): Promise<T> => db.transaction().execute(fn);
  const draftOf = async (fixture: RouteMapFixture) => {
    const { editionId } = await run((trx) =>
      drafts.startDraft(trx, editor, { themeSlug: fixture.themeSlug }),
    );
    return getEditionById(db, editor, editionId);
  };
  return { db, editor, reader, run, draftOf };
}

export interface EditingApp {
  db: Db;
  app: FastifyInstance;
  /** Two editors signed in through the sign-in form, each with their own browser session. */
  editor: Session;
  otherEditor: Session;
  /** Starts a draft with the overview's button (as the editor unless another session is given). */
  startDraft(fixture: RouteMapFixture, session?: Session): ReturnType<typeof startDraftOnPage>;
  editPage(id: number, session?: Session): ReturnType<typeof openEditPage>;
  /** The version the edit page's forms carry, as a browser would submit it. */
  versionOnPage(id: number, session?: Session): Promise<string>;
}

export async function editingApp(): Promise<EditingApp> {
  const handle = await createTestDatabase("empty");
  const db = handle.db;
  const app = await testApp(db);
  afterAll(async () => {
    await app.close();
    await handle.close();
  });
  const editor = await signIn(app, db, "programme_editor");
  const otherEditor = await signIn(app, db, "programme_editor");
  return {
    db,
    app,
    editor,
    otherEditor,
    startDraft: (fixture, session = editor) => startDraftOnPage(app, session, fixture.themeSlug),
    editPage: (id, session = editor) => openEditPage(app, session, id),
    versionOnPage: (id, session = editor) => versionOnEditPage(app, session, id),
  };
}
