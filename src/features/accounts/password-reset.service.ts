import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { type Db, inTransaction } from "../../platform/database.ts";
import { ValidationError } from "../../platform/errors.ts";
import type { Mailer } from "../../platform/mail.ts";
import { emailProblem, newPasswordProblem, normaliseEmail } from "./account.validation.ts";
import {
  createLink,
  findLink,
  LINK_LIFETIME_HOURS,
  linksSentWithin,
  UnusableLinkError,
  useLink,
} from "./account-link.service.ts";
import { hashPassword } from "./password.ts";
import { closeUserSessions, openSession } from "./session.service.ts";
import {
  checkThrottle,
  clearAccountThrottle,
  recordThrottleEvent,
  THROTTLES,
  type Throttled,
} from "./throttle.service.ts";
import * as repo from "./user.repository.ts";
import { actorForUser } from "./user.service.ts";

/**
 * An inbox gets at most this many reset links in the reset throttle's window, however many
 * addresses ask. Past it the asker is told "sent" all the same: the newest link sent is still in
 * the inbox and still works (only a newer one retires it), so someone asking for another owner's
 * links can neither flood the inbox nor stop the owner resetting.
 */
const LINKS_PER_INBOX = 3;

/**
 * Someone asks for a password-reset link. Whether or not the address has an account, the answer
 * is the same ("sent", or throttled by the same counts: per account from one client address, and
 * per client address), so nobody can find out who has one. An active account gets a link by
 * email that works once, for 1 hour, unless it has had LINKS_PER_INBOX in 15 minutes. The email
 * is sent without waiting for it, so the answer takes as long either way; a failure to send goes
 * to `onMailError`.
 */
export async function requestPasswordReset(
  db: Db,
  input: { email: string; address: string; requestId?: string },
  mailer: Mailer,
  onMailError: (error: unknown) => void,
): Promise<{ kind: "sent" } | ({ kind: "throttled" } & Throttled)> {
  const problem = emailProblem(input.email);
  if (problem) throw new ValidationError({ email: problem });
  const email = normaliseEmail(input.email);
  const throttled = await checkThrottle(db, "password_reset_request", email, input.address);
  if (throttled) return { kind: "throttled", ...throttled };
  await recordThrottleEvent(db, "password_reset_request", email, input.address);
  const user = await repo.findUserByEmail(db, email);
  if (user?.status !== "active") return { kind: "sent" };
  const window = THROTTLES.password_reset_request.windowMinutes;
  if ((await linksSentWithin(db, user.id, "password_reset", window)) >= LINKS_PER_INBOX)
    return { kind: "sent" };
  const token = await inTransaction(db, async (trx) => {
    const created = await createLink(trx, user.id, "password_reset");
    const actor: Actor = { kind: "public", ...(input.requestId ? { requestId: input.requestId } : {}) };
    await recordAudit(trx, actor, {
      action: "user.password_reset_requested",
      entityType: "user",
      entityId: user.id,
    });
    return created;
  });
  mailer
    .send({
      to: user.email,
      subject: "Reset your Waymark password",
      text: [
        `Hello ${user.name},`,
        "",
        "Someone (we hope you) asked to reset the password of your Waymark account.",
        "To choose a new password, open this link:",
        "",
        mailer.link(`/password-reset/${token}`),
        "",
        `The link works once, for ${LINK_LIFETIME_HOURS.password_reset} hour. Choosing a new password signs you out everywhere else.`,
        "",
        "If you did not ask for this, you can ignore this email: your password stays as it is.",
      ].join("\n"),
    })
    .catch(onMailError);
  return { kind: "sent" };
}

/** Whose reset link this is, if it still works (to show its page). */
export async function findPasswordReset(db: Db, token: unknown): Promise<{ email: string } | null> {
  const holder = await findLink(db, "password_reset", token);
  return holder?.status === "active" ? { email: holder.email } : null;
}

/**
 * Sets a new password with a reset link: checks it (before hashing), uses the link once, ends
 * every session the user had (whoever may have been signed in), forgives failed sign-ins, and
 * signs this browser in. Returns the new session's token.
 */
export async function resetPassword(
  db: Db,
  token: unknown,
  password: string,
  requestId?: string,
): Promise<{ sessionToken: string; actor: Actor }> {
  if (!(await findPasswordReset(db, token))) throw new UnusableLinkError("password_reset");
  const problem = newPasswordProblem(password);
  if (problem) throw new ValidationError({ password: problem });
  const passwordHash = await hashPassword(password);
  return inTransaction(db, async (trx) => {
    const holder = await useLink(trx, "password_reset", token);
    if (holder.status !== "active") throw new UnusableLinkError("password_reset");
    await repo.setPasswordHash(trx, holder.userId, passwordHash, "active");
    const ended = await closeUserSessions(trx, holder.userId);
    await clearAccountThrottle(trx, "sign_in_failure", holder.email);
    const user = await actorForUser(trx, { id: holder.userId, ...holder });
    const actor: Actor = requestId ? { ...user, requestId } : user;
    await recordAudit(trx, actor, {
      action: "user.reset_password",
      entityType: "user",
      entityId: holder.userId,
      after: { sessionsEnded: ended },
    });
    return { sessionToken: await openSession(trx, holder.userId), actor };
  });
}
