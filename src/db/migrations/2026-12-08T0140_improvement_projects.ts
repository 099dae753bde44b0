import { type Kysely, sql } from "kysely";

// Frozen in time: this migration must never change once released. Later changes get new files.
// Quality improvement: projects (aim, team, status, what was learned), the council areas,
// organisations, route-map actions and indicators each serves, and measures with their dated
// data points for run charts. A project's version guards its own form; a measure's guards its
// details and its data points, so two people adding points from one page cannot both win.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("improvement_project")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("aim_what", "text", (c) => c.notNull())
    .addColumn("aim_how_much", "text", (c) => c.notNull())
    .addColumn("aim_by", "date", (c) => c.notNull())
    .addColumn("team", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('planned', 'testing', 'spreading', 'sustained', 'stopped')`),
    )
    .addColumn("learned", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("published", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable("improvement_project_area")
    .addColumn("project_id", "integer", (c) =>
      c.notNull().references("improvement_project.id").onDelete("cascade"),
    )
    .addColumn("area_code", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("improvement_project_area_pkey", ["project_id", "area_code"])
    .execute();
  await db.schema
    .createTable("improvement_project_organisation")
    .addColumn("project_id", "integer", (c) =>
      c.notNull().references("improvement_project.id").onDelete("cascade"),
    )
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisation.id"))
    .addPrimaryKeyConstraint("improvement_project_organisation_pkey", ["project_id", "organisation_id"])
    .execute();
  await db.schema
    .createIndex("improvement_project_organisation_by_organisation")
    .on("improvement_project_organisation")
    .column("organisation_id")
    .execute();
  // Actions by their stable key, as accountability keeps them, so links survive a new edition.
  await db.schema
    .createTable("improvement_project_action")
    .addColumn("project_id", "integer", (c) =>
      c.notNull().references("improvement_project.id").onDelete("cascade"),
    )
    .addColumn("theme_id", "integer", (c) => c.notNull().references("theme.id"))
    .addColumn("action_key", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("improvement_project_action_pkey", ["project_id", "theme_id", "action_key"])
    .execute();
  await db.schema
    .createTable("improvement_project_indicator")
    .addColumn("project_id", "integer", (c) =>
      c.notNull().references("improvement_project.id").onDelete("cascade"),
    )
    .addColumn("indicator_id", "integer", (c) => c.notNull().references("indicator.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("improvement_project_indicator_pkey", ["project_id", "indicator_id"])
    .execute();
  await db.schema
    .createTable("improvement_measure")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("project_id", "integer", (c) =>
      c.notNull().references("improvement_project.id").onDelete("cascade"),
    )
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('outcome', 'process', 'balancing')`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("better", "text", (c) => c.notNull().check(sql`better in ('up', 'down')`))
    .addColumn("baseline_points", "integer", (c) =>
      c.notNull().defaultTo(12).check(sql`baseline_points between 1 and 100`),
    )
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("improvement_measure_by_project")
    .on("improvement_measure")
    .column("project_id")
    .execute();
  await db.schema
    .createTable("improvement_data_point")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("measure_id", "integer", (c) =>
      c.notNull().references("improvement_measure.id").onDelete("cascade"),
    )
    .addColumn("date", "date", (c) => c.notNull())
    .addColumn("value", "double precision", (c) => c.notNull())
    .addColumn("annotation", "text", (c) => c.notNull().defaultTo(""))
    .addUniqueConstraint("improvement_data_point_measure_date_key", ["measure_id", "date"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "improvement_data_point",
    "improvement_measure",
    "improvement_project_indicator",
    "improvement_project_action",
    "improvement_project_organisation",
    "improvement_project_area",
    "improvement_project",
  ])
    await db.schema.dropTable(table).execute();
}
