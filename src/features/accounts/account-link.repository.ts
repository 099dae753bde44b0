import type { AccountLinkPurpose } from "../../db/schema.ts";
import type { Db } from "../../platform/database.ts";

export function insertLink(
  db: Db,
  row: {
    user_id: number;
    purpose: AccountLinkPurpose;
    token_hash: string;
    created_at: Date;
    expires_at: Date;
  },
) {
  return db.insertInto("account_link").values(row).execute();
}

/** An unused, unexpired link of this purpose, with its user. */
export function findUsableLink(db: Db, purpose: AccountLinkPurpose, tokenHash: string, now: Date) {
  return db
    .selectFrom("account_link")
    .innerJoin("app_user", "app_user.id", "account_link.user_id")
    .select([
      "account_link.id as linkId",
      "app_user.id as userId",
      "app_user.email",
      "app_user.name",
      "app_user.status",
    ])
    .where("account_link.purpose", "=", purpose)
    .where("account_link.token_hash", "=", tokenHash)
    .where("account_link.used_at", "is", null)
    .where("account_link.expires_at", ">", now)
    .executeTakeFirst();
}

/**
 * Marks the link used, if it still is usable: one conditional update, so of two requests racing
 * with the same link only one gets `true`.
 */
export async function markUsed(db: Db, linkId: number, now: Date): Promise<boolean> {
  const row = await db
    .updateTable("account_link")
    .set({ used_at: now })
    .where("id", "=", linkId)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

/** Retires a user's unused links of a purpose: a new link replaces the ones sent before. */
export function retireLinks(db: Db, userId: number, purpose: AccountLinkPurpose, now: Date) {
  return db
    .updateTable("account_link")
    .set({ used_at: now })
    .where("user_id", "=", userId)
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .execute();
}

/** How many links of a purpose a user has been sent since `since` (used, retired or not). */
export async function countLinksSince(db: Db, userId: number, purpose: AccountLinkPurpose, since: Date) {
  const row = await db
    .selectFrom("account_link")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("user_id", "=", userId)
    .where("purpose", "=", purpose)
    .where("created_at", ">", since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
