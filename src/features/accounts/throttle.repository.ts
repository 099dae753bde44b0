import type { ThrottleKind } from "../../db/schema.ts";
import type { Db } from "../../platform/database.ts";

export function insertThrottleEvent(db: Db, row: { kind: ThrottleKind; account: string; address: string }) {
  return db.insertInto("throttle_event").values(row).execute();
}

/**
 * The time of the `limit`-th most recent event since `since`, by account or by address: while
 * there is one, the limit is reached, and it ends when that event leaves the window.
 */
export async function limitingEventAt(
  db: Db,
  kind: ThrottleKind,
  by: "account" | "address",
  value: string,
  since: Date,
  limit: number,
): Promise<Date | undefined> {
  const row = await db
    .selectFrom("throttle_event")
    .select("at")
    .where("kind", "=", kind)
    .where(by, "=", value)
    .where("at", ">", since)
    .orderBy("at", "desc")
    .limit(1)
    .offset(limit - 1)
    .executeTakeFirst();
  return row?.at;
}

export function deleteAccountEvents(db: Db, kind: ThrottleKind, account: string) {
  return db.deleteFrom("throttle_event").where("kind", "=", kind).where("account", "=", account).execute();
}

export function deleteEventsBefore(db: Db, before: Date) {
  return db.deleteFrom("throttle_event").where("at", "<", before).execute();
}
