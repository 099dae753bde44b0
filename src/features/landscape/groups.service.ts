import type { Actor } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";
import { NotFoundError } from "../../platform/errors.ts";
import type { Visibility } from "./landscape.repository.ts";
import {
  type GroupRecord,
  listGroups,
  listVisibleMeetings,
  type MeetingRow,
} from "./landscape.repository.ts";
import { visibilityFor } from "./landscape.service.ts";
import { listMembershipRecords, type MembershipRecord } from "./open-data.repository.ts";

// Governance groups as open data (the /api/v1/groups endpoints read them here): every group, its
// members and the meetings the asker may see.

export type { GroupRecord, MeetingRow, Visibility } from "./landscape.repository.ts";
/** Whether that visibility reaches the group's private business (a meeting's unpublished minutes). */
export { readsPrivate } from "./landscape.repository.ts";
export type { MembershipRecord } from "./open-data.repository.ts";

/** Every governance group. */
export function listGroupRecords(db: Db): Promise<GroupRecord[]> {
  return listGroups(db);
}

/** The group called `slug`, with every group (a group names its parent); not found otherwise. */
export async function getGroupRecord(
  db: Db,
  slug: string,
): Promise<{ all: GroupRecord[]; group: GroupRecord }> {
  const all = await listGroups(db);
  const group = all.find((g) => g.slug === slug);
  if (!group) throw new NotFoundError(`There is no group called "${slug}".`);
  return { all, group };
}

/** A group's memberships: who, for which organisation, in what role, from when to when. */
export function listGroupMemberships(db: Db, groupId: number): Promise<MembershipRecord[]> {
  return listMembershipRecords(db, groupId);
}

/**
 * A group's meetings the actor may see: the public, those whose minutes are published (and the
 * next meeting they name); those who may read the group's private business, every one. Returns
 * the visibility too, which decides what each meeting shows.
 */
export async function listGroupMeetings(
  db: Db,
  actor: Actor,
  groupId: number,
): Promise<{ meetings: MeetingRow[]; visibility: Visibility }> {
  const visibility = visibilityFor(actor);
  return { meetings: await listVisibleMeetings(db, visibility, { groupId }), visibility };
}
