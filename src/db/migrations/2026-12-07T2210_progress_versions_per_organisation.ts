import { type Kysely, sql } from "kysely";

// Frozen in time: this migration must never change once released. Later changes get new files.
// Each organisation's update of an action gets a version of its own. The action's version
// (action_tracking.version) was moved on by every organisation's progress change, so one
// council's submission made every other council's form on that action stale; now a progress
// change moves only this row, and action_tracking.version is the action's own (due date, weight,
// outcome). Organisations that have already reported start from the action's version, so a form
// loaded just before the upgrade is still accepted; the rest start at 0, like a new action.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("progress_version")
    .addColumn("theme_id", "integer", (c) => c.notNull().references("theme.id").onDelete("cascade"))
    .addColumn("action_key", "uuid", (c) => c.notNull())
    .addColumn("organisation_id", "integer", (c) =>
      c.notNull().references("organisation.id").onDelete("cascade"),
    )
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("progress_version_pk", ["theme_id", "action_key", "organisation_id"])
    .execute();
  await db.schema
    .createIndex("progress_version_organisation_idx")
    .on("progress_version")
    .column("organisation_id")
    .execute();
  await sql`insert into progress_version (theme_id, action_key, organisation_id, version)
              select distinct u.theme_id, u.action_key, u.organisation_id, coalesce(t.version, 0)
              from progress_update u
              left join action_tracking t on t.theme_id = u.theme_id and t.action_key = u.action_key`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("progress_version").execute();
}
