import { type Kysely, sql } from "kysely";

// Frozen in time: this migration must never change once released. Later changes get new files.
// Accounts: emailed links (invitations, password resets) stored only as hashes, single use and
// expiring; failed sign-ins and reset requests kept for throttling, in the database so several
// app instances share the count; sessions that also end after a while without a request.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("account_link")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("purpose", "text", (c) => c.notNull().check(sql`purpose in ('invitation', 'password_reset')`))
    // SHA-256 of the token in the link: a copy of the database cannot be used to sign in.
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("used_at", "timestamptz")
    .execute();
  await db.schema.createIndex("account_link_user_idx").on("account_link").column("user_id").execute();

  await db.schema
    .createTable("throttle_event")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('sign_in_failure', 'password_reset_request')`),
    )
    // The normalised email address tried (whether or not it has an account), and the client address.
    .addColumn("account", "text", (c) => c.notNull())
    .addColumn("address", "text", (c) => c.notNull())
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("throttle_event_account_idx")
    .on("throttle_event")
    .columns(["kind", "account", "at"])
    .execute();
  await db.schema
    .createIndex("throttle_event_address_idx")
    .on("throttle_event")
    .columns(["kind", "address", "at"])
    .execute();

  await db.schema
    .alterTable("user_session")
    .addColumn("last_seen_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("user_session_user_idx").on("user_session").column("user_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("user_session_user_idx").execute();
  await db.schema.alterTable("user_session").dropColumn("last_seen_at").execute();
  await db.schema.dropTable("throttle_event").execute();
  await db.schema.dropTable("account_link").execute();
}
