import type { ColumnType, Generated } from "kysely";

// Accounts: users, their scoped roles, sessions, API tokens, emailed links, throttling and the audit trail.

export type UserStatus = "invited" | "active" | "deactivated";

export interface AppUserTable {
  id: Generated<number>;
  email: string;
  name: string;
  status: Generated<UserStatus>;
  /** Null until an invited user sets one, and for single sign-on users. */
  password_hash: string | null;
  created_at: Generated<Date>;
  /** The single sign-on provider's subject for this person, once they have signed in through it. */
  oidc_subject: ColumnType<string | null, string | null | undefined, string | null>;
}

export type RoleName =
  | "administrator"
  | "programme_editor"
  | "organisation_contributor"
  | "group_secretary"
  | "analyst"
  | "reader";

/** A role granted to a user; contributors are scoped to an organisation, secretaries to a group. */
export interface UserRoleTable {
  id: Generated<number>;
  user_id: number;
  role: RoleName;
  organisation_id: number | null;
  group_id: number | null;
  granted_at: Generated<Date>;
}

export interface UserSessionTable {
  id_hash: string;
  user_id: number;
  created_at: Generated<Date>;
  /** The absolute end of the session, however active it is. */
  expires_at: Date;
  /** The last request, touched at most once a minute: the session also ends after long idleness. */
  last_seen_at: Generated<Date>;
}

export interface AuditEventTable {
  id: Generated<number>;
  at: Generated<Date>;
  actor_id: number | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  request_id: string | null;
}

// Personal API tokens (features/api-tokens). Only the token's SHA-256 hash is kept.
export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: Generated<Date>;
  expires_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

// Accounts: emailed links and throttling (features/accounts).

export type AccountLinkPurpose = "invitation" | "password_reset";

/** An emailed link: single use (used_at), expiring, kept only as the SHA-256 of its token. */
export interface AccountLinkTable {
  id: Generated<number>;
  user_id: number;
  purpose: AccountLinkPurpose;
  token_hash: string;
  created_at: Generated<Date>;
  expires_at: Date;
  used_at: Date | null;
}

export type ThrottleKind = "sign_in_failure" | "password_reset_request";

/** One failed sign-in or reset request, by account (normalised email) and client address. */
export interface ThrottleEventTable {
  id: Generated<number>;
  kind: ThrottleKind;
  account: string;
  address: string;
  at: Generated<Date>;
}
