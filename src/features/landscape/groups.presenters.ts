import type { Static } from "typebox";
import { API_ROOT } from "../../platform/api/common.schema.ts";
import { groupPath, meetingPath } from "../governance/governance.paths.ts";
import type {
  Group,
  GroupList,
  GroupReference,
  Meeting,
  MeetingList,
  Membership,
  MembershipList,
} from "./group.schema.ts";
import {
  type GroupRecord,
  type MeetingRow,
  type MembershipRecord,
  readsPrivate,
  type Visibility,
} from "./groups.service.ts";
import type { LandscapeGroup } from "./landscape.types.ts";

// Presenters for groups, memberships and meetings: exactly what their schemas describe.

const segment = (value: string | number) => encodeURIComponent(String(value));

export const governanceUrls = {
  groups: () => `${API_ROOT}/groups`,
  group: (slug: string) => `${API_ROOT}/groups/${segment(slug)}`,
  memberships: (slug: string) => `${API_ROOT}/groups/${segment(slug)}/memberships`,
  meetings: (slug: string) => `${API_ROOT}/groups/${segment(slug)}/meetings`,
};

export function presentGroupReference(
  group: Pick<LandscapeGroup, "slug" | "name">,
): Static<typeof GroupReference> {
  return { slug: group.slug, name: group.name, url: governanceUrls.group(group.slug) };
}

export function presentGroup(group: GroupRecord, all: Map<number, GroupRecord>): Static<typeof Group> {
  const parent = group.parentId === null ? undefined : all.get(group.parentId);
  return {
    slug: group.slug,
    name: group.name,
    status: group.status,
    remit: group.remit,
    priorities: group.priorities,
    parent: parent ? presentGroupReference(parent) : null,
    portfolio: group.portfolio,
    startDate: group.startDate,
    reviewDate: group.reviewDate,
    endDate: group.endDate,
    url: governanceUrls.group(group.slug),
    links: {
      page: groupPath(group.slug),
      memberships: governanceUrls.memberships(group.slug),
      meetings: governanceUrls.meetings(group.slug),
      calendar: `${groupPath(group.slug)}/calendar.ics`,
    },
  };
}

export function presentGroupList(groups: GroupRecord[]): Static<typeof GroupList> {
  const all = new Map(groups.map((g) => [g.id, g]));
  return { groups: groups.map((g) => presentGroup(g, all)) };
}

export function presentMembership(m: MembershipRecord): Static<typeof Membership> {
  return {
    id: m.id,
    person: { id: m.person.id, name: m.person.name, calendar: `/people/${m.person.id}/calendar.ics` },
    organisation: m.organisation ? { slug: m.organisation.slug, name: m.organisation.name } : null,
    role: m.role,
    deputyFor: m.deputyFor,
    from: m.from,
    to: m.to,
  };
}

export function presentMembershipList(
  group: LandscapeGroup,
  records: MembershipRecord[],
): Static<typeof MembershipList> {
  return { group: presentGroupReference(group), memberships: records.map(presentMembership) };
}

export function presentMeeting(
  group: LandscapeGroup,
  m: MeetingRow,
  visibility: Visibility,
): Static<typeof Meeting> {
  const mayRead = readsPrivate(visibility, m.groupId);
  const published = m.minutesStatus === "published";
  const page = meetingPath(group.slug, m.id);
  return {
    id: m.id,
    date: m.date,
    startTime: m.startTime,
    endTime: m.endTime,
    place: m.place === "" ? null : m.place,
    online: m.online,
    status: m.status,
    minutes: published || mayRead ? m.minutesStatus : "not_published",
    minutesPublishedOn: m.publishedOn,
    links: {
      page: published || mayRead ? page : null,
      minutesDocx: published || mayRead ? `${page}/minutes.docx` : null,
      minutesHtml: published || mayRead ? `${page}/minutes.html` : null,
    },
  };
}

export function presentMeetingList(
  group: LandscapeGroup,
  meetings: MeetingRow[],
  visibility: Visibility,
): Static<typeof MeetingList> {
  return {
    group: presentGroupReference(group),
    meetings: meetings.map((m) => presentMeeting(group, m, visibility)),
  };
}
