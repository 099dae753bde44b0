import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { type Db, inTransaction } from "../../platform/database.ts";
import { normaliseEmail } from "./account.validation.ts";
import type { OidcIdentity } from "./oidc.client.ts";
import * as repo from "./oidc.repository.ts";
import { clearPairThrottle } from "./throttle.service.ts";
import { actorForUser, openSession } from "./user.service.ts";

/** Why a person the provider vouched for may still not sign in to Waymark. */
export type OidcRefusal =
  /** No account has the provider's email address (accounts are by invitation). */
  | "unknown"
  /** The account has been deactivated. */
  | "deactivated"
  /** The provider has not verified the email address, so it cannot be matched to an account. */
  | "unverified"
  /** The account with this email is already linked to a different person at the provider. */
  | "linked_elsewhere";

export type OidcOutcome =
  | { kind: "signed_in"; token: string; actor: Actor }
  | { kind: "refused"; reason: OidcRefusal; email: string | undefined };

/**
 * Signs in the person the provider identified. The first time, their verified email is matched
 * to an invited or active account (in any case), which is then linked to the provider's subject
 * and made active; afterwards the subject alone finds the account. Opens the same kind of
 * session as a password sign-in, forgives the account's failed password sign-ins from the client
 * `address` as a password sign-in does (throttling never stands in the way of single sign-on),
 * and records the link and the sign-in in the audit trail, all in one transaction.
 */
export async function signInWithOidc(
  db: Db,
  identity: OidcIdentity,
  request: { address: string; requestId?: string },
): Promise<OidcOutcome> {
  const { requestId } = request;
  return inTransaction(db, async (trx): Promise<OidcOutcome> => {
    const refused = (reason: OidcRefusal): OidcOutcome => ({
      kind: "refused",
      reason,
      email: identity.email,
    });
    let user = await repo.findUserByOidcSubject(trx, identity.subject);
    if (!user) {
      if (!identity.email) return refused("unknown");
      if (!identity.emailVerified) return refused("unverified");
      user = await repo.findUserByEmailAnyCase(trx, identity.email.trim());
      if (!user) return refused("unknown");
    }
    if (user.status === "deactivated") return refused("deactivated");
    if (user.oidc_subject !== null && user.oidc_subject !== identity.subject)
      return refused("linked_elsewhere");

    const actor = { ...(await actorForUser(trx, user)), ...(requestId ? { requestId } : {}) };
    if (user.oidc_subject === null || user.status !== "active") {
      if (!(await repo.linkOidcSubject(trx, user.id, identity.subject))) return refused("deactivated");
      await recordAudit(trx, actor, {
        action: "user.link_single_sign_on",
        entityType: "user",
        entityId: user.id,
        before: { status: user.status, oidcSubject: user.oidc_subject },
        after: { status: "active", oidcSubject: identity.subject },
      });
    }
    await clearPairThrottle(trx, "sign_in_failure", normaliseEmail(user.email), request.address);
    const token = await openSession(trx, user.id);
    await recordAudit(trx, actor, {
      action: "user.sign_in",
      entityType: "user",
      entityId: user.id,
      after: { method: "single sign-on" },
    });
    return { kind: "signed_in", token, actor };
  });
}
