import { type Kysely, sql } from "kysely";

// Frozen in time: this migration must never change once released. Later changes get new files.
// Accountability: which sectors an organisation belongs to; who must act on each route-map action
// and by when; progress updates with their evidence. Responsibilities and updates hang on an
// action's stable key within its theme (edition_item.key), not on one edition's row, so they
// carry over when a new edition is published.

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

const STATUSES = ["not_started", "in_progress", "on_track", "at_risk", "delayed", "complete", "superseded"];
const CONFIDENCE = ["self_assessed", "evidenced", "verified"];
const EVIDENCE = ["link", "indicator", "voice", "document"];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("organisation_sector")
    .addColumn("organisation_id", "integer", (c) =>
      c.notNull().references("organisation.id").onDelete("cascade"),
    )
    .addColumn("sector_id", "integer", (c) => c.notNull().references("sector.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("organisation_sector_pk", ["organisation_id", "sector_id"])
    .execute();
  await db.schema
    .createIndex("organisation_sector_sector_idx")
    .on("organisation_sector")
    .column("sector_id")
    .execute();

  // One row per action that anyone has planned or reported on: its due year or date, its weight
  // in the roll-up, the outcome it serves, and a version every progress change bumps (two people
  // updating the same action at once: the second is told).
  await db.schema
    .createTable("action_tracking")
    .addColumn("theme_id", "integer", (c) => c.notNull().references("theme.id").onDelete("cascade"))
    .addColumn("action_key", "uuid", (c) => c.notNull())
    .addColumn("due_year", "integer", (c) => c.check(sql`due_year between 2020 and 2040`))
    .addColumn("due_date", "date")
    .addColumn("weight", "integer", (c) => c.notNull().defaultTo(1).check(sql`weight between 0 and 100`))
    .addColumn("outcome_key", "uuid")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("action_tracking_pk", ["theme_id", "action_key"])
    .addCheckConstraint("action_tracking_one_due", sql`due_year is null or due_date is null`)
    .execute();

  await db.schema
    .createTable("action_responsibility")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("theme_id", "integer", (c) => c.notNull().references("theme.id").onDelete("cascade"))
    .addColumn("action_key", "uuid", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('lead', 'partner')`))
    .addColumn("organisation_id", "integer", (c) => c.references("organisation.id").onDelete("cascade"))
    .addColumn("sector_id", "integer", (c) => c.references("sector.id").onDelete("cascade"))
    .addCheckConstraint("action_responsibility_one_party", sql`num_nonnulls(organisation_id, sector_id) = 1`)
    .addUniqueConstraint(
      "action_responsibility_once",
      ["theme_id", "action_key", "organisation_id", "sector_id"],
      (c) => c.nullsNotDistinct(),
    )
    .execute();
  await db.schema
    .createIndex("action_responsibility_organisation_idx")
    .on("action_responsibility")
    .column("organisation_id")
    .execute();
  await db.schema
    .createIndex("action_responsibility_sector_idx")
    .on("action_responsibility")
    .column("sector_id")
    .execute();

  await db.schema
    .createTable("progress_update")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("theme_id", "integer", (c) => c.notNull().references("theme.id").onDelete("cascade"))
    .addColumn("action_key", "uuid", (c) => c.notNull())
    .addColumn("organisation_id", "integer", (c) =>
      c.notNull().references("organisation.id").onDelete("restrict"),
    )
    .addColumn("state", "text", (c) =>
      c.notNull().defaultTo("draft").check(sql`state in ('draft', 'submitted')`),
    )
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in (${list(STATUSES)})`))
    .addColumn("percent", "integer", (c) => c.notNull().check(sql`percent between 0 and 100`))
    .addColumn("narrative", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("confidence", "text", (c) => c.notNull().check(sql`confidence in (${list(CONFIDENCE)})`))
    .addColumn("author_id", "integer", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("author_name", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("submitted_at", "timestamptz")
    // A programme editor's request for more evidence, on a submitted update.
    .addColumn("evidence_requested_at", "timestamptz")
    .addColumn("evidence_request", "text")
    .addCheckConstraint(
      "progress_update_submitted_at",
      sql`(state = 'submitted') = (submitted_at is not null)`,
    )
    .execute();
  await db.schema
    .createIndex("progress_update_action_idx")
    .on("progress_update")
    .columns(["theme_id", "action_key", "state"])
    .execute();
  await db.schema
    .createIndex("progress_update_organisation_idx")
    .on("progress_update")
    .column("organisation_id")
    .execute();
  // One draft per organisation and action: saving again changes it, never forks it.
  await sql`create unique index progress_update_one_draft on progress_update (theme_id, action_key, organisation_id) where state = 'draft'`.execute(
    db,
  );

  await db.schema
    .createTable("progress_evidence")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("update_id", "integer", (c) =>
      c.notNull().references("progress_update.id").onDelete("cascade"),
    )
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in (${list(EVIDENCE)})`))
    .addColumn("title", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("url", "text")
    .addColumn("body", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("progress_evidence_link_has_url", sql`kind <> 'link' or url is not null`)
    .execute();
  await db.schema
    .createIndex("progress_evidence_update_idx")
    .on("progress_evidence")
    .column("update_id")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("progress_evidence").execute();
  await db.schema.dropTable("progress_update").execute();
  await db.schema.dropTable("action_responsibility").execute();
  await db.schema.dropTable("action_tracking").execute();
  await db.schema.dropTable("organisation_sector").execute();
}
