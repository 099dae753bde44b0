import { type Kysely, sql } from "kysely";

// Frozen in time: this migration must never change once released. Later changes get new files.
// Every imported document is kept, with its text and a hash of its bytes, so a record can always
// be traced to its source and the same document imported twice is recognised.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("imported_document")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('route_map')`))
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("content_hash", "text", (c) => c.notNull().unique())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("imported_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("edition_id", "integer", (c) => c.references("route_map_edition.id").onDelete("set null"))
    // What the importer found: format, warnings, sections missing, whether it looked cut off.
    .addColumn("details", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema
    .createIndex("imported_document_edition_idx")
    .on("imported_document")
    .column("edition_id")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("imported_document").execute();
}
