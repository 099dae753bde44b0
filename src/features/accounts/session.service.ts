import type { Actor } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";
import * as repo from "./session.repository.ts";
import { hashToken, isWellFormedToken, newToken } from "./tokens.ts";
import { findGrants } from "./user.repository.ts";

// Sessions live in the database, so several app instances share them. The browser holds only a
// random token (HttpOnly, SameSite=Lax, Secure over https); the database holds its hash. A session
// ends 12 hours after sign-in whatever happens, after 2 hours without a request, on sign-out, on
// "sign out everywhere", on a password change or reset, and at once when the account is deactivated.

/** The absolute end of a session, however active. */
export const SESSION_HOURS = 12;
/** A session not used for this long ends. */
export const SESSION_IDLE_MINUTES = 120;
/** A request records itself on the session at most this often, to spare the database a write per request. */
export const SESSION_TOUCH_SECONDS = 60;

function idleSince(now: Date): Date {
  return new Date(now.getTime() - SESSION_IDLE_MINUTES * 60_000);
}

/**
 * Opens a session for a user who has proved who they are (a password, an invitation, a reset
 * link or single sign-on) and returns the token for the session cookie.
 */
export async function openSession(db: Db, userId: number): Promise<string> {
  const now = new Date();
  const token = newToken();
  await repo.deleteDeadSessions(db, now, idleSince(now));
  await repo.insertSession(db, {
    id_hash: hashToken(token),
    user_id: userId,
    expires_at: new Date(now.getTime() + SESSION_HOURS * 3600_000),
  });
  return token;
}

/** The actor behind a session token; the public for none, a tampered, unknown, idle or expired one. */
export async function actorForSession(db: Db, token: string | undefined): Promise<Actor> {
  if (!isWellFormedToken(token)) return { kind: "public" };
  const now = new Date();
  const idHash = hashToken(token);
  const session = await repo.findLiveSession(db, idHash, now, idleSince(now));
  if (!session) return { kind: "public" };
  if (now.getTime() - session.last_seen_at.getTime() >= SESSION_TOUCH_SECONDS * 1000)
    await repo.touchSession(db, idHash, now);
  return {
    kind: "user",
    id: session.id,
    name: session.name,
    email: session.email,
    grants: await findGrants(db, session.id),
  };
}

/** Ends the session of this token (signing out). */
export async function closeSession(db: Db, token: string | undefined): Promise<void> {
  if (isWellFormedToken(token)) await repo.deleteSession(db, hashToken(token));
}

/** Ends all of a user's sessions, or all but the one with `keepToken`. Returns how many ended. */
export function closeUserSessions(db: Db, userId: number, keepToken?: string): Promise<number> {
  return repo.deleteUserSessions(db, userId, keepToken === undefined ? undefined : hashToken(keepToken));
}
