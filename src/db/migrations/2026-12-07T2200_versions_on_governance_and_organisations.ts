import type { Kysely } from "kysely";

// Frozen in time: this migration must never change once released. Later changes get new files.
// Groups, meetings, agenda items, memberships and organisations get a version, as route-map
// editions and the indicator framework have: each edit form carries the version it was made
// from, and the change is one conditional update on it, so of two people saving the same record
// the second is told (409) instead of silently overwriting the first. Existing rows start at 0.

const TABLES = ["governance_group", "meeting", "agenda_item", "group_membership", "organisation"] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES)
    await db.schema
      .alterTable(table)
      .addColumn("version", "integer", (c) => c.notNull().defaultTo(0))
      .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) await db.schema.alterTable(table).dropColumn("version").execute();
}
