import { type Kysely, sql } from "kysely";

// Frozen in time: this migration must never change once released. Later changes get new files.
// Governance: a group's remit, dates and status; people (shared across Waymark); memberships;
// meetings with attendance, agenda items, papers and actions. Times of day are "HH:MM" text (the
// same on PGlite and pg, no time zones); lists inside an agenda item (discussion points,
// decisions) are text, one entry per line.

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/** Lower case, trimmed, inner spaces collapsed, curly apostrophes straight: how names are matched. */
const nameKey = (column: string) =>
  sql`lower(regexp_replace(btrim(translate(${sql.ref(column)}, '’‘', '''''')), '\\s+', ' ', 'g'))`;

const TIME = "'^([01][0-9]|2[0-3]):[0-5][0-9]$'";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("governance_group")
    .addColumn("remit", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("priorities", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("parent_id", "integer", (c) => c.references("governance_group.id").onDelete("set null"))
    .addColumn("portfolio", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("start_date", "date")
    .addColumn("review_date", "date")
    .addColumn("end_date", "date")
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("active").check(sql`status in ('active', 'paused', 'ended')`),
    )
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`alter table governance_group
              add constraint governance_group_dates check (end_date is null or start_date is null or end_date >= start_date),
              add constraint governance_group_not_own_parent check (parent_id is null or parent_id <> id)`.execute(
    db,
  );
  await db.schema
    .createIndex("governance_group_parent_idx")
    .on("governance_group")
    .column("parent_id")
    .execute();

  // Names are matched tolerant of case and spacing: "CoSLA" finds "COSLA".
  await db.schema
    .alterTable("organisation")
    .addColumn("name_key", "text", (c) => c.generatedAlwaysAs(nameKey("name")).stored())
    .execute();
  await db.schema.createIndex("organisation_name_key_idx").on("organisation").column("name_key").execute();
  // Other names an organisation goes by in documents: "CCPS", "Coalition of Care and Support Providers in Scotland".
  await db.schema
    .createTable("organisation_alias")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("organisation_id", "integer", (c) =>
      c.notNull().references("organisation.id").onDelete("cascade"),
    )
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_key", "text", (c) => c.generatedAlwaysAs(nameKey("name")).stored().unique())
    .execute();

  await db.schema
    .createTable("person")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull().check(sql`btrim(name) <> ''`))
    .addColumn("name_key", "text", (c) => c.generatedAlwaysAs(nameKey("name")).stored())
    .addColumn("email", "text", (c) => c.unique())
    .addColumn("organisation_id", "integer", (c) => c.references("organisation.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("person_name_key_idx").on("person").column("name_key").execute();

  await db.schema
    .createTable("group_membership")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("group_id", "integer", (c) =>
      c.notNull().references("governance_group.id").onDelete("cascade"),
    )
    .addColumn("person_id", "integer", (c) => c.notNull().references("person.id").onDelete("restrict"))
    .addColumn("organisation_id", "integer", (c) => c.references("organisation.id").onDelete("set null"))
    .addColumn("role", "text", (c) =>
      c.notNull().check(sql`role in (${list(["co_chair", "secretariat", "member", "observer"])})`),
    )
    .addColumn("deputy_for_id", "integer", (c) => c.references("person.id").onDelete("set null"))
    .addColumn("from_date", "date")
    .addColumn("to_date", "date")
    .addCheckConstraint(
      "group_membership_dates",
      sql`to_date is null or from_date is null or to_date >= from_date`,
    )
    .addCheckConstraint(
      "group_membership_not_own_deputy",
      sql`deputy_for_id is null or deputy_for_id <> person_id`,
    )
    .execute();
  await db.schema
    .createIndex("group_membership_group_idx")
    .on("group_membership")
    .column("group_id")
    .execute();
  await db.schema
    .createIndex("group_membership_person_idx")
    .on("group_membership")
    .column("person_id")
    .execute();

  await db.schema
    .createTable("meeting")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("group_id", "integer", (c) =>
      c.notNull().references("governance_group.id").onDelete("cascade"),
    )
    .addColumn("meeting_date", "date", (c) => c.notNull())
    .addColumn("start_time", "text", (c) => c.check(sql`start_time ~ ${sql.raw(TIME)}`))
    .addColumn("end_time", "text", (c) => c.check(sql`end_time ~ ${sql.raw(TIME)}`))
    .addColumn("place", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("online", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("planned").check(sql`status in ('planned', 'held', 'cancelled')`),
    )
    .addColumn("minutes_status", "text", (c) =>
      c.notNull().defaultTo("draft").check(sql`minutes_status in ('draft', 'agreed', 'published')`),
    )
    // The later meeting at which the minutes were agreed, and what it changed.
    .addColumn("agreed_at_meeting_id", "integer", (c) => c.references("meeting.id").onDelete("set null"))
    .addColumn("amendments", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("published_on", "date")
    .addColumn("next_meeting_id", "integer", (c) => c.references("meeting.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("meeting_times", sql`start_time is null or end_time is null or end_time > start_time`)
    .addCheckConstraint(
      "meeting_published_has_date",
      sql`(minutes_status = 'published') = (published_on is not null)`,
    )
    .addCheckConstraint("meeting_next_is_other", sql`next_meeting_id is null or next_meeting_id <> id`)
    .execute();
  await db.schema
    .createIndex("meeting_group_date_idx")
    .on("meeting")
    .columns(["group_id", "meeting_date"])
    .execute();

  await db.schema
    .createTable("meeting_attendance")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("meeting_id", "integer", (c) => c.notNull().references("meeting.id").onDelete("cascade"))
    .addColumn("person_id", "integer", (c) => c.notNull().references("person.id").onDelete("restrict"))
    // The organisation they came for at the time, whatever their organisation is now.
    .addColumn("organisation_id", "integer", (c) => c.references("organisation.id").onDelete("set null"))
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('present', 'apologies', 'deputised')`),
    )
    .addColumn("deputised_by_id", "integer", (c) => c.references("person.id").onDelete("set null"))
    .addColumn("co_chair", "boolean", (c) => c.notNull().defaultTo(false))
    // The order the minutes list them in.
    .addColumn("position", "integer", (c) => c.notNull())
    .addUniqueConstraint("meeting_attendance_once", ["meeting_id", "person_id"])
    .addCheckConstraint(
      "meeting_attendance_deputy",
      sql`(status = 'deputised') = (deputised_by_id is not null) and deputised_by_id is distinct from person_id`,
    )
    .execute();
  await db.schema
    .createIndex("meeting_attendance_person_idx")
    .on("meeting_attendance")
    .column("person_id")
    .execute();

  await db.schema
    .createTable("agenda_item")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("meeting_id", "integer", (c) => c.notNull().references("meeting.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull().check(sql`btrim(title) <> ''`))
    .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("discussion_points", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("decisions", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema
    .createIndex("agenda_item_meeting_idx")
    .on("agenda_item")
    .columns(["meeting_id", "position"])
    .execute();

  await db.schema
    .createTable("paper")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("agenda_item_id", "integer", (c) =>
      c.notNull().references("agenda_item.id").onDelete("cascade"),
    )
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull().check(sql`btrim(title) <> ''`))
    // As the minutes cite it: "paper 5/1".
    .addColumn("reference", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("url", "text")
    .addColumn("file_name", "text")
    .addColumn("media_type", "text")
    .addColumn("content", "bytea")
    // Papers are private until someone says otherwise.
    .addColumn("public", "boolean", (c) => c.notNull().defaultTo(false))
    .addCheckConstraint("paper_file_complete", sql`(file_name is null) = (content is null)`)
    .execute();
  await db.schema.createIndex("paper_agenda_item_idx").on("paper").column("agenda_item_id").execute();

  await db.schema
    .createTable("meeting_action")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("meeting_id", "integer", (c) => c.notNull().references("meeting.id").onDelete("cascade"))
    .addColumn("agenda_item_id", "integer", (c) => c.references("agenda_item.id").onDelete("set null"))
    .addColumn("text", "text", (c) => c.notNull().check(sql`btrim(text) <> ''`))
    .addColumn("owner_person_id", "integer", (c) => c.references("person.id").onDelete("set null"))
    .addColumn("owner_organisation_id", "integer", (c) =>
      c.references("organisation.id").onDelete("set null"),
    )
    .addColumn("due_date", "date")
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("open").check(sql`status in ('open', 'closed')`),
    )
    .addColumn("closed_on", "date")
    // Promoted into a route-map action: the draft item it became, and that item's key, which
    // stays the same in every later edition (so the link survives publishing).
    .addColumn("edition_item_id", "integer", (c) => c.references("edition_item.id").onDelete("set null"))
    .addColumn("edition_item_key", "uuid")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("meeting_action_closed_on", sql`(status = 'closed') = (closed_on is not null)`)
    .execute();
  await db.schema
    .createIndex("meeting_action_meeting_idx")
    .on("meeting_action")
    .column("meeting_id")
    .execute();
  await db.schema
    .createIndex("meeting_action_edition_item_key_idx")
    .on("meeting_action")
    .column("edition_item_key")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "meeting_action",
    "paper",
    "agenda_item",
    "meeting_attendance",
    "meeting",
    "group_membership",
    "person",
    "organisation_alias",
  ])
    await db.schema.dropTable(table).execute();
  await db.schema.dropIndex("organisation_name_key_idx").execute();
  await db.schema.alterTable("organisation").dropColumn("name_key").execute();
  await db.schema.dropIndex("governance_group_parent_idx").execute();
  await sql`alter table governance_group
              drop constraint governance_group_dates,
              drop constraint governance_group_not_own_parent`.execute(db);
  for (const column of [
    "remit",
    "priorities",
    "parent_id",
    "portfolio",
    "start_date",
    "review_date",
    "end_date",
    "status",
    "updated_at",
  ])
    await db.schema.alterTable("governance_group").dropColumn(column).execute();
}
