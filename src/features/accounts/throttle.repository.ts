import type { ThrottleKind } from "../../db/schema.ts";
import type { Db } from "../../platform/database.ts";

export function insertThrottleEvent(db: Db, row: { kind: ThrottleKind; account: string; address: string }) {
  return db.insertInto("throttle_event").values(row).execute();
}

/**
 * The time of the `limit`-th most recent event since `since`, from one address, for one account
 * or for any: while there is one, the limit is reached, and it ends when that event leaves the window.
 */
export async function limitingEventAt(
  db: Db,
  kind: ThrottleKind,
  from: { address: string; account?: string },
  since: Date,
  limit: number,
): Promise<Date | undefined> {
  let query = db
    .selectFrom("throttle_event")
    .select("at")
    .where("kind", "=", kind)
    .where("address", "=", from.address)
    .where("at", ">", since);
  if (from.account !== undefined) query = query.where("account", "=", from.account);
  const row = await query
    .orderBy("at", "desc")
    .limit(1)
    .offset(limit - 1)
    .executeTakeFirst();
  return row?.at;
}

/** Forgets an account's events, from every address or from one. */
export function deleteAccountEvents(db: Db, kind: ThrottleKind, account: string, address?: string) {
  let query = db.deleteFrom("throttle_event").where("kind", "=", kind).where("account", "=", account);
  if (address !== undefined) query = query.where("address", "=", address);
  return query.execute();
}

export function deleteEventsBefore(db: Db, before: Date) {
  return db.deleteFrom("throttle_event").where("at", "<", before).execute();
}
