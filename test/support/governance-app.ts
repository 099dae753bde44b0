import { afterAll } from "vitest";
import type { Trx } from "../../src/platform/database.ts";
import { createTestDatabase } from "./database.ts";
import { makeUser } from "./editing-fixtures.ts";
import { testApp } from "./http.ts";

// The setup the governance HTTP tests share, called once at the top of the file with `await`:
// its own empty database and app, an administrator to build groups and meetings through the
// services, and `run`, which calls a service in its own transaction as the routes do. Registers
// afterAll to close what it opened.

export async function governanceApp() {
  const handle = await createTestDatabase("empty");
  const app = await testApp(handle.db);
  afterAll(async () => {
    await app.close();
    await handle.close();
  });
  const db = handle.db;
  const admin = await makeUser(db, "administrator");
  const run = <T>(fn: (trx: Trx) => Promise<T>): Promise<T> => db.transaction().execute(fn);
  return { app, db, admin, run };
}
