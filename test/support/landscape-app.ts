import type { FastifyInstance } from "fastify";
import { afterAll } from "vitest";
import { buildLandscape, type LandscapeFixture } from "../../src/features/landscape/landscape.fixtures.ts";
import type { DatabaseHandle } from "../../src/platform/database.ts";
import { createTestDatabase } from "./database.ts";
import { type Session, signIn, testApp } from "./http.ts";

// The setup the governance read tests share (landscape, calendars, minutes downloads, the
// governance API), called once at the top of the file with `await`: its own empty database
// holding the invented landscape of landscape.fixtures.ts, the app, and a signed-in reader (who
// may read the groups' private business). Registers afterAll to close what it opened.

export interface LandscapeApp {
  handle: DatabaseHandle;
  app: FastifyInstance;
  f: LandscapeFixture;
  reader: Session;
}

export async function landscapeApp(): Promise<LandscapeApp> {
  const handle = await createTestDatabase("empty");
  const app = await testApp(handle.db);
  afterAll(async () => {
    await app.close();
    await handle.close();
  });
  const f = await buildLandscape(handle.db);
  const reader = await signIn(app, handle.db, "reader");
  return { handle, app, f, reader };
}
