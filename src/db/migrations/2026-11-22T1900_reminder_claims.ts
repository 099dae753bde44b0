import { type Kysely, sql } from "kysely";

// Frozen in time: this migration must never change once released. Later changes get new files.
// A reminder pass claims a reminder for a while (claimed_by, claimed_until) instead of holding
// its row locked in a transaction while the emails go out: a slow mail server no longer holds a
// transaction open (on PGlite, every other request waited for it), each email is recorded as
// soon as it is sent, and a pass that dies mid-way leaves the reminder to the next pass once the
// claim runs out.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("round_reminder")
    .addColumn("claimed_by", "uuid")
    .addColumn("claimed_until", "timestamptz")
    .execute();
  await sql`alter table round_reminder add constraint round_reminder_claim
              check ((claimed_by is null) = (claimed_until is null))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("round_reminder").dropConstraint("round_reminder_claim").execute();
  await db.schema.alterTable("round_reminder").dropColumn("claimed_by").dropColumn("claimed_until").execute();
}
