import { type Kysely, sql } from "kysely";

// Frozen in time: this migration must never change once released. Later changes get new files.
// Imported documents of two more kinds, minutes and progress updates; the address a document
// was saved from, when known; and the meeting imported minutes became.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table imported_document drop constraint imported_document_kind_check`.execute(db);
  await sql`alter table imported_document add constraint imported_document_kind_check
              check (kind in ('route_map', 'minutes', 'progress_update'))`.execute(db);
  await db.schema
    .alterTable("imported_document")
    .addColumn("source_address", "text")
    .addColumn("meeting_id", "integer", (c) => c.references("meeting.id").onDelete("set null"))
    .execute();
  await db.schema
    .createIndex("imported_document_meeting_idx")
    .on("imported_document")
    .column("meeting_id")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("imported_document_meeting_idx").execute();
  await db.schema
    .alterTable("imported_document")
    .dropColumn("meeting_id")
    .dropColumn("source_address")
    .execute();
  await sql`delete from imported_document where kind <> 'route_map'`.execute(db);
  await sql`alter table imported_document drop constraint imported_document_kind_check`.execute(db);
  await sql`alter table imported_document add constraint imported_document_kind_check
              check (kind in ('route_map'))`.execute(db);
}
