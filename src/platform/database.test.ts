import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/support/database.ts";
import type { DatabaseHandle } from "./database.ts";

describe("the database layer", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle.close());

  it("reads dates as plain YYYY-MM-DD strings and counts as numbers, on PGlite and PostgreSQL alike", async () => {
    const { rows } = await sql<{ d: unknown; n: unknown; big: unknown }>`
      select date '2025-12-01' as d, count(*) as n, 9007199254740991::bigint as big from programme`.execute(
      handle.db,
    );
    expect(rows[0]).toEqual({ d: "2025-12-01", n: 0, big: 9007199254740991 });
  });

  it("has run every migration", async () => {
    const tables = await handle.db.introspection.getTables();
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(["route_map_edition", "edition_item", "audit_event"]),
    );
  });
});
