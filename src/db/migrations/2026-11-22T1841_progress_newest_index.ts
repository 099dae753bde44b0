import { type Kysely, sql } from "kysely";

// Frozen in time: this migration must never change once released. Later changes get new files.
// The roll-up reads each action's newest submitted update: an index in that order, of submitted
// updates only, makes it one index step per action instead of a sort of all its updates.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index progress_update_newest_submitted on progress_update
              (theme_id, action_key, submitted_at desc, id desc) where state = 'submitted'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index progress_update_newest_submitted`.execute(db);
}
