import type { UserStatus } from "../../db/schema.ts";
import type { Role } from "../../platform/actor.ts";

// What the administration pages and API show. Services hand out these, never table rows.

/** One role as a user holds it, with its scope named. */
export interface HeldRole {
  /** The grant's own id: what "remove this role" names. */
  id: number;
  role: Role;
  organisation: { id: number; name: string } | null;
  group: { id: number; name: string } | null;
  grantedAt: Date;
}

export interface UserSummary {
  id: number;
  name: string;
  email: string;
  status: UserStatus;
  roles: HeldRole[];
}

export interface UserDetail extends UserSummary {
  createdAt: Date;
  /** How many sessions are open now: deactivating ends them. */
  openSessions: number;
}

/** An organisation or governance group a scoped role can be granted for. */
export interface ScopeChoice {
  id: number;
  name: string;
}

/** A role to grant: a contributor needs an organisation, a secretary a group. */
export interface RoleToGrant {
  userId: number;
  role: string | undefined;
  organisationId: string | number | undefined;
  groupId: string | number | undefined;
}
