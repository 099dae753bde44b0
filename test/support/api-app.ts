import type { FastifyInstance } from "fastify";
import { afterAll } from "vitest";
import { insertRouteMaps } from "./api-fixtures.ts";
import { createTestDatabase } from "./database.ts";
import { getPage, type Session, signIn, testApp } from "./http.ts";

// The setup the JSON API tests share, called once at the top of the file with `await`: its own
// database holding the route maps of api-fixtures.ts, the app, a signed-in editor, and `get`,
// which reads an answer as JSON. Registers afterAll to close what it opened.

export type Json = Record<string, unknown>;

export interface ApiApp {
  app: FastifyInstance;
  editor: Session;
  ids: Awaited<ReturnType<typeof insertRouteMaps>>;
  /** GETs the address (as the session's browser, if given) and reads the answer as JSON. */
  get(
    url: string,
    session?: Session,
  ): Promise<{ status: number; headers: Record<string, unknown>; body: Json }>;
}

export async function apiApp(): Promise<ApiApp> {
  const handle = await createTestDatabase("empty");
  const ids = await insertRouteMaps(handle.db);
  const app = await testApp(handle.db);
  afterAll(async () => {
    await app.close();
    await handle.close();
  });
  const editor = await signIn(app, handle.db, "programme_editor");
  async function get(url: string, session?: Session) {
    const response = await getPage(app, session, url);
    return { status: response.statusCode, headers: response.headers, body: response.json() as Json };
  }
  return { app, editor, ids, get };
}
