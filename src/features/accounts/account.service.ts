import type { Actor, Role } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { type Db, inTransaction } from "../../platform/database.ts";
import { UnauthenticatedError, ValidationError } from "../../platform/errors.ts";
import { newPasswordProblem, PASSWORD_MAX } from "./account.validation.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { closeUserSessions } from "./session.service.ts";
import { checkThrottle, recordThrottleEvent, type Throttled } from "./throttle.service.ts";
import * as repo from "./user.repository.ts";

// What a signed-in person does with their own account: see it, change their password, sign out
// everywhere. No permission is needed beyond being signed in: these act only on themselves.

type SignedIn = Extract<Actor, { kind: "user" }>;

function signedIn(actor: Actor): SignedIn {
  if (actor.kind !== "user") throw new UnauthenticatedError();
  return actor;
}

/** One role as held, with the organisation or group it is for. */
export interface HeldRole {
  role: Role;
  /** The organisation's or group's name, for scoped roles. */
  scope?: string;
}

export interface AccountSummary {
  name: string;
  email: string;
  roles: HeldRole[];
  /** False for someone who signs in only with single sign-on. */
  hasPassword: boolean;
}

/** The account page's contents: who you are and your roles. */
export async function getAccount(db: Db, actor: Actor): Promise<AccountSummary> {
  const me = signedIn(actor);
  const user = await repo.findUserById(db, me.id);
  const grants = await repo.findGrants(db, me.id);
  const names = await repo.scopeNames(
    db,
    grants.flatMap((g) => (g.role === "organisation_contributor" ? [g.organisationId] : [])),
    grants.flatMap((g) => (g.role === "group_secretary" ? [g.groupId] : [])),
  );
  return {
    name: me.name,
    email: me.email,
    hasPassword: Boolean(user?.password_hash),
    roles: grants.map((g): HeldRole => {
      if (g.role === "organisation_contributor")
        return { role: g.role, scope: names.organisations.get(g.organisationId) ?? "an organisation" };
      if (g.role === "group_secretary")
        return { role: g.role, scope: names.groups.get(g.groupId) ?? "a group" };
      return { role: g.role };
    }),
  };
}

/**
 * Changes the signed-in user's password: the current one must be right (a wrong one counts as a
 * failed sign-in, so a borrowed session cannot be used to guess it), and every other session ends.
 */
export async function changePassword(
  db: Db,
  actor: Actor,
  input: { current: string; password: string; keepSessionToken: string | undefined; address: string },
): Promise<({ kind: "throttled" } & Throttled) | { kind: "changed"; sessionsEnded: number }> {
  const me = signedIn(actor);
  const fields: Record<string, string> = {};
  if (!input.current) fields.currentPassword = "Enter your current password";
  else if (input.current.length > PASSWORD_MAX) fields.currentPassword = "Your current password is not right";
  const problem = newPasswordProblem(input.password);
  if (problem) fields.password = problem;
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  const throttled = await checkThrottle(db, "sign_in_failure", me.email, input.address);
  if (throttled) return { kind: "throttled", ...throttled };
  const user = await repo.findUserById(db, me.id);
  if (!user?.password_hash || !(await verifyPassword(input.current, user.password_hash))) {
    await recordThrottleEvent(db, "sign_in_failure", me.email, input.address);
    throw new ValidationError({ currentPassword: "Your current password is not right" });
  }
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (trx) => {
    await repo.setPasswordHash(trx, me.id, passwordHash, "active");
    const sessionsEnded = await closeUserSessions(trx, me.id, input.keepSessionToken);
    await recordAudit(trx, actor, {
      action: "user.change_password",
      entityType: "user",
      entityId: me.id,
      after: { sessionsEnded },
    });
    return { kind: "changed", sessionsEnded };
  });
}

/** Ends every session of the signed-in user, this one included (a lost phone, a shared computer). */
export async function signOutEverywhere(db: Db, actor: Actor): Promise<number> {
  const me = signedIn(actor);
  return inTransaction(db, async (trx) => {
    const sessionsEnded = await closeUserSessions(trx, me.id);
    await recordAudit(trx, actor, {
      action: "user.sign_out_everywhere",
      entityType: "user",
      entityId: me.id,
      after: { sessionsEnded },
    });
    return sessionsEnded;
  });
}
