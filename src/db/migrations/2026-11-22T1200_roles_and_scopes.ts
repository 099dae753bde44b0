import { type Kysely, sql } from "kysely";

// Frozen in time: this migration must never change once released. Later changes get new files.
// Roles with scopes replace the single role column. An organisation contributor acts for named
// organisations, a group secretary for named groups, so the register of organisations and the
// governance groups start here (their details come with their own features' migrations).

const ROLES = [
  "administrator",
  "programme_editor",
  "organisation_contributor",
  "group_secretary",
  "analyst",
  "reader",
] as const;

const ORGANISATION_TYPES = [
  "national_government",
  "local_government",
  "local_authority",
  "health_board",
  "third_sector",
  "education",
  "inspectorate",
  "public_body",
  "justice",
  "other",
] as const;

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("organisation")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull().check(sql`type in (${list(ORGANISATION_TYPES)})`))
    // The official code of the area it serves, for councils and health boards: "S12000033".
    .addColumn("area_code", "text", (c) => c.unique())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("governance_group")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("user_role")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in (${list(ROLES)})`))
    .addColumn("organisation_id", "integer", (c) => c.references("organisation.id").onDelete("cascade"))
    .addColumn("group_id", "integer", (c) => c.references("governance_group.id").onDelete("cascade"))
    .addColumn("granted_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      "user_role_scope",
      sql`(role = 'organisation_contributor') = (organisation_id is not null)
          and (role = 'group_secretary') = (group_id is not null)`,
    )
    .addUniqueConstraint("user_role_once", ["user_id", "role", "organisation_id", "group_id"], (c) =>
      c.nullsNotDistinct(),
    )
    .execute();
  await db.schema.createIndex("user_role_user_idx").on("user_role").column("user_id").execute();

  await sql`insert into user_role (user_id, role)
            select id, case role when 'editor' then 'programme_editor' else 'reader' end from app_user`.execute(
    db,
  );
  await db.schema.alterTable("app_user").dropColumn("role").execute();
  await db.schema
    .alterTable("app_user")
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("active").check(sql`status in ('invited', 'active', 'deactivated')`),
    )
    .execute();
  // An invited user has no password until they accept; a single sign-on user may never have one.
  await db.schema
    .alterTable("app_user")
    .alterColumn("password_hash", (c) => c.dropNotNull())
    .execute();

  await db.schema.createIndex("audit_event_at_idx").on("audit_event").column("at").execute();
  await db.schema.createIndex("audit_event_actor_idx").on("audit_event").column("actor_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("audit_event_actor_idx").execute();
  await db.schema.dropIndex("audit_event_at_idx").execute();
  await db.schema
    .alterTable("app_user")
    .addColumn("role", "text", (c) => c.notNull().defaultTo("reader"))
    .execute();
  await sql`update app_user set role = 'editor' where id in
            (select user_id from user_role where role in ('administrator', 'programme_editor'))`.execute(db);
  await db.schema.alterTable("app_user").dropColumn("status").execute();
  await db.schema.dropTable("user_role").execute();
  await db.schema.dropTable("governance_group").execute();
  await db.schema.dropTable("organisation").execute();
}
