import { afterAll } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { makeUser } from "../../../test/support/editing-fixtures.ts";
import { unique } from "../../../test/support/factories.ts";
import type { Actor } from "../../platform/actor.ts";
import type { Db, Trx } from "../../platform/database.ts";
import type { GroupSummary } from "./governance.types.ts";
import { createGroup, type GroupInput } from "./group.service.ts";

// What governance service tests share: their own empty database, the people who act, and a
// factory for groups (each named uniquely, so tests never depend on each other).

export interface GovernanceDatabase {
  db: Db;
  editor: Actor;
  reader: Actor;
  run<T>(fn: (trx: Trx) => Promise<T>): Promise<T>;
  makeGroup(input?: Partial<GroupInput>): Promise<GroupSummary>;
  secretaryOf(groupId: number): Promise<Actor>;
}

export async function governanceDatabase(): Promise<GovernanceDatabase> {
  const handle = await createTestDatabase("empty");
  afterAll(() => handle.close());
  const db = handle.db;
  const editor = await makeUser(db, "programme_editor");
  const reader = await makeUser(db, "reader");
  const run = <T>(fn: (trx: Trx) => Promise<T>): Promise<T> => db.transaction().execute(fn);
  return {
    db,
    editor,
    reader,
    run,
    makeGroup: (input = {}) =>
      run((trx) => createGroup(trx, editor, { name: unique("National Leadership Group"), ...input })),
    secretaryOf: (groupId) => makeUser(db, [{ role: "group_secretary", groupId }]),
  };
}
