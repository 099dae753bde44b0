import type { AccountLinkPurpose, UserStatus } from "../../db/schema.ts";
import type { Db } from "../../platform/database.ts";
import { NotFoundError } from "../../platform/errors.ts";
import * as repo from "./account-link.repository.ts";
import { hashToken, isWellFormedToken, newToken } from "./tokens.ts";

// Emailed links: an invitation works for 7 days, a password reset for 1 hour; each works once,
// and a new one retires the ones sent before. The token is in the link only; the database keeps
// its hash, so a forged token finds nothing and a copied database opens nothing.

export const LINK_LIFETIME_HOURS: Record<AccountLinkPurpose, number> = {
  invitation: 7 * 24,
  password_reset: 1,
};

/** Whose link it is. */
export interface LinkHolder {
  userId: number;
  email: string;
  name: string;
  status: UserStatus;
}

/** The link is forged, used, expired or replaced: the route shows a page saying so, never a 500. */
export class UnusableLinkError extends NotFoundError {
  readonly purpose: AccountLinkPurpose;
  constructor(purpose: AccountLinkPurpose) {
    super("This link does not work: it may have been used already, run out of time, or been copied wrongly.");
    this.purpose = purpose;
  }
}

/** Makes a new link for the user (retiring earlier ones of the purpose) and returns its token. */
export async function createLink(db: Db, userId: number, purpose: AccountLinkPurpose): Promise<string> {
  const now = new Date();
  const token = newToken();
  await repo.retireLinks(db, userId, purpose, now);
  await repo.insertLink(db, {
    user_id: userId,
    purpose,
    token_hash: hashToken(token),
    created_at: now,
    expires_at: new Date(now.getTime() + LINK_LIFETIME_HOURS[purpose] * 3600_000),
  });
  return token;
}

/** How many links of the purpose the user has been sent in the last `minutes`. */
export function linksSentWithin(
  db: Db,
  userId: number,
  purpose: AccountLinkPurpose,
  minutes: number,
): Promise<number> {
  return repo.countLinksSince(db, userId, purpose, new Date(Date.now() - minutes * 60_000));
}

/** Whose usable link this is, without using it (to show the page it opens); null if it does not work. */
export async function findLink(
  db: Db,
  purpose: AccountLinkPurpose,
  token: unknown,
): Promise<LinkHolder | null> {
  if (!isWellFormedToken(token)) return null;
  const link = await repo.findUsableLink(db, purpose, hashToken(token), new Date());
  return link ? { userId: link.userId, email: link.email, name: link.name, status: link.status } : null;
}

/** Uses the link (in the caller's transaction): whose it was, or UnusableLinkError. */
export async function useLink(db: Db, purpose: AccountLinkPurpose, token: unknown): Promise<LinkHolder> {
  if (!isWellFormedToken(token)) throw new UnusableLinkError(purpose);
  const now = new Date();
  const link = await repo.findUsableLink(db, purpose, hashToken(token), now);
  if (!link || !(await repo.markUsed(db, link.linkId, now))) throw new UnusableLinkError(purpose);
  return { userId: link.userId, email: link.email, name: link.name, status: link.status };
}
