import { sql } from "kysely";
import type { Db } from "../../platform/database.ts";

// Personal API tokens' SQL. Tokens are found by their hash only.

export function listTokenRows(db: Db, userId: number) {
  return db
    .selectFrom("api_token")
    .select(["id", "name", "created_at", "expires_at", "last_used_at", "revoked_at"])
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
}

export function insertToken(
  db: Db,
  row: { user_id: number; name: string; token_hash: string; expires_at: Date },
) {
  return db
    .insertInto("api_token")
    .values(row)
    .returning(["id", "name", "created_at", "expires_at", "last_used_at", "revoked_at"])
    .executeTakeFirstOrThrow();
}

/** The user's own token, locked for the change; never another person's. */
export function lockOwnToken(db: Db, userId: number, tokenId: number) {
  return db
    .selectFrom("api_token")
    .select(["id", "name", "created_at", "expires_at", "last_used_at", "revoked_at"])
    .where("id", "=", tokenId)
    .where("user_id", "=", userId)
    .forUpdate()
    .executeTakeFirst();
}

export function markRevoked(db: Db, tokenId: number) {
  return db
    .updateTable("api_token")
    .set({ revoked_at: sql<Date>`now()` })
    .where("id", "=", tokenId)
    .returning("revoked_at")
    .executeTakeFirstOrThrow();
}

/** The active user behind a live token (not expired, not revoked), or nothing. */
export function findTokenUser(db: Db, tokenHash: string) {
  return db
    .selectFrom("api_token")
    .innerJoin("app_user", "app_user.id", "api_token.user_id")
    .select(["api_token.id as token_id", "app_user.id", "app_user.name", "app_user.email"])
    .where("api_token.token_hash", "=", tokenHash)
    .where("api_token.revoked_at", "is", null)
    .where("api_token.expires_at", ">", sql<Date>`now()`)
    .where("app_user.status", "=", "active")
    .executeTakeFirst();
}

/** Notes when a token was last used; at most once a minute, so busy scripts do not write on every call. */
export function touchToken(db: Db, tokenId: number) {
  return db
    .updateTable("api_token")
    .set({ last_used_at: sql<Date>`now()` })
    .where("id", "=", tokenId)
    .where((eb) =>
      eb.or([
        eb("last_used_at", "is", null),
        eb("last_used_at", "<", sql<Date>`now() - interval '1 minute'`),
      ]),
    )
    .execute();
}
