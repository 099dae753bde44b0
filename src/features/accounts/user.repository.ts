import type { Db } from "../../platform/database.ts";

export function insertUser(
  db: Db,
  row: { email: string; name: string; role: "editor" | "reader"; password_hash: string },
) {
  return db
    .insertInto("app_user")
    .values(row)
    .returning(["id", "email", "name", "role"])
    .executeTakeFirstOrThrow();
}

export function findUserByEmail(db: Db, email: string) {
  return db.selectFrom("app_user").selectAll().where("email", "=", email).executeTakeFirst();
}

export function insertSession(db: Db, row: { id_hash: string; user_id: number; expires_at: Date }) {
  return db.insertInto("user_session").values(row).execute();
}

/** The user of a live session, or nothing for an unknown or expired one. */
export function findSessionUser(db: Db, idHash: string) {
  return db
    .selectFrom("user_session")
    .innerJoin("app_user", "app_user.id", "user_session.user_id")
    .select(["app_user.id", "app_user.email", "app_user.name", "app_user.role"])
    .where("user_session.id_hash", "=", idHash)
    .where("user_session.expires_at", ">", new Date())
    .executeTakeFirst();
}

export function deleteSession(db: Db, idHash: string) {
  return db.deleteFrom("user_session").where("id_hash", "=", idHash).execute();
}

export function deleteExpiredSessions(db: Db) {
  return db.deleteFrom("user_session").where("expires_at", "<=", new Date()).execute();
}
