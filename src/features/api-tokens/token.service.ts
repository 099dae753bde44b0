import crypto from "node:crypto";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Db, Trx } from "../../platform/database.ts";
import { NotFoundError, ValidationError } from "../../platform/errors.ts";
import { authorize } from "../../platform/security/authorize.ts";
import { actorForUser } from "../accounts/user.service.ts";
import * as repo from "./token.repository.ts";

// Personal API tokens: made by a signed-in person for their own scripts, shown once, kept only as
// a hash, listed with when each was last used, revocable, and never valid beyond their expiry
// (at most a year). A token acts with its owner's roles as they are at the time of each request.

export const EXPIRY_CHOICES = [7, 30, 90, 365] as const;
export const PREFIX = "wmk_";

export interface ApiToken {
  id: number;
  name: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  state: "active" | "expired" | "revoked";
}

type Row = Awaited<ReturnType<typeof repo.listTokenRows>>[number];

function toToken(row: Row, now = new Date()): ApiToken {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    state: row.revoked_at ? "revoked" : row.expires_at <= now ? "expired" : "active",
  };
}

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

function ownerOf(actor: Actor): number {
  authorize(actor, "api_token.own");
  if (actor.kind !== "user") throw new NotFoundError();
  return actor.id;
}

/** The signed-in person's own tokens, newest first. */
export async function listTokens(db: Db, actor: Actor): Promise<ApiToken[]> {
  const userId = ownerOf(actor);
  return (await repo.listTokenRows(db, userId)).map((r) => toToken(r));
}

/**
 * Makes a token for the signed-in person. Returns the token itself, which is never stored and
 * cannot be shown again. Call inside a transaction.
 */
export async function createToken(
  trx: Trx,
  actor: Actor,
  input: { name: string | undefined; expiresInDays: string | number | undefined },
): Promise<{ token: string; apiToken: ApiToken }> {
  const userId = ownerOf(actor);
  const fields: Record<string, string> = {};
  const name = (input.name ?? "").trim();
  if (!name) fields.name = "Enter a name for the token, so you know which script uses it";
  else if (name.length > 100) fields.name = "The name must be 100 characters or fewer";
  const days = Number(input.expiresInDays);
  if (!(EXPIRY_CHOICES as readonly number[]).includes(days))
    fields.expiresInDays = "Choose when the token stops working: at most a year from now";
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  const token = `${PREFIX}${crypto.randomBytes(32).toString("base64url")}`;
  const row = await repo.insertToken(trx, {
    user_id: userId,
    name,
    token_hash: hashToken(token),
    expires_at: new Date(Date.now() + days * 86_400_000),
  });
  const apiToken = toToken(row);
  await recordAudit(trx, actor, {
    action: "api_token.create",
    entityType: "api_token",
    entityId: apiToken.id,
    after: { owner: userId, name, expiresAt: apiToken.expiresAt.toISOString() },
  });
  return { token, apiToken };
}

/** Stops one of the signed-in person's own tokens working, at once. Call inside a transaction. */
export async function revokeToken(trx: Trx, actor: Actor, tokenId: number): Promise<ApiToken> {
  const userId = ownerOf(actor);
  const row = await repo.lockOwnToken(trx, userId, tokenId);
  if (!row) throw new NotFoundError("You have no such API token.");
  if (row.revoked_at) return toToken(row);
  const { revoked_at } = await repo.markRevoked(trx, tokenId);
  await recordAudit(trx, actor, {
    action: "api_token.revoke",
    entityType: "api_token",
    entityId: tokenId,
    before: { owner: userId, name: row.name, revokedAt: null },
    after: { owner: userId, name: row.name, revokedAt: revoked_at?.toISOString() ?? null },
  });
  return toToken({ ...row, revoked_at });
}

/**
 * The person a bearer token acts for, with their roles now; null for a malformed, unknown,
 * expired or revoked token, or a deactivated person.
 */
export async function actorForToken(db: Db, token: string): Promise<Actor | null> {
  if (!token.startsWith(PREFIX) || token.length > 100) return null;
  const user = await repo.findTokenUser(db, hashToken(token));
  if (!user) return null;
  await repo.touchToken(db, user.token_id);
  return actorForUser(db, user);
}
