import type { Actor, Grant, Role } from "../actor.ts";
import { ForbiddenError, UnauthenticatedError } from "../errors.ts";

/**
 * The one place that decides who may do what. Every read of private data and every change goes
 * through `authorize`. Administrators may do everything. Organisation contributors and group
 * secretaries hold their role for named organisations or groups: a permission that is scoped asks
 * for the organisation or group in question.
 */
export type Permission =
  /** See draft route-map editions (pages, API, preview). */
  | "route_map.read_draft"
  /** Start, edit and publish route-map editions; import documents. */
  | "route_map.edit"
  /** Invite users, grant and remove roles, deactivate accounts. */
  | "user.manage"
  /** Read the audit trail. */
  | "audit.read"
  /** Make, list and revoke one's own personal API tokens (any role: a token carries only its owner's roles). */
  | "api_token.own"
  /** Add and change organisations in the register. */
  | "organisation.manage"
  /** Create governance groups. */
  | "group.create"
  /** Change a group, its memberships, meetings and minutes. Scoped: { groupId }. */
  | "group.manage"
  /** Read a group's unpublished minutes and private papers. Scoped: { groupId }. */
  | "group.read_private"
  /** Write and submit progress updates for an organisation's actions. Scoped: { organisationId }. */
  | "progress.report"
  /** Read an organisation's draft progress updates. Scoped: { organisationId }. */
  | "progress.read_private"
  /** Review submitted updates, ask for evidence, run reporting rounds. */
  | "progress.review"
  /** Change the progress framework and load indicator data. */
  | "indicator.edit"
  /** Read unpublished indicators and unsuppressed small numbers. */
  | "indicator.read_private"
  /** Generate a frozen report (reading reports is public). */
  | "report.generate"
  /** Add and change funds, their years, allocations and links, and see draft allocations. */
  | "funding.edit"
  /**
   * Start improvement projects and change them, their measures and data points. Scoped:
   * { organisationId }, an organisation taking part (a contributor edits only its own projects).
   */
  | "improvement.edit"
  /** Read unpublished improvement projects. Scoped: { organisationId }, as improvement.edit. */
  | "improvement.read_draft"
  /** Add, change, publish and withdraw timeline items, and read their drafts. */
  | "timeline.edit";

export interface Scope {
  organisationId?: number;
  groupId?: number;
}

type Rule = readonly Role[];

const RULES: Record<Permission, Rule> = {
  "route_map.read_draft": ["administrator", "programme_editor", "reader"],
  "route_map.edit": ["administrator", "programme_editor"],
  "user.manage": ["administrator"],
  "audit.read": ["administrator"],
  "api_token.own": [
    "administrator",
    "programme_editor",
    "organisation_contributor",
    "group_secretary",
    "analyst",
    "reader",
  ],
  "organisation.manage": ["administrator", "programme_editor"],
  "group.create": ["administrator", "programme_editor"],
  "group.manage": ["administrator", "programme_editor", "group_secretary"],
  "group.read_private": ["administrator", "programme_editor", "reader", "group_secretary"],
  "progress.report": ["administrator", "programme_editor", "organisation_contributor"],
  "progress.read_private": ["administrator", "programme_editor", "reader", "organisation_contributor"],
  "progress.review": ["administrator", "programme_editor"],
  "indicator.edit": ["administrator", "analyst"],
  "indicator.read_private": ["administrator", "analyst", "programme_editor", "reader"],
  "report.generate": ["administrator", "programme_editor"],
  "funding.edit": ["administrator", "programme_editor"],
  "improvement.edit": ["administrator", "programme_editor", "organisation_contributor"],
  "improvement.read_draft": ["administrator", "programme_editor", "reader", "organisation_contributor"],
  "timeline.edit": ["administrator", "programme_editor"],
};

/** Does this grant give the permission here? A scoped grant counts only for its own organisation or group. */
function grants(grant: Grant, permission: Permission, scope: Scope | undefined): boolean {
  if (grant.role === "administrator") return true;
  if (!RULES[permission].includes(grant.role)) return false;
  if (grant.role === "organisation_contributor")
    return scope?.organisationId === undefined || scope.organisationId === grant.organisationId;
  if (grant.role === "group_secretary")
    return scope?.groupId === undefined || scope.groupId === grant.groupId;
  return true;
}

/**
 * May the actor do this? With a scope, for that organisation or group; without one, "anywhere at
 * all" (for menus and lists; a change must always pass the scope of what it changes).
 */
export function can(actor: Actor, permission: Permission, scope?: Scope): boolean {
  return actor.kind === "user" && actor.grants.some((g) => grants(g, permission, scope));
}

/** Throws UnauthenticatedError for the public and ForbiddenError for a signed-in user without the permission. */
export function authorize(actor: Actor, permission: Permission, scope?: Scope): void {
  if (can(actor, permission, scope)) return;
  if (actor.kind === "public") throw new UnauthenticatedError();
  throw new ForbiddenError();
}

/**
 * Where the actor holds a permission, for filtering lists: everywhere, or only these organisations
 * and groups (empty lists: nowhere).
 */
export function reach(
  actor: Actor,
  permission: Permission,
): { everywhere: true } | { everywhere: false; organisationIds: number[]; groupIds: number[] } {
  if (actor.kind !== "user") return { everywhere: false, organisationIds: [], groupIds: [] };
  const held = actor.grants.filter((g) => g.role === "administrator" || RULES[permission].includes(g.role));
  if (held.some((g) => g.role !== "organisation_contributor" && g.role !== "group_secretary"))
    return { everywhere: true };
  return {
    everywhere: false,
    organisationIds: held.flatMap((g) => (g.role === "organisation_contributor" ? [g.organisationId] : [])),
    groupIds: held.flatMap((g) => (g.role === "group_secretary" ? [g.groupId] : [])),
  };
}
