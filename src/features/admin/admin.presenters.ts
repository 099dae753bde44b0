import type { Static } from "typebox";
import { API_ROOT } from "../../platform/api/common.schema.ts";
import type { AdminUser, AdminUserSummary, HeldRole as HeldRoleSchema } from "./admin.schema.ts";
import type { HeldRole, UserDetail, UserSummary } from "./admin.types.ts";
import { roleInWords } from "./role-words.ts";

// What the administration API answers: the domain's people and roles as JSON.

export function presentRole(role: HeldRole): Static<typeof HeldRoleSchema> {
  return {
    id: role.id,
    role: role.role,
    description: roleInWords(role),
    organisation: role.organisation,
    group: role.group,
    grantedAt: role.grantedAt.toISOString(),
  };
}

export function presentUserSummary(user: UserSummary): Static<typeof AdminUserSummary> {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    status: user.status,
    roles: user.roles.map(presentRole),
    url: `${API_ROOT}/admin/users/${user.id}`,
  };
}

export function presentUser(user: UserDetail): Static<typeof AdminUser> {
  return {
    ...presentUserSummary(user),
    createdAt: user.createdAt.toISOString(),
    openSessions: user.openSessions,
  };
}
