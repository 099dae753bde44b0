import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { SYSTEM } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { DatabaseHandle } from "../../platform/database.ts";

// The database itself keeps the audit trail as it was written, on PGlite and on PostgreSQL.

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase("empty");
  await handle.db.transaction().execute((trx) =>
    recordAudit(trx, SYSTEM, {
      action: "test.record",
      entityType: "test",
      entityId: 1,
      after: { a: 1 },
    }),
  );
});
afterAll(async () => {
  await handle.close();
});

async function events() {
  return handle.db
    .selectFrom("audit_event")
    .select(["action", "after"])
    .where("entity_type", "=", "test")
    .execute();
}

describe("audit events are permanent", () => {
  it("refuses to change an event", async () => {
    await expect(
      handle.db
        .updateTable("audit_event")
        .set({ action: "forged" })
        .where("entity_type", "=", "test")
        .execute(),
    ).rejects.toThrow(/audit events are permanent: UPDATE/);
    expect(await events()).toEqual([{ action: "test.record", after: { a: 1 } }]);
  });

  it("refuses to delete an event, or empty the table", async () => {
    await expect(
      handle.db.deleteFrom("audit_event").where("entity_type", "=", "test").execute(),
    ).rejects.toThrow(/audit events are permanent: DELETE/);
    await expect(sql`truncate audit_event`.execute(handle.db)).rejects.toThrow(
      /audit events are permanent: TRUNCATE/,
    );
    expect(await events()).toHaveLength(1);
  });

  it("still accepts new events", async () => {
    await handle.db
      .transaction()
      .execute((trx) => recordAudit(trx, SYSTEM, { action: "test.second", entityType: "test", entityId: 2 }));
    expect((await events()).map((e) => e.action)).toEqual(["test.record", "test.second"]);
  });
});
