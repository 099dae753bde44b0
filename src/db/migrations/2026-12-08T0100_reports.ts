import { type Kysely, sql } from "kysely";

// Frozen in time: this migration must never change once released. Later changes get new files.
// Reports: generated once, as at a date, and kept exactly as generated. `snapshot` holds all the
// data the report shows, taken when it was generated and never recomputed; `report_file` keeps
// the Word, spreadsheet and PDF files made from that snapshot at the same moment, so a download
// is the very file that was generated. A report is never edited, so it has no version.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("report")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('route_map', 'organisation')`))
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("as_at", "date", (c) => c.notNull())
    .addColumn("generated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("generated_by", "integer", (c) => c.references("app_user.id"))
    .addColumn("snapshot", "jsonb", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("report_kind_subject")
    .on("report")
    .columns(["kind", "subject", "as_at"])
    .execute();
  await db.schema
    .createTable("report_file")
    .addColumn("report_id", "integer", (c) => c.notNull().references("report.id").onDelete("cascade"))
    .addColumn("format", "text", (c) => c.notNull().check(sql`format in ('docx', 'xlsx', 'pdf')`))
    .addColumn("data", "bytea", (c) => c.notNull())
    .addColumn("byte_size", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("report_file_pkey", ["report_id", "format"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("report_file").execute();
  await db.schema.dropTable("report").execute();
}
