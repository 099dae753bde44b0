import type { ThrottleKind } from "../../db/schema.ts";
import type { Db } from "../../platform/database.ts";
import * as repo from "./throttle.repository.ts";

// Throttling guessing: failed sign-ins and password-reset requests are counted per account (the
// email address tried, whether or not it has an account, so a refusal tells nothing about who
// has one) and per client address, over a sliding window, in the database so every app instance
// shares the count. Over a limit, the request is refused before any password is checked.

export interface ThrottleRule {
  windowMinutes: number;
  perAccount: number;
  perAddress: number;
}

export const THROTTLES: Record<ThrottleKind, ThrottleRule> = {
  sign_in_failure: { windowMinutes: 15, perAccount: 5, perAddress: 20 },
  password_reset_request: { windowMinutes: 15, perAccount: 3, perAddress: 10 },
};

/** Events are kept a day, then removed: long enough for anyone looking into an attack. */
const KEEP_HOURS = 24;

/** Refused: try again after this many seconds (for the Retry-After header). */
export interface Throttled {
  retryAfterSeconds: number;
}

/** Null when the request may go ahead; otherwise how long to wait. */
export async function checkThrottle(
  db: Db,
  kind: ThrottleKind,
  account: string,
  address: string,
): Promise<Throttled | null> {
  const rule = THROTTLES[kind];
  const now = Date.now();
  const since = new Date(now - rule.windowMinutes * 60_000);
  const ends = [
    await repo.limitingEventAt(db, kind, "account", account, since, rule.perAccount),
    await repo.limitingEventAt(db, kind, "address", address, since, rule.perAddress),
  ]
    .filter((at): at is Date => at !== undefined)
    .map((at) => at.getTime() + rule.windowMinutes * 60_000);
  if (ends.length === 0) return null;
  return { retryAfterSeconds: Math.max(1, Math.ceil((Math.max(...ends) - now) / 1000)) };
}

/** Counts one failed sign-in or one reset request. */
export async function recordThrottleEvent(
  db: Db,
  kind: ThrottleKind,
  account: string,
  address: string,
): Promise<void> {
  await repo.deleteEventsBefore(db, new Date(Date.now() - KEEP_HOURS * 3600_000));
  await repo.insertThrottleEvent(db, { kind, account, address });
}

/** A successful sign-in (or a password reset) forgives the account's earlier failures. */
export async function clearAccountThrottle(db: Db, kind: ThrottleKind, account: string): Promise<void> {
  await repo.deleteAccountEvents(db, kind, account);
}

/** "15 minutes", "1 minute": how long to wait, in words, rounded up to the minute. */
export function waitInWords(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}
