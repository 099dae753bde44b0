import { type Kysely, sql } from "kysely";

// Frozen in time: this migration must never change once released. Later changes get new files.
// Reporting rounds: a programme editor asks every responsible organisation for an update on some
// or all actions by a due date. What each organisation owes is kept as the round opens (so the
// round's page does not shift when responsibilities change later), and so are its reminder dates:
// one row per organisation and day, sent_at set once it is dealt with, so a restart loses none and
// sends none twice. Each email sent is kept too, so a retry after a partial failure writes only to
// those who did not get it.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("reporting_round")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("due_date", "date", (c) => c.notNull())
    // Every route map, or only those in reporting_round_theme.
    .addColumn("all_route_maps", "boolean", (c) => c.notNull())
    .addColumn("days_before", sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("days_after", sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("opened_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("opened_by", "integer", (c) => c.references("app_user.id"))
    .addColumn("closed_at", "timestamptz")
    .addColumn("closed_by", "integer", (c) => c.references("app_user.id"))
    .execute();

  await db.schema
    .createTable("reporting_round_theme")
    .addColumn("round_id", "integer", (c) => c.notNull().references("reporting_round.id").onDelete("cascade"))
    .addColumn("theme_id", "integer", (c) => c.notNull().references("theme.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("reporting_round_theme_pk", ["round_id", "theme_id"])
    .execute();

  // What each organisation owes in the round: one row per action it is named on (itself or
  // through a sector) when the round opened.
  await db.schema
    .createTable("round_obligation")
    .addColumn("round_id", "integer", (c) => c.notNull().references("reporting_round.id").onDelete("cascade"))
    .addColumn("organisation_id", "integer", (c) =>
      c.notNull().references("organisation.id").onDelete("cascade"),
    )
    .addColumn("theme_id", "integer", (c) => c.notNull().references("theme.id").onDelete("cascade"))
    .addColumn("action_key", "uuid", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('lead', 'partner')`))
    .addPrimaryKeyConstraint("round_obligation_pk", ["round_id", "organisation_id", "theme_id", "action_key"])
    .execute();
  await db.schema
    .createIndex("round_obligation_organisation_idx")
    .on("round_obligation")
    .columns(["organisation_id", "round_id"])
    .execute();

  await db.schema
    .createTable("round_reminder")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("round_id", "integer", (c) => c.notNull().references("reporting_round.id").onDelete("cascade"))
    .addColumn("organisation_id", "integer", (c) =>
      c.notNull().references("organisation.id").onDelete("cascade"),
    )
    .addColumn("send_on", "date", (c) => c.notNull())
    // Set once the reminder is dealt with: sent, or not needed (outcome says which).
    .addColumn("sent_at", "timestamptz")
    .addColumn("outcome", "text", (c) =>
      c.check(sql`outcome in ('sent', 'answered', 'superseded', 'no_contributors')`),
    )
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addUniqueConstraint("round_reminder_once", ["round_id", "organisation_id", "send_on"])
    .addCheckConstraint("round_reminder_outcome", sql`(sent_at is null) = (outcome is null)`)
    .execute();
  await db.schema
    .createIndex("round_reminder_due_idx")
    .on("round_reminder")
    .column("send_on")
    .where(sql.ref("sent_at"), "is", null)
    .execute();

  await db.schema
    .createTable("round_reminder_delivery")
    .addColumn("reminder_id", "integer", (c) =>
      c.notNull().references("round_reminder.id").onDelete("cascade"),
    )
    .addColumn("user_id", "integer", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("sent_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("round_reminder_delivery_pk", ["reminder_id", "user_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("round_reminder_delivery").execute();
  await db.schema.dropTable("round_reminder").execute();
  await db.schema.dropTable("round_obligation").execute();
  await db.schema.dropTable("reporting_round_theme").execute();
  await db.schema.dropTable("reporting_round").execute();
}
