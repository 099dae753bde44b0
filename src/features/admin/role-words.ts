import type { Role } from "../../platform/actor.ts";
import type { HeldRole } from "./admin.types.ts";

// Roles in plain words, for people who have never seen the permission list.

export const ROLE_NAMES: Record<Role, string> = {
  administrator: "Administrator",
  programme_editor: "Programme editor",
  organisation_contributor: "Organisation contributor",
  group_secretary: "Group secretary",
  analyst: "Analyst",
  reader: "Reader",
};

export const ROLE_HINTS: Record<Role, string> = {
  administrator: "Can do everything, including managing people and reading the audit trail.",
  programme_editor: "Edits route maps and reports, and reviews progress.",
  organisation_contributor: "Reports progress for one organisation. Choose the organisation below.",
  group_secretary: "Runs one governance group's meetings and minutes. Choose the group below.",
  analyst: "Looks after indicators and data.",
  reader: "Can read drafts and private papers, but not change them.",
};

/** "Organisation contributor for Glasgow City Council". */
export function roleInWords(role: Pick<HeldRole, "role" | "organisation" | "group">): string {
  if (role.role === "organisation_contributor")
    return `${ROLE_NAMES[role.role]} for ${role.organisation?.name ?? "an organisation"}`;
  if (role.role === "group_secretary") return `${ROLE_NAMES[role.role]} of ${role.group?.name ?? "a group"}`;
  return ROLE_NAMES[role.role];
}

export const STATUS_NAMES = {
  invited: "Invited",
  active: "Active",
  deactivated: "Deactivated",
} as const;
