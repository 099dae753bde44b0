import type { ThrottleKind } from "../../db/schema.ts";
import type { Db } from "../../platform/database.ts";
import * as repo from "./throttle.repository.ts";

// Throttling guessing: failed sign-ins and password-reset requests are counted per pair of account
// (the email address tried, whether or not it has an account, so a refusal tells nothing about who
// has one) and client address, and per client address, over a sliding window, in the database so
// every app instance shares the count. Over a limit, the request is refused before any password is
// checked. Never per account alone: then anyone could keep an owner out by failing on purpose
// from anywhere; a pair's limit stops one address guessing at one account, an address's limit
// stops it trying many.

export interface ThrottleRule {
  windowMinutes: number;
  /** For one account from one address. */
  perPair: number;
  /** For any accounts from one address. */
  perAddress: number;
}

export const THROTTLES: Record<ThrottleKind, ThrottleRule> = {
  sign_in_failure: { windowMinutes: 15, perPair: 5, perAddress: 20 },
  password_reset_request: { windowMinutes: 15, perPair: 3, perAddress: 10 },
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
    await repo.limitingEventAt(db, kind, { account, address }, since, rule.perPair),
    await repo.limitingEventAt(db, kind, { address }, since, rule.perAddress),
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

/**
 * A successful sign-in forgives the account's failures from its address only: someone else's
 * failures from elsewhere stay counted against them.
 */
export async function clearPairThrottle(
  db: Db,
  kind: ThrottleKind,
  account: string,
  address: string,
): Promise<void> {
  await repo.deleteAccountEvents(db, kind, account, address);
}

/** A password reset (proof of the inbox) forgives the account's failures from every address. */
export async function clearAccountThrottle(db: Db, kind: ThrottleKind, account: string): Promise<void> {
  await repo.deleteAccountEvents(db, kind, account);
}

/** "15 minutes", "1 minute": how long to wait, in words, rounded up to the minute. */
export function waitInWords(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}
