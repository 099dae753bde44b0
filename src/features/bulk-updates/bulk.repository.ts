import type { PendingProgressChange } from "../../db/schema.ts";
import type { Db } from "../../platform/database.ts";

// The SQL of bulk updates: checked spreadsheets waiting, server-side, to be confirmed.

export async function savePending(
  db: Db,
  row: {
    organisation_id: number;
    user_id: number;
    file_name: string;
    submit: boolean;
    changes: PendingProgressChange[];
  },
): Promise<number> {
  // One waiting upload per person and organisation: a newer preview replaces an older one.
  await db
    .deleteFrom("progress_upload_pending")
    .where("organisation_id", "=", row.organisation_id)
    .where("user_id", "=", row.user_id)
    .execute();
  const { id } = await db
    .insertInto("progress_upload_pending")
    .values({ ...row, changes: JSON.stringify(row.changes) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** A waiting upload, only for the person who previewed it and its organisation. */
export function findPending(db: Db, id: number, userId: number, organisationId: number) {
  return db
    .selectFrom("progress_upload_pending")
    .select(["id", "file_name", "submit", "changes"])
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .where("organisation_id", "=", organisationId)
    .executeTakeFirst();
}

export async function deletePending(db: Db, id: number): Promise<void> {
  await db.deleteFrom("progress_upload_pending").where("id", "=", id).execute();
}
