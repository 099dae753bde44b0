import type { Actor } from "../actor.ts";
import { ForbiddenError, UnauthenticatedError } from "../errors.ts";

/**
 * The one place that decides who may do what. Every read of a draft and every change goes
 * through `authorize`; the accounts-and-roles work replaces the rules here, not the callers.
 */
export type Permission =
  /** See draft editions (pages, API, preview). */
  | "route_map.read_draft"
  /** Start, edit and publish editions. */
  | "route_map.edit";

const RULES: Record<Permission, ReadonlyArray<"editor" | "reader">> = {
  "route_map.read_draft": ["editor", "reader"],
  "route_map.edit": ["editor"],
};

export function can(actor: Actor, permission: Permission): boolean {
  return actor.kind === "user" && RULES[permission].includes(actor.role);
}

/** Throws UnauthenticatedError for the public and ForbiddenError for a signed-in user without the permission. */
export function authorize(actor: Actor, permission: Permission): void {
  if (can(actor, permission)) return;
  if (actor.kind === "public") throw new UnauthenticatedError();
  throw new ForbiddenError();
}
