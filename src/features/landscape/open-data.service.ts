import type { Db } from "../../platform/database.ts";
import type { GroupRecord, MeetingRow, Visibility } from "./landscape.repository.ts";
import * as landscape from "./landscape.repository.ts";
import type { MembershipRecord } from "./open-data.repository.ts";
import * as openData from "./open-data.repository.ts";

// The landscape's readers that other features build on (the calendars), so they read groups,
// memberships and meetings through this service rather than the landscape's repositories.

export { readsPrivate } from "./landscape.repository.ts";
export type { GroupRecord, MeetingRow, MembershipRecord, Visibility };

/** Every group, as the landscape and open data read it. */
export function listGroups(db: Db): Promise<GroupRecord[]> {
  return landscape.listGroups(db);
}

/** The meetings this visibility may see (of one group, or some meetings, or all). */
export function listVisibleMeetings(
  db: Db,
  visibility: Visibility,
  filter: { groupId?: number; ids?: number[] } = {},
): Promise<MeetingRow[]> {
  return landscape.listVisibleMeetings(db, visibility, filter);
}

/** Memberships with their group, person, organisation and dates (of one group, or all). */
export function listMembershipRecords(db: Db, groupId?: number): Promise<MembershipRecord[]> {
  return openData.listMembershipRecords(db, groupId);
}
