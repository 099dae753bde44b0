import type { UserStatus } from "../../db/schema.ts";
import type { Grant } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";

export function insertUser(
  db: Db,
  row: { email: string; name: string; password_hash: string | null; status?: UserStatus },
) {
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

/** Does any account, active or invited, hold the administrator role? */
export async function anyAdministrator(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom("user_role")
    .innerJoin("app_user", "app_user.id", "user_role.user_id")
    .select("user_role.id")
    .where("user_role.role", "=", "administrator")
    .where("app_user.status", "in", ["active", "invited"])
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The id of the organisation or group with this slug, for the command line's `--role …:slug`. */
export async function scopeIdBySlug(
  db: Db,
  table: "organisation" | "governance_group",
  slug: string,
): Promise<number | undefined> {
  const row = await db.selectFrom(table).select("id").where("slug", "=", slug).executeTakeFirst();
  return row?.id;
}

export function findUserById(db: Db, id: number) {
  return db.selectFrom("app_user").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Sets a new password hash and makes the account active (accepting an invitation, resetting). */
export function setPasswordHash(db: Db, userId: number, passwordHash: string, status: UserStatus = "active") {
  return db
    .updateTable("app_user")
    .set({ password_hash: passwordHash, status })
    .where("id", "=", userId)
    .execute();
}

/** Which of these organisations and groups exist: a grant for one that does not is refused by name. */
export async function existingScopes(
  db: Db,
  organisationIds: number[],
  groupIds: number[],
): Promise<{ organisationIds: Set<number>; groupIds: Set<number> }> {
  const organisations = organisationIds.length
    ? await db.selectFrom("organisation").select("id").where("id", "in", organisationIds).execute()
    : [];
  const groups = groupIds.length
    ? await db.selectFrom("governance_group").select("id").where("id", "in", groupIds).execute()
    : [];
  return {
    organisationIds: new Set(organisations.map((o) => o.id)),
    groupIds: new Set(groups.map((g) => g.id)),
  };
}

/** The names of the organisations and groups a user's roles are for, by id. */
export async function scopeNames(
  db: Db,
  organisationIds: number[],
  groupIds: number[],
): Promise<{ organisations: Map<number, string>; groups: Map<number, string> }> {
  const organisations = organisationIds.length
    ? await db.selectFrom("organisation").select(["id", "name"]).where("id", "in", organisationIds).execute()
    : [];
  const groups = groupIds.length
    ? await db.selectFrom("governance_group").select(["id", "name"]).where("id", "in", groupIds).execute()
    : [];
  return {
    organisations: new Map(organisations.map((o) => [o.id, o.name])),
    groups: new Map(groups.map((g) => [g.id, g.name])),
  };
}
