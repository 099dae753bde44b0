import type { Db } from "../../platform/database.ts";

export function insertSession(db: Db, row: { id_hash: string; user_id: number; expires_at: Date }) {
  return db.insertInto("user_session").values(row).execute();
}

/**
 * The user of a live session: not past its absolute end, used since `idleSince`, and the account
 * still active (a deactivated user's sessions stop working at once).
 */
export function findLiveSession(db: Db, idHash: string, now: Date, idleSince: Date) {
  return db
    .selectFrom("user_session")
    .innerJoin("app_user", "app_user.id", "user_session.user_id")
    .select(["app_user.id", "app_user.email", "app_user.name", "user_session.last_seen_at"])
    .where("user_session.id_hash", "=", idHash)
    .where("app_user.status", "=", "active")
    .where("user_session.expires_at", ">", now)
    .where("user_session.last_seen_at", ">", idleSince)
    .executeTakeFirst();
}

export function touchSession(db: Db, idHash: string, now: Date) {
  return db.updateTable("user_session").set({ last_seen_at: now }).where("id_hash", "=", idHash).execute();
}

export function deleteSession(db: Db, idHash: string) {
  return db.deleteFrom("user_session").where("id_hash", "=", idHash).execute();
}

/** Ends every session of a user, or every one but `keepHash` (the browser that asked). Returns how many. */
export async function deleteUserSessions(db: Db, userId: number, keepHash?: string): Promise<number> {
  let query = db.deleteFrom("user_session").where("user_id", "=", userId);
  if (keepHash) query = query.where("id_hash", "<>", keepHash);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function deleteDeadSessions(db: Db, now: Date, idleSince: Date) {
  return db
    .deleteFrom("user_session")
    .where((eb) => eb.or([eb("expires_at", "<=", now), eb("last_seen_at", "<=", idleSince)]))
    .execute();
}
