import type { RoleName } from "../db/schema.ts";

/** The roles a user can hold. Contributors and secretaries hold theirs for named organisations or groups. */
export type Role = RoleName;

export const ROLES: readonly Role[] = [
  "administrator",
  "programme_editor",
  "organisation_contributor",
  "group_secretary",
  "analyst",
  "reader",
];

/** A role as held: organisationId for an organisation contributor, groupId for a group secretary. */
export type Grant =
  | { role: "organisation_contributor"; organisationId: number }
  | { role: "group_secretary"; groupId: number }
  | { role: Exclude<Role, "organisation_contributor" | "group_secretary"> };

/**
 * Who is asking. Every service that reads private data or changes anything takes one.
 * `requestId` ties the audit events a request writes to that request.
 */
export type Actor =
  | { kind: "public"; requestId?: string }
  | {
      kind: "user";
      id: number;
      name: string;
      email: string;
      grants: readonly Grant[];
      requestId?: string;
    };

export const PUBLIC: Actor = { kind: "public" };

/** The system itself (demo data, migrations of data, scheduled work), for the audit trail. */
export const SYSTEM: Actor = { kind: "public", requestId: "system" };

export function actorLabel(actor: Actor): string {
  return actor.kind === "user" ? `${actor.name} <${actor.email}>` : "public";
}

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.kind === "user" && actor.grants.some((g) => g.role === role);
}
