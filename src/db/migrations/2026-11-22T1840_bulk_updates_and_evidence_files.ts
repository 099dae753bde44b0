import { type Kysely, sql } from "kysely";

// Frozen in time: this migration must never change once released. Later changes get new files.
// Bulk progress updates: a checked spreadsheet waits here, server-side, between its preview and
// its confirmation, so what is confirmed is exactly what was shown. Evidence documents: the file
// itself is kept with its evidence row (name, type, size, bytes), only for evidence of kind
// "document".

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("progress_upload_pending")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("organisation_id", "integer", (c) =>
      c.notNull().references("organisation.id").onDelete("cascade"),
    )
    .addColumn("user_id", "integer", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("submit", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("changes", "jsonb", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("progress_upload_pending_user_idx")
    .on("progress_upload_pending")
    .column("user_id")
    .execute();

  await db.schema
    .alterTable("progress_evidence")
    .addColumn("file_name", "text")
    .addColumn("content_type", "text")
    .addColumn("byte_size", "integer")
    .addColumn("data", "bytea")
    .execute();
  await sql`alter table progress_evidence add constraint progress_evidence_file_is_document
              check (data is null or (kind = 'document' and file_name is not null and content_type is not null and byte_size is not null))`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table progress_evidence drop constraint progress_evidence_file_is_document`.execute(db);
  await db.schema
    .alterTable("progress_evidence")
    .dropColumn("data")
    .dropColumn("byte_size")
    .dropColumn("content_type")
    .dropColumn("file_name")
    .execute();
  await db.schema.dropTable("progress_upload_pending").execute();
}
