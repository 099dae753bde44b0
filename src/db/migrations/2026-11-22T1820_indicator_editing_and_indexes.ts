import { type Kysely, sql } from "kysely";

// Frozen in time: this migration must never change once released. Later changes get new files.
// Editing the progress framework through forms, and reading observations at scale.
// - Vision statements, outcomes and evidence get a version, so two analysts saving the same one
//   cannot overwrite each other (indicators already have one).
// - The indicator page reads one series (an indicator, an area and a breakdown, over time), one
//   period by area, the periods and the breakdowns in use. The series index now leads with the
//   breakdown after the area, so a series is one index range, and the distinct (area, breakdown)
//   pairs can be read by skipping through it; the unique index on (indicator_id, period, …)
//   already gives one period by area and the distinct periods the same way. No page reads every row.

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ["vision_statement", "pf_outcome", "indicator_evidence"])
    await db.schema
      .alterTable(table)
      .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
      .execute();
  await db.schema.dropIndex("observation_series_idx").execute();
  await db.schema
    .createIndex("observation_series_idx")
    .on("observation")
    .columns(["indicator_id", "geography", "breakdown", "period_start"])
    .execute();
  await db.schema
    .createIndex("indicator_evidence_indicator_idx")
    .on("indicator_evidence")
    .column("indicator_id")
    .execute();
  await db.schema
    .createIndex("indicator_action_item_idx")
    .on("indicator_action")
    .column("edition_item_id")
    .execute();
  await sql`analyze observation`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("indicator_action_item_idx").execute();
  await db.schema.dropIndex("indicator_evidence_indicator_idx").execute();
  await db.schema.dropIndex("observation_series_idx").execute();
  await db.schema
    .createIndex("observation_series_idx")
    .on("observation")
    .columns(["indicator_id", "geography", "period_start"])
    .execute();
  for (const table of ["vision_statement", "pf_outcome", "indicator_evidence"])
    await db.schema.alterTable(table).dropColumn("version").execute();
}
