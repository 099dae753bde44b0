import { type Kysely, sql } from "kysely";

// Frozen in time: this migration must never change once released. Later changes get new files.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("programme")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("start_year", "integer", (c) => c.notNull())
    .addColumn("end_year", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("foundation")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("programme_id", "integer", (c) => c.notNull().references("programme.id").onDelete("cascade"))
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("position", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("theme")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("foundation_id", "integer", (c) => c.notNull().references("foundation.id").onDelete("cascade"))
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("position", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("sector")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("position", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("route_map_edition")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("theme_id", "integer", (c) => c.notNull().references("theme.id").onDelete("cascade"))
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("draft").check(sql`status in ('draft', 'published')`),
    )
    .addColumn("layout", "text", (c) => c.notNull().check(sql`layout in ('ambitions', 'outcomes')`))
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("last_updated", "date")
    .addColumn("introduction", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("state_of_play_title", "text", (c) => c.notNull())
    .addColumn("state_of_play", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("ambition_summary", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("route_map_intro", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("copied_from_id", "integer", (c) => c.references("route_map_edition.id").onDelete("set null"))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("published_at", "timestamptz")
    .addColumn("source", "text")
    .addCheckConstraint(
      "published_edition_has_date",
      sql`status = 'draft' or (last_updated is not null and published_at is not null)`,
    )
    .execute();
  await db.schema
    .createIndex("route_map_edition_theme_idx")
    .on("route_map_edition")
    .columns(["theme_id", "status"])
    .execute();
  // At most one draft per route map: a second "start a new edition" must not fork the work.
  await sql`create unique index route_map_edition_one_draft on route_map_edition (theme_id) where status = 'draft'`.execute(
    db,
  );

  // Every section of an edition is an ordered list of items of one kind. One table keeps
  // ordering, copying and comparing editions the same for every section.
  await db.schema
    .createTable("edition_item")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("edition_id", "integer", (c) =>
      c.notNull().references("route_map_edition.id").onDelete("cascade"),
    )
    .addColumn("section", "text", (c) =>
      c
        .notNull()
        .check(
          sql`section in ('outcome', 'action', 'milestone', 'sector', 'helping', 'what_matters', 'mapping')`,
        ),
    )
    // Stable across editions: a copied item keeps its key, so comparison can tell "changed" from "added".
    .addColumn("key", "uuid", (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn("parent_id", "integer", (c) => c.references("edition_item.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("page_refs", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("year", "integer", (c) => c.check(sql`year between 2025 and 2030`))
    .addColumn("framework", "text", (c) =>
      c.check(sql`framework in ('promise_report', 'plan_21_24', 'uncrc', 'shanarri')`),
    )
    .addColumn("sector_id", "integer", (c) => c.references("sector.id").onDelete("restrict"))
    .addCheckConstraint("milestone_has_year", sql`(section = 'milestone') = (year is not null)`)
    .addCheckConstraint("mapping_has_framework", sql`(section = 'mapping') = (framework is not null)`)
    .addCheckConstraint("sector_item_has_sector", sql`(section = 'sector') = (sector_id is not null)`)
    .addCheckConstraint("only_actions_nest", sql`parent_id is null or section = 'action'`)
    .execute();
  await db.schema
    .createIndex("edition_item_edition_idx")
    .on("edition_item")
    .columns(["edition_id", "section", "position"])
    .execute();
  await db.schema.createIndex("edition_item_sector_idx").on("edition_item").column("sector_id").execute();

  await db.schema
    .createTable("app_user")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('editor', 'reader')`))
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("user_session")
    .addColumn("id_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("audit_event")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("actor_id", "integer", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("actor_label", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("before", "jsonb")
    .addColumn("after", "jsonb")
    .addColumn("request_id", "text")
    .execute();
  await db.schema
    .createIndex("audit_event_entity_idx")
    .on("audit_event")
    .columns(["entity_type", "entity_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "audit_event",
    "user_session",
    "app_user",
    "edition_item",
    "route_map_edition",
    "sector",
    "theme",
    "foundation",
    "programme",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
