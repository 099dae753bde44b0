import type { Grant } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";

export function insertUser(db: Db, row: { email: string; name: string; password_hash: string | null }) {
  return db
    .insertInto("app_user")
    .values(row)
    .returning(["id", "email", "name", "status"])
    .executeTakeFirstOrThrow();
}

export async function insertGrants(db: Db, userId: number, grants: readonly Grant[]): Promise<void> {
  if (grants.length === 0) return;
  await db
    .insertInto("user_role")
    .values(
      grants.map((g) => ({
        user_id: userId,
        role: g.role,
        organisation_id: g.role === "organisation_contributor" ? g.organisationId : null,
        group_id: g.role === "group_secretary" ? g.groupId : null,
      })),
    )
    .execute();
}

/** A user's roles, as grants, in a stable order. */
export async function findGrants(db: Db, userId: number): Promise<Grant[]> {
  const rows = await db
    .selectFrom("user_role")
    .select(["role", "organisation_id", "group_id"])
    .where("user_id", "=", userId)
    .orderBy("id")
    .execute();
  return rows.map((r): Grant => {
    if (r.role === "organisation_contributor") return { role: r.role, organisationId: r.organisation_id! };
    if (r.role === "group_secretary") return { role: r.role, groupId: r.group_id! };
    return { role: r.role };
  });
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
    .select(["app_user.id", "app_user.email", "app_user.name"])
    .where("user_session.id_hash", "=", idHash)
    .where("app_user.status", "=", "active")
    .where("user_session.expires_at", ">", new Date())
    .executeTakeFirst();
}

export function deleteSession(db: Db, idHash: string) {
  return db.deleteFrom("user_session").where("id_hash", "=", idHash).execute();
}

export function deleteExpiredSessions(db: Db) {
  return db.deleteFrom("user_session").where("expires_at", "<=", new Date()).execute();
}
