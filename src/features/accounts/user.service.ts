import crypto from "node:crypto";
import type { Actor, Grant } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { type Db, inTransaction } from "../../platform/database.ts";
import { ValidationError } from "../../platform/errors.ts";
import { DUMMY_HASH, hashPassword, verifyPassword } from "./password.ts";
import * as repo from "./user.repository.ts";

/** How long a sign-in lasts. The accounts work adds idle expiry and "sign out everywhere". */
export const SESSION_HOURS = 12;

export interface NewUser {
  email: string;
  name: string;
  grants: readonly Grant[];
  password: string;
}

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Creates an account. Used by the demo data and the CLI; invitations come with the accounts work.
 * `actor` is who creates it, for the audit trail (the system itself for demo data).
 */
export async function createUser(
  db: Db,
  input: NewUser,
  actor: Actor = { kind: "public" },
): Promise<{ id: number; email: string; name: string; grants: readonly Grant[] }> {
  const fields: Record<string, string> = {};
  const email = normaliseEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254)
    fields.email = "Enter a valid email address";
  if (!input.name.trim() || input.name.length > 200) fields.name = "Enter a name of up to 200 characters";
  if (input.password.length < 12 || input.password.length > 200)
    fields.password = "Use a password of 12 to 200 characters";
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  if (await repo.findUserByEmail(db, email))
    throw new ValidationError({ email: "There is already an account with this email address" });
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (trx) => {
    const row = await repo.insertUser(trx, { email, name: input.name.trim(), password_hash: passwordHash });
    await repo.insertGrants(trx, row.id, input.grants);
    const user = { id: row.id, email: row.email, name: row.name, grants: input.grants };
    await recordAudit(trx, actor, {
      action: "user.create",
      entityType: "user",
      entityId: user.id,
      after: user,
    });
    return user;
  });
}

function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/**
 * Checks an email and password and opens a session. Returns the session token for the cookie, or
 * null: the caller says only "not right", never which part, so accounts cannot be discovered.
 */
export async function signIn(
  db: Db,
  email: string,
  password: string,
): Promise<{ token: string; actor: Actor } | null> {
  const user = await repo.findUserByEmail(db, normaliseEmail(email));
  const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !ok || user.status !== "active") return null;
  const token = crypto.randomBytes(32).toString("base64url");
  await repo.deleteExpiredSessions(db);
  await repo.insertSession(db, {
    id_hash: hashToken(token),
    user_id: user.id,
    expires_at: new Date(Date.now() + SESSION_HOURS * 3600_000),
  });
  const grants = await repo.findGrants(db, user.id);
  return { token, actor: { kind: "user", id: user.id, name: user.name, email: user.email, grants } };
}

/** A user as an actor, with their roles: for work done on their behalf (imports, demo data). */
export async function actorForUser(
  db: Db,
  user: { id: number; name: string; email: string },
): Promise<Actor> {
  return {
    kind: "user",
    id: user.id,
    name: user.name,
    email: user.email,
    grants: await repo.findGrants(db, user.id),
  };
}

/** The actor behind a session token; the public for none, an unknown or an expired one. */
export async function actorForSession(db: Db, token: string | undefined): Promise<Actor> {
  if (!token || token.length > 100) return { kind: "public" };
  const user = await repo.findSessionUser(db, hashToken(token));
  return user ? { kind: "user", ...user, grants: await repo.findGrants(db, user.id) } : { kind: "public" };
}

export async function signOut(db: Db, token: string | undefined): Promise<void> {
  if (token) await repo.deleteSession(db, hashToken(token));
}
