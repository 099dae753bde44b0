import { type Kysely, sql } from "kysely";

// Frozen in time: this migration must never change once released. Later changes get new files.
// The progress framework: vision statements → outcomes → indicators → observations. Observations
// are kept one row per (indicator, period, geography, breakdown); a re-upload that changes a value
// moves the old one into observation_revision first, so nothing loaded is ever lost. Geography
// codes are the official ones (Scotland S92, council areas S12, health boards S08); the list of
// names lives in the code (indicators/geography.ts), the column only checks the shape.

const FLAGS = ["provisional", "revised", "estimated", "suppressed"] as const;
const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("vision_statement")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("position", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("pf_outcome")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("vision_statement_id", "integer", (c) =>
      c.notNull().references("vision_statement.id").onDelete("cascade"),
    )
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("indicator")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("outcome_id", "integer", (c) => c.notNull().references("pf_outcome.id").onDelete("restrict"))
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("definition", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("better", "text", (c) => c.notNull().check(sql`better in ('higher', 'lower', 'neither')`))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('core', 'contextual')`))
    .addColumn("measure", "text", (c) => c.notNull().check(sql`measure in ('process', 'outcome')`))
    .addColumn("source", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("source_url", "text")
    .addColumn("publisher", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("last_updated", "date")
    .addColumn("next_update", "text")
    .addColumn("baseline_period", "text")
    .addColumn("baseline_value", "numeric")
    .addColumn("target_value", "numeric")
    .addColumn("target_date", "date")
    .addColumn("story", "text", (c) => c.notNull().defaultTo(""))
    // The breakdown names an upload may use for this indicator: ["age band", "sex"].
    .addColumn("breakdowns", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    // Small-number rule: values from 1 to (threshold - 1) are suppressed for the public. Null: none.
    .addColumn("suppress_below", "integer", (c) => c.check(sql`suppress_below is null or suppress_below > 0`))
    .addColumn("published", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("indicator_outcome_idx").on("indicator").column("outcome_id").execute();

  await db.schema
    .createTable("indicator_upload")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("indicator_id", "integer", (c) => c.notNull().references("indicator.id").onDelete("cascade"))
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("rows", "integer", (c) => c.notNull())
    .addColumn("added", "integer", (c) => c.notNull())
    .addColumn("replaced", "integer", (c) => c.notNull())
    .addColumn("unchanged", "integer", (c) => c.notNull())
    .addColumn("uploaded_by", "text", (c) => c.notNull())
    .addColumn("uploaded_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("observation")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("indicator_id", "integer", (c) => c.notNull().references("indicator.id").onDelete("cascade"))
    // "2023", "2022-23" or "2023-07-31"; period_start orders them.
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("period_type", "text", (c) =>
      c.notNull().check(sql`period_type in ('calendar_year', 'financial_year', 'snapshot')`),
    )
    .addColumn("period_start", "date", (c) => c.notNull())
    .addColumn("geography", "text", (c) => c.notNull().check(sql`geography ~ '^S(92|12|08)[0-9]{6}$'`))
    .addColumn("breakdown", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    // Null only when the source itself withheld the value (flag "suppressed").
    .addColumn("value", "numeric")
    .addColumn("flag", "text", (c) => c.check(sql`flag in (${list(FLAGS)})`))
    .addColumn("upload_id", "integer", (c) => c.references("indicator_upload.id").onDelete("set null"))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("observation_value_or_suppressed", sql`value is not null or flag = 'suppressed'`)
    .addUniqueConstraint("observation_once", ["indicator_id", "period", "geography", "breakdown"])
    .execute();
  await db.schema
    .createIndex("observation_series_idx")
    .on("observation")
    .columns(["indicator_id", "geography", "period_start"])
    .execute();

  await db.schema
    .createTable("observation_revision")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("observation_id", "bigint", (c) =>
      c.notNull().references("observation.id").onDelete("cascade"),
    )
    .addColumn("value", "numeric")
    .addColumn("flag", "text")
    .addColumn("upload_id", "integer", (c) => c.references("indicator_upload.id").onDelete("set null"))
    .addColumn("replaced_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("replaced_by_upload_id", "integer", (c) =>
      c.references("indicator_upload.id").onDelete("set null"),
    )
    .execute();
  await db.schema
    .createIndex("observation_revision_observation_idx")
    .on("observation_revision")
    .column("observation_id")
    .execute();

  // An upload checked and shown to the analyst, waiting for them to confirm it: its rows, already
  // read and valid, so confirming saves exactly what the preview showed. Removed once saved.
  await db.schema
    .createTable("indicator_upload_pending")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("indicator_id", "integer", (c) => c.notNull().references("indicator.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("rows", "jsonb", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // Experiential evidence beside the numbers: only consented, anonymised quotes and findings.
  await db.schema
    .createTable("indicator_evidence")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("indicator_id", "integer", (c) => c.notNull().references("indicator.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('quote', 'survey_finding')`))
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("attribution", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("source", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("consented", "boolean", (c) => c.notNull().check(sql`consented`))
    .addColumn("anonymised", "boolean", (c) => c.notNull().check(sql`anonymised`))
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  // The route-map actions meant to move an indicator.
  await db.schema
    .createTable("indicator_action")
    .addColumn("indicator_id", "integer", (c) => c.notNull().references("indicator.id").onDelete("cascade"))
    .addColumn("edition_item_id", "integer", (c) =>
      c.notNull().references("edition_item.id").onDelete("cascade"),
    )
    .addPrimaryKeyConstraint("indicator_action_pk", ["indicator_id", "edition_item_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "indicator_action",
    "indicator_evidence",
    "observation_revision",
    "indicator_upload_pending",
    "observation",
    "indicator_upload",
    "indicator",
    "pf_outcome",
    "vision_statement",
  ])
    await db.schema.dropTable(table).execute();
}
