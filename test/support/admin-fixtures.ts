import crypto from "node:crypto";
import type { Db } from "../../src/platform/database.ts";

// Organisations, governance groups and people for the administration tests, made directly.

export async function createOrganisation(
  db: Db,
  name = "Test council",
): Promise<{ id: number; name: string }> {
  const slug = `org-${crypto.randomBytes(4).toString("hex")}`;
  const row = await db
    .insertInto("organisation")
    .values({ slug, name, type: "local_authority" })
    .returning(["id", "name"])
    .executeTakeFirstOrThrow();
  return row;
}

export async function createGroup(
  db: Db,
  name = "Test oversight group",
): Promise<{ id: number; name: string }> {
  const slug = `group-${crypto.randomBytes(4).toString("hex")}`;
  return db
    .insertInto("governance_group")
    .values({ slug, name })
    .returning(["id", "name"])
    .executeTakeFirstOrThrow();
}

export async function userIdOf(db: Db, email: string): Promise<number> {
  const row = await db
    .selectFrom("app_user")
    .select("id")
    .where("email", "=", email)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The audit events about one entity, oldest first. */
export function auditOf(db: Db, entityType: string, entityId: number | string) {
  return db
    .selectFrom("audit_event")
    .selectAll()
    .where("entity_type", "=", entityType)
    .where("entity_id", "=", String(entityId))
    .orderBy("id")
    .execute();
}
