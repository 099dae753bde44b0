import { sql } from "kysely";
import type { RoleName, UserStatus } from "../../db/schema.ts";
import type { Db } from "../../platform/database.ts";
import type { HeldRole, ScopeChoice } from "./admin.types.ts";

// All of administration's SQL. Every function takes the database or the caller's transaction.

interface UserRow {
  id: number;
  name: string;
  email: string;
  status: UserStatus;
  created_at: Date;
}

const USER_COLUMNS = ["id", "name", "email", "status", "created_at"] as const;

export function listUserRows(db: Db): Promise<UserRow[]> {
  return db.selectFrom("app_user").select(USER_COLUMNS).orderBy("name").orderBy("id").execute();
}

export function findUserRow(db: Db, id: number): Promise<UserRow | undefined> {
  return db.selectFrom("app_user").select(USER_COLUMNS).where("id", "=", id).executeTakeFirst();
}

/** The same row, locked until the transaction ends, so two changes to one user take turns. */
export function lockUserRow(db: Db, id: number): Promise<(UserRow & { has_password: boolean }) | undefined> {
  return db
    .selectFrom("app_user")
    .select([...USER_COLUMNS, sql<boolean>`password_hash is not null`.as("has_password")])
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}

/** The roles of these users (all users when not given), with their organisations' and groups' names. */
export async function listHeldRoles(
  db: Db,
  userIds?: number[],
): Promise<Array<HeldRole & { userId: number }>> {
  if (userIds && userIds.length === 0) return [];
  let query = db
    .selectFrom("user_role")
    .leftJoin("organisation", "organisation.id", "user_role.organisation_id")
    .leftJoin("governance_group", "governance_group.id", "user_role.group_id")
    .select([
      "user_role.id",
      "user_role.user_id",
      "user_role.role",
      "user_role.granted_at",
      "organisation.id as organisation_id",
      "organisation.name as organisation_name",
      "governance_group.id as group_id",
      "governance_group.name as group_name",
    ])
    .orderBy("user_role.user_id")
    .orderBy("user_role.id");
  if (userIds) query = query.where("user_role.user_id", "in", userIds);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    role: r.role,
    organisation: r.organisation_id === null ? null : { id: r.organisation_id, name: r.organisation_name! },
    group: r.group_id === null ? null : { id: r.group_id, name: r.group_name! },
    grantedAt: r.granted_at,
  }));
}

/** Adds a role; undefined when the user already holds exactly that role. */
export async function insertRole(
  db: Db,
  row: { user_id: number; role: RoleName; organisation_id: number | null; group_id: number | null },
): Promise<number | undefined> {
  const inserted = await db
    .insertInto("user_role")
    .values(row)
    .onConflict((c) => c.constraint("user_role_once").doNothing())
    .returning("id")
    .executeTakeFirst();
  return inserted?.id;
}

export function deleteRole(db: Db, userId: number, roleId: number) {
  return db
    .deleteFrom("user_role")
    .where("id", "=", roleId)
    .where("user_id", "=", userId)
    .returning("id")
    .executeTakeFirst();
}

export function updateStatus(db: Db, userId: number, status: UserStatus) {
  return db.updateTable("app_user").set({ status }).where("id", "=", userId).execute();
}

/** Ends every session of the user: returns how many there were. */
export async function deleteSessions(db: Db, userId: number): Promise<number> {
  const rows = await db
    .deleteFrom("user_session")
    .where("user_id", "=", userId)
    .returning("user_id")
    .execute();
  return rows.length;
}

export async function countSessions(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom("user_session")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("expires_at", ">", new Date())
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Active administrators, counted after taking a lock every "last administrator" check takes
 * first: two administrators removing each other at once take turns, and the second is refused.
 */
export async function countActiveAdministrators(db: Db): Promise<number> {
  await sql`select pg_advisory_xact_lock(hashtext('waymark.administrators'))`.execute(db);
  const row = await db
    .selectFrom("user_role")
    .innerJoin("app_user", "app_user.id", "user_role.user_id")
    .select((eb) => eb.fn.count<number>("app_user.id").distinct().as("n"))
    .where("user_role.role", "=", "administrator")
    .where("app_user.status", "=", "active")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listOrganisations(db: Db): Promise<ScopeChoice[]> {
  return db.selectFrom("organisation").select(["id", "name"]).orderBy("name").execute();
}

export function listGroups(db: Db): Promise<ScopeChoice[]> {
  return db.selectFrom("governance_group").select(["id", "name"]).orderBy("name").execute();
}

export function findOrganisation(db: Db, id: number): Promise<ScopeChoice | undefined> {
  return db.selectFrom("organisation").select(["id", "name"]).where("id", "=", id).executeTakeFirst();
}

export function findGroup(db: Db, id: number): Promise<ScopeChoice | undefined> {
  return db.selectFrom("governance_group").select(["id", "name"]).where("id", "=", id).executeTakeFirst();
}
