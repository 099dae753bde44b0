import type { UserStatus } from "../../db/schema.ts";
import { type Actor, ROLES, type Role } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Db, Trx } from "../../platform/database.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../platform/errors.ts";
import { authorize } from "../../platform/security/authorize.ts";
import * as repo from "./admin.repository.ts";
import type { HeldRole, RoleToGrant, ScopeChoice, UserDetail, UserSummary } from "./admin.types.ts";
import { roleInWords } from "./role-words.ts";

// Administration of people: who holds which role, and who may sign in at all. Administrators
// only ("user.manage"). Every change is audited with the user as it was before and after.

const MAX_ID = 2_147_483_647;

/** A whole-number id from a form or JSON; null for anything else. */
export function toId(value: unknown): number | null {
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string" || !/^[1-9]\d{0,9}$/.test(text.trim())) return null;
  const id = Number(text.trim());
  return id <= MAX_ID ? id : null;
}

function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Every account, with its roles in plain words, by name. */
export async function listUsers(db: Db, actor: Actor): Promise<UserSummary[]> {
  authorize(actor, "user.manage");
  const [users, roles] = await Promise.all([repo.listUserRows(db), repo.listHeldRoles(db)]);
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    status: u.status,
    roles: roles.filter((r) => r.userId === u.id).map(({ userId: _, ...r }) => r),
  }));
}

async function loadUser(db: Db, userId: number): Promise<UserDetail> {
  const user = await repo.findUserRow(db, userId);
  if (!user) throw new NotFoundError("There is no such user.");
  const roles = (await repo.listHeldRoles(db, [userId])).map(({ userId: _, ...r }) => r);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    status: user.status,
    createdAt: user.created_at,
    roles,
    openSessions: await repo.countSessions(db, userId),
  };
}

/** One account in full: its roles and how many sessions it has open. */
export async function getUser(db: Db, actor: Actor, userId: number): Promise<UserDetail> {
  authorize(actor, "user.manage");
  return loadUser(db, userId);
}

/** The organisations and groups a contributor or secretary role can be granted for. */
export async function grantChoices(
  db: Db,
  actor: Actor,
): Promise<{ organisations: ScopeChoice[]; groups: ScopeChoice[] }> {
  authorize(actor, "user.manage");
  const [organisations, groups] = await Promise.all([repo.listOrganisations(db), repo.listGroups(db)]);
  return { organisations, groups };
}

/** What the audit trail keeps of a user: enough to read who they were and what they could do. */
function snapshot(user: UserSummary): Record<string, unknown> {
  return {
    name: user.name,
    email: user.email,
    status: user.status,
    roles: user.roles.map(roleInWords),
  };
}

async function audited(
  trx: Trx,
  actor: Actor,
  userId: number,
  action: string,
  change: (before: UserDetail) => Promise<void>,
): Promise<UserDetail> {
  if (!(await repo.lockUserRow(trx, userId))) throw new NotFoundError("There is no such user.");
  const before = await loadUser(trx, userId);
  await change(before);
  const after = await loadUser(trx, userId);
  // Asking for what already is (deactivating a deactivated account) changes nothing: no event.
  if (JSON.stringify(snapshot(before)) === JSON.stringify(snapshot(after))) return after;
  await recordAudit(trx, actor, {
    action,
    entityType: "user",
    entityId: userId,
    before: snapshot(before),
    after: snapshot(after),
  });
  return after;
}

async function refuseLosingLastAdministrator(trx: Trx, user: UserDetail, message: string): Promise<void> {
  const isActiveAdmin = user.status === "active" && user.roles.some((r) => r.role === "administrator");
  if (isActiveAdmin && (await repo.countActiveAdministrators(trx)) <= 1) throw new ConflictError(message);
}

/**
 * Grants a role. A contributor's role is for one organisation, a secretary's for one group; other
 * roles have no scope (a scope sent with them is ignored). Call inside a transaction.
 */
export async function grantRole(trx: Trx, actor: Actor, input: RoleToGrant): Promise<UserDetail> {
  authorize(actor, "user.manage");
  const fields: Record<string, string> = {};
  const role = input.role;
  if (!isRole(role)) fields.role = "Choose a role";
  let organisation: ScopeChoice | undefined;
  let group: ScopeChoice | undefined;
  if (role === "organisation_contributor") {
    const id = toId(input.organisationId);
    organisation = id === null ? undefined : await repo.findOrganisation(trx, id);
    if (!organisation) fields.organisationId = "Choose the organisation this person will report for";
  }
  if (role === "group_secretary") {
    const id = toId(input.groupId);
    group = id === null ? undefined : await repo.findGroup(trx, id);
    if (!group) fields.groupId = "Choose the group this person will be secretary of";
  }
  if (Object.keys(fields).length > 0 || !isRole(role)) throw new ValidationError(fields);
  return audited(trx, actor, input.userId, "user.role.grant", async (before) => {
    if (before.status === "deactivated")
      throw new ConflictError(
        `${before.name}'s account is deactivated. Reactivate it before granting a role.`,
      );
    const added = await repo.insertRole(trx, {
      user_id: input.userId,
      role,
      organisation_id: organisation?.id ?? null,
      group_id: group?.id ?? null,
    });
    if (added === undefined)
      throw new ValidationError({
        role: `${before.name} already has the role ${roleInWords({ role, organisation: organisation ?? null, group: group ?? null })}`,
      });
  });
}

/** Removes one of a user's roles; never the last active administrator's. Call inside a transaction. */
export async function removeRole(
  trx: Trx,
  actor: Actor,
  input: { userId: number; roleId: number },
): Promise<UserDetail> {
  authorize(actor, "user.manage");
  return audited(trx, actor, input.userId, "user.role.remove", async (before) => {
    const held: HeldRole | undefined = before.roles.find((r) => r.id === input.roleId);
    if (!held) throw new NotFoundError(`${before.name} does not have that role (any more).`);
    if (held.role === "administrator" && before.roles.filter((r) => r.role === "administrator").length === 1)
      await refuseLosingLastAdministrator(
        trx,
        before,
        `${before.name} is the only active administrator. Make someone else an administrator first, so that someone can still manage people.`,
      );
    await repo.deleteRole(trx, input.userId, input.roleId);
  });
}

/**
 * Stops a user signing in: their sessions end at once, and their API tokens stop working. An
 * administrator cannot deactivate themselves, nor the last active administrator.
 */
export async function deactivateUser(trx: Trx, actor: Actor, userId: number): Promise<UserDetail> {
  authorize(actor, "user.manage");
  if (actor.kind === "user" && actor.id === userId)
    throw new ConflictError("You cannot deactivate your own account. Ask another administrator.");
  return audited(trx, actor, userId, "user.deactivate", async (before) => {
    if (before.status === "deactivated") return;
    await refuseLosingLastAdministrator(
      trx,
      before,
      `${before.name} is the only active administrator, so their account cannot be deactivated.`,
    );
    await repo.updateStatus(trx, userId, "deactivated");
    await repo.deleteSessions(trx, userId);
  });
}

/** Lets a deactivated user sign in again (or accept their invitation, if they never did). */
export async function reactivateUser(trx: Trx, actor: Actor, userId: number): Promise<UserDetail> {
  authorize(actor, "user.manage");
  return audited(trx, actor, userId, "user.reactivate", async (before) => {
    if (before.status !== "deactivated") return;
    const row = await repo.lockUserRow(trx, userId);
    const status: UserStatus = row?.has_password ? "active" : "invited";
    await repo.updateStatus(trx, userId, status);
  });
}
