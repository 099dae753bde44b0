import { type Kysely, sql } from "kysely";

// Frozen in time: this migration must never change once released. Later changes get new files.
// The commitments of an imported progress update (its part's key actions) as records of their
// own, each with the document it came from: one per key action, in the document's order, so the
// same document imported again adds nothing. Progress updates imported before this migration
// (kept only in imported_document.details) are read into it here.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("commitment")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("imported_document_id", "integer", (c) =>
      c.notNull().references("imported_document.id").onDelete("cascade"),
    )
    .addColumn("document_title", "text")
    .addColumn("year", "integer")
    .addColumn("part_number", "text")
    .addColumn("part_title", "text")
    .addColumn("ordinal", "integer", (c) => c.notNull().check(sql`ordinal >= 1`))
    .addColumn("number", "integer")
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("details", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("sub_items", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("status", "text")
    .addUniqueConstraint("commitment_source_ordinal_key", ["imported_document_id", "ordinal"])
    .execute();
  await sql`
    insert into commitment (imported_document_id, document_title, year, part_number, part_title,
                            ordinal, text, details, sub_items, status)
    select d.id, d.details->>'title', (d.details->>'year')::integer, d.details->>'partNumber',
           d.details->>'partTitle', c.ordinal, c.value->>'text',
           coalesce(c.value->'details', '[]'::jsonb), coalesce(c.value->'subItems', '[]'::jsonb),
           c.value->>'status'
    from imported_document d
    cross join lateral jsonb_array_elements(
      case when jsonb_typeof(d.details->'commitments') = 'array' then d.details->'commitments' else '[]'::jsonb end
    ) with ordinality as c(value, ordinal)
    where d.kind = 'progress_update' and c.value->>'text' is not null
    order by d.id, c.ordinal`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("commitment").execute();
}
