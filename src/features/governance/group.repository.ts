import { type Insertable, sql, type Updateable } from "kysely";
import type { GovernanceGroupTable, GroupMembershipTable } from "../../db/schema.ts";
import type { Db } from "../../platform/database.ts";
import type { GroupRef, GroupSummary, Membership } from "./governance.types.ts";
import { organisationRef, personRef } from "./row-refs.ts";

// Groups and memberships: the SQL. Rows become domain types here and go no further.

function groupQuery(db: Db) {
  return db
    .selectFrom("governance_group as g")
    .leftJoin("governance_group as p", "p.id", "g.parent_id")
    .select([
      "g.id",
      "g.slug",
      "g.name",
      "g.remit",
      "g.priorities",
      "g.portfolio",
      "g.start_date",
      "g.review_date",
      "g.end_date",
      "g.status",
      "g.version",
      "p.id as parent_id",
      "p.slug as parent_slug",
      "p.name as parent_name",
    ]);
}

type GroupRow = Awaited<ReturnType<ReturnType<typeof groupQuery>["executeTakeFirstOrThrow"]>>;

function toSummary(row: GroupRow): GroupSummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    remit: row.remit,
    priorities: row.priorities,
    portfolio: row.portfolio,
    startDate: row.start_date,
    reviewDate: row.review_date,
    endDate: row.end_date,
    status: row.status,
    version: row.version,
    parent:
      row.parent_id !== null && row.parent_slug !== null && row.parent_name !== null
        ? { id: row.parent_id, slug: row.parent_slug, name: row.parent_name }
        : null,
  };
}

export async function listGroups(db: Db): Promise<GroupSummary[]> {
  const rows = await groupQuery(db).orderBy("g.name").orderBy("g.id").execute();
  return rows.map(toSummary);
}

export async function findGroupBySlug(db: Db, slug: string): Promise<GroupSummary | undefined> {
  const row = await groupQuery(db).where("g.slug", "=", slug).executeTakeFirst();
  return row && toSummary(row);
}

export async function findGroupById(db: Db, id: number): Promise<GroupSummary | undefined> {
  const row = await groupQuery(db).where("g.id", "=", id).executeTakeFirst();
  return row && toSummary(row);
}

/** Locks the group's row for the rest of the transaction, so two changes to it queue. */
export async function lockGroup(db: Db, id: number): Promise<void> {
  await db.selectFrom("governance_group").select("id").where("id", "=", id).forUpdate().execute();
}

export async function listChildren(db: Db, id: number): Promise<GroupRef[]> {
  return db
    .selectFrom("governance_group")
    .select(["id", "slug", "name"])
    .where("parent_id", "=", id)
    .orderBy("name")
    .execute();
}

/** The group's ancestors' ids, nearest first (to refuse a parent that would make a loop). */
export async function ancestorIds(db: Db, id: number): Promise<number[]> {
  const result: number[] = [];
  let current: number | null = id;
  while (current !== null && !result.includes(current)) {
    const row: { parent_id: number | null } | undefined = await db
      .selectFrom("governance_group")
      .select("parent_id")
      .where("id", "=", current)
      .executeTakeFirst();
    current = row?.parent_id ?? null;
    if (current !== null) result.push(current);
  }
  return result;
}

export async function slugTaken(db: Db, slug: string): Promise<boolean> {
  const row = await db
    .selectFrom("governance_group")
    .select("id")
    .where("slug", "=", slug)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertGroup(db: Db, values: Insertable<GovernanceGroupTable>): Promise<number> {
  const { id } = await db
    .insertInto("governance_group")
    .values(values)
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * Changes the group's details if its version is still the one the form was made from, and moves
 * the version on; false (nothing changed) when someone else saved first. PostgreSQL re-checks
 * the condition after waiting for a concurrent writer, so of two saves exactly one succeeds.
 */
export async function updateGroup(
  db: Db,
  id: number,
  version: number,
  values: Updateable<GovernanceGroupTable>,
): Promise<boolean> {
  const result = await db
    .updateTable("governance_group")
    .set({ ...values, version: sql<number>`version + 1`, updated_at: new Date() })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

function membershipQuery(db: Db) {
  return db
    .selectFrom("group_membership as m")
    .innerJoin("person as p", "p.id", "m.person_id")
    .leftJoin("organisation as o", "o.id", "m.organisation_id")
    .leftJoin("person as d", "d.id", "m.deputy_for_id")
    .select([
      "m.id",
      "m.group_id",
      "m.role",
      "m.from_date",
      "m.to_date",
      "m.version",
      "p.id as person_id",
      "p.name as person_name",
      "o.id as organisation_id",
      "o.slug as organisation_slug",
      "o.name as organisation_name",
      "d.id as deputy_id",
      "d.name as deputy_name",
    ]);
}

type MembershipRow = Awaited<ReturnType<ReturnType<typeof membershipQuery>["executeTakeFirstOrThrow"]>>;

const ROLE_ORDER = { co_chair: 0, secretariat: 2, member: 1, observer: 3 } as const;

function toMembership(row: MembershipRow): Membership {
  return {
    id: row.id,
    groupId: row.group_id,
    person: { id: row.person_id, name: row.person_name },
    organisation: organisationRef(row.organisation_id, row.organisation_slug, row.organisation_name),
    role: row.role,
    deputyFor: personRef(row.deputy_id, row.deputy_name),
    fromDate: row.from_date,
    toDate: row.to_date,
    version: row.version,
  };
}

/** A group's memberships: co-chairs first, then members, secretariat and observers, each by name. */
export async function listMemberships(db: Db, groupId: number): Promise<Membership[]> {
  const rows = await membershipQuery(db)
    .where("m.group_id", "=", groupId)
    .orderBy("p.name")
    .orderBy("m.id")
    .execute();
  return rows.map(toMembership).sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
}

export async function findMembership(db: Db, id: number): Promise<Membership | undefined> {
  const row = await membershipQuery(db).where("m.id", "=", id).executeTakeFirst();
  return row && toMembership(row);
}

export async function insertMembership(db: Db, values: Insertable<GroupMembershipTable>): Promise<number> {
  const { id } = await db
    .insertInto("group_membership")
    .values(values)
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** Changes the membership if it is still at `version`, moving the version on; false if not. */
export async function updateMembership(
  db: Db,
  id: number,
  version: number,
  values: Updateable<GroupMembershipTable>,
): Promise<boolean> {
  const result = await db
    .updateTable("group_membership")
    .set({ ...values, version: sql<number>`version + 1` })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Removes the membership if it is still at `version`; false if someone changed it since. */
export async function deleteMembership(db: Db, id: number, version: number): Promise<boolean> {
  const result = await db
    .deleteFrom("group_membership")
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Memberships that name this person as the one they deputise for. */
export async function countDeputiesFor(db: Db, groupId: number, personId: number): Promise<number> {
  const row = await db
    .selectFrom("group_membership")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("group_id", "=", groupId)
    .where("deputy_for_id", "=", personId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
