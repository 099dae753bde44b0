import { type Actor, type Grant, ROLES, SYSTEM } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { type Db, inTransaction } from "../../platform/database.ts";
import { type FieldErrors, NotFoundError, UnavailableError, ValidationError } from "../../platform/errors.ts";
import { MailError, type Mailer } from "../../platform/mail.ts";
import { authorize } from "../../platform/security/authorize.ts";
import {
  emailProblem,
  hasErrors,
  NAME_MAX,
  newPasswordProblem,
  normaliseEmail,
} from "./account.validation.ts";
import {
  createLink,
  findLink,
  LINK_LIFETIME_HOURS,
  type LinkHolder,
  UnusableLinkError,
  useLink,
} from "./account-link.service.ts";
import { hashPassword } from "./password.ts";
import { openSession } from "./session.service.ts";
import * as repo from "./user.repository.ts";
import { actorForUser } from "./user.service.ts";

export interface InvitationInput {
  email: string;
  name: string;
  grants: readonly Grant[];
}

/** An invited user, as the inviter sees them. */
export interface InvitedUser {
  id: number;
  email: string;
  name: string;
  status: "invited";
  grants: readonly Grant[];
}

async function checkInvitation(db: Db, input: InvitationInput): Promise<FieldErrors> {
  const fields: FieldErrors = {};
  const emailError = emailProblem(input.email);
  if (emailError) fields.email = emailError;
  if (!input.name.trim()) fields.name = "Enter the person’s name";
  else if (input.name.trim().length > NAME_MAX) fields.name = `Enter a name of up to ${NAME_MAX} characters`;
  const organisationIds = input.grants.flatMap((g) =>
    g.role === "organisation_contributor" ? [g.organisationId] : [],
  );
  const groupIds = input.grants.flatMap((g) => (g.role === "group_secretary" ? [g.groupId] : []));
  const exists = await repo.existingScopes(
    db,
    organisationIds.filter((id) => Number.isSafeInteger(id)),
    groupIds.filter((id) => Number.isSafeInteger(id)),
  );
  for (const grant of input.grants) {
    if (!ROLES.includes(grant.role)) fields.grants = "Choose roles from the list";
    else if (grant.role === "organisation_contributor" && !exists.organisationIds.has(grant.organisationId))
      fields.grants = "Choose an organisation from the list for an organisation contributor";
    else if (grant.role === "group_secretary" && !exists.groupIds.has(grant.groupId))
      fields.grants = "Choose a group from the list for a group secretary";
  }
  if (!fields.email && (await repo.findUserByEmail(db, normaliseEmail(input.email))))
    fields.email = "There is already an account with this email address";
  return fields;
}

/**
 * What is wrong with an invitation, by field, without sending it: for a form that has checks of
 * its own to show beside these. Needs "user.manage".
 */
export async function invitationProblems(db: Db, actor: Actor, input: InvitationInput): Promise<FieldErrors> {
  authorize(actor, "user.manage");
  return checkInvitation(db, input);
}

/** The same role twice (one organisation named twice) would break the unique grant: keep each once. */
function uniqueGrants(grants: readonly Grant[]): Grant[] {
  const seen = new Set<string>();
  return grants.filter((g) => {
    const key = JSON.stringify(g);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function sendInvitation(
  mailer: Mailer,
  to: { email: string; name: string },
  inviter: Actor,
  token: string,
): Promise<void> {
  const from = inviter.kind === "user" ? inviter.name : "The Waymark team";
  const days = LINK_LIFETIME_HOURS.invitation / 24;
  try {
    await mailer.send({
      to: to.email,
      subject: "You have been invited to Waymark",
      text: [
        `Hello ${to.name},`,
        "",
        `${from} has invited you to Waymark, where the route maps of the promise are kept and followed.`,
        "",
        "To accept, open this link and choose a password:",
        "",
        mailer.link(`/invitations/${token}`),
        "",
        `The link works once, for ${days} days. If it has run out, ask ${from} to invite you again.`,
        "",
        "If you were not expecting this email, you can ignore it: nothing happens unless you open the link.",
      ].join("\n"),
    });
  } catch (error) {
    if (error instanceof MailError)
      throw new UnavailableError(
        `We could not send the invitation email to ${to.email}, so nobody has been invited. Try again later; if it keeps happening, the mail server settings need checking.`,
      );
    throw error;
  }
}

/**
 * Invites someone: creates their account as "invited" with the roles given, and emails them a
 * link (7 days, single use) where they choose a password. An email address that already has an
 * account is refused. Needs "user.manage". If the email cannot be sent, nothing is saved
 * (UnavailableError), so the invitation can simply be tried again.
 */
export async function inviteUser(
  db: Db,
  actor: Actor,
  input: InvitationInput,
  mailer: Mailer,
): Promise<InvitedUser> {
  authorize(actor, "user.manage");
  return createInvitation(db, actor, input, mailer);
}

/**
 * A new installation's first administrator, invited from the command line (whoever can run it
 * can open the database anyway). Refused once any administrator exists: then an administrator
 * invites, with inviteUser.
 */
export async function inviteFirstAdministrator(
  db: Db,
  input: { email: string; name: string },
  mailer: Mailer,
): Promise<InvitedUser> {
  if (await repo.anyAdministrator(db))
    throw new ValidationError(
      { as: "There is already an administrator: name them with --as to invite as them." },
      "There is already an administrator, so invitations come from one: name them with --as <email>.",
    );
  return createInvitation(db, SYSTEM, { ...input, grants: [{ role: "administrator" }] }, mailer);
}

async function createInvitation(
  db: Db,
  actor: Actor,
  input: InvitationInput,
  mailer: Mailer,
): Promise<InvitedUser> {
  const fields = await checkInvitation(db, input);
  if (hasErrors(fields)) throw new ValidationError(fields);
  const grants = uniqueGrants(input.grants);
  try {
    return await inTransaction(db, async (trx) => {
      const row = await repo.insertUser(trx, {
        email: normaliseEmail(input.email),
        name: input.name.trim(),
        password_hash: null,
        status: "invited",
      });
      await repo.insertGrants(trx, row.id, grants);
      const token = await createLink(trx, row.id, "invitation");
      const user: InvitedUser = { id: row.id, email: row.email, name: row.name, status: "invited", grants };
      await recordAudit(trx, actor, {
        action: "user.invite",
        entityType: "user",
        entityId: row.id,
        after: user,
      });
      // Last, so a refused email undoes the whole invitation.
      await sendInvitation(mailer, user, actor, token);
      return user;
    });
  } catch (error) {
    // Two invitations of one address at once: the second finds the first's account.
    if ((error as { code?: unknown }).code === "23505")
      throw new ValidationError({ email: "There is already an account with this email address" });
    throw error;
  }
}

/**
 * Sends an invited user a new link (the old one stops working), e.g. when the first ran out.
 * Needs "user.manage"; only for accounts still waiting to be accepted.
 */
export async function resendInvitation(db: Db, actor: Actor, userId: number, mailer: Mailer): Promise<void> {
  authorize(actor, "user.manage");
  const user = Number.isSafeInteger(userId) ? await repo.findUserById(db, userId) : undefined;
  if (!user) throw new NotFoundError("We could not find that person.");
  if (user.status !== "invited")
    throw new ValidationError({ user: "This person has already accepted their invitation." });
  await inTransaction(db, async (trx) => {
    const token = await createLink(trx, user.id, "invitation");
    await recordAudit(trx, actor, {
      action: "user.invitation_resent",
      entityType: "user",
      entityId: user.id,
      after: { email: user.email },
    });
    await sendInvitation(mailer, user, actor, token);
  });
}

/** Who an invitation link is for, if it still works and they have not accepted yet (for its page). */
export async function findInvitation(
  db: Db,
  token: unknown,
): Promise<{ name: string; email: string } | null> {
  const holder = await findLink(db, "invitation", token);
  return holder?.status === "invited" ? { name: holder.name, email: holder.email } : null;
}

/**
 * Accepts an invitation: checks the password chosen (before hashing anything), uses the link
 * (once), sets the password, makes the account active and signs them in. Returns the session
 * token. A used, expired or forged link is UnusableLinkError; a bad password a ValidationError.
 */
export async function acceptInvitation(
  db: Db,
  token: unknown,
  password: string,
  requestId?: string,
): Promise<{ sessionToken: string; actor: Actor }> {
  if (!(await findInvitation(db, token))) throw new UnusableLinkError("invitation");
  const problem = newPasswordProblem(password);
  if (problem) throw new ValidationError({ password: problem });
  const passwordHash = await hashPassword(password);
  return inTransaction(db, async (trx) => {
    const holder: LinkHolder = await useLink(trx, "invitation", token);
    if (holder.status !== "invited") throw new UnusableLinkError("invitation");
    await repo.setPasswordHash(trx, holder.userId, passwordHash, "active");
    const actor: Actor = { ...(await actorForUser(trx, { id: holder.userId, ...holder })), requestId };
    await recordAudit(trx, actor, {
      action: "user.accept_invitation",
      entityType: "user",
      entityId: holder.userId,
      before: { status: "invited" },
      after: { status: "active" },
    });
    return { sessionToken: await openSession(trx, holder.userId), actor };
  });
}
