import type { Actor, Grant } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { type Db, inTransaction } from "../../platform/database.ts";
import { ValidationError } from "../../platform/errors.ts";
import { EMAIL_MAX, NAME_MAX, newPasswordProblem, normaliseEmail } from "./account.validation.ts";
import { DUMMY_HASH, hashPassword, verifyPassword } from "./password.ts";
import { closeSession, openSession } from "./session.service.ts";
import * as repo from "./user.repository.ts";

export { actorForSession, openSession, SESSION_HOURS } from "./session.service.ts";

export interface NewUser {
  email: string;
  name: string;
  grants: readonly Grant[];
  password: string;
}

/**
 * Creates an active account with a password. Used by the demo data, the CLI and tests; people are
 * otherwise invited (invitation.service.ts) and choose their own password.
 * `actor` is who creates it, for the audit trail (the system itself for demo data).
 */
export async function createUser(
  db: Db,
  input: NewUser,
  actor: Actor = { kind: "public" },
): Promise<{ id: number; email: string; name: string; grants: readonly Grant[] }> {
  const fields: Record<string, string> = {};
  const email = normaliseEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > EMAIL_MAX)
    fields.email = "Enter a valid email address";
  if (!input.name.trim() || input.name.length > NAME_MAX)
    fields.name = `Enter a name of up to ${NAME_MAX} characters`;
  const passwordProblem = newPasswordProblem(input.password);
  if (passwordProblem) fields.password = passwordProblem;
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

/**
 * Checks an email and password and opens a session. Returns the session token for the cookie, or
 * null: the caller says only "not right", never which part, so accounts cannot be discovered.
 * Throttling is the caller's (sign-in.service.ts): this is the bare check.
 */
export async function signIn(
  db: Db,
  email: string,
  password: string,
): Promise<{ token: string; actor: Actor } | null> {
  // PostgreSQL text cannot hold NUL, so no account has such an address: do not ask the database.
  const user = email.includes("\u0000") ? undefined : await repo.findUserByEmail(db, normaliseEmail(email));
  const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !ok || user.status !== "active") return null;
  const token = await openSession(db, user.id);
  const grants = await repo.findGrants(db, user.id);
  return { token, actor: { kind: "user", id: user.id, name: user.name, email: user.email, grants } };
}

/** The account with this address, exactly as stored (the demo and seeds look theirs up), or undefined. */
export async function findUserByEmail(
  db: Db,
  email: string,
): Promise<{ id: number; name: string; email: string } | undefined> {
  const row = await repo.findUserByEmail(db, email);
  return row && { id: row.id, name: row.name, email: row.email };
}

/** Whether anyone can manage accounts yet: a new installation has no administrator. */
export async function hasAdministrator(db: Db): Promise<boolean> {
  return repo.anyAdministrator(db);
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

export async function signOut(db: Db, token: string | undefined): Promise<void> {
  await closeSession(db, token);
}
