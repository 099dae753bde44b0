import type { Actor } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";
import { NotFoundError } from "../../platform/errors.ts";
import { meetingPath } from "../governance/governance.paths.ts";
import { visibilityFor } from "../landscape/landscape.service.ts";
import { heldOn } from "../landscape/landscape.types.ts";
import * as landscape from "../landscape/open-data.service.ts";
import {
  listMembershipRecords,
  type MeetingRow,
  type MembershipRecord,
  readsPrivate,
  type Visibility,
} from "../landscape/open-data.service.ts";
import * as repo from "./calendar.repository.ts";
import { type CalendarAttendee, type CalendarMeeting, meetingCalendar } from "./meeting-calendar.ts";

// Calendars of a group's meetings and of one person's. They show what the asker may see and no
// more: the public gets meetings whose minutes are published (with who came, as the minutes say)
// and the next meeting those minutes name (with the members expected, which the group's page
// shows anyway); someone who may read a group's private business gets all its meetings. Calendar
// apps subscribe without signing in, so in practice a feed is the public's.

export interface FeedAddress {
  /** "https://waymark.example", for links. */
  origin: string;
  /** "waymark.example", for UIDs. */
  uidDomain: string;
}

function attendeesFor(
  meeting: MeetingRow,
  visibility: Visibility,
  attendance: repo.AttendanceRecord[],
  memberships: MembershipRecord[],
): CalendarAttendee[] {
  const held = memberships.filter((m) => m.group.id === meeting.groupId && heldOn(m, meeting.date));
  const roleOf = (personId: number) => held.find((m) => m.person.id === personId)?.role ?? null;
  const recorded = attendance.filter((a) => a.meetingId === meeting.id);
  const mayRead = meeting.minutesStatus === "published" || readsPrivate(visibility, meeting.groupId);
  if (mayRead && recorded.length > 0)
    return recorded.map((a) => ({
      personId: a.personId,
      name: a.name,
      organisation: a.organisation,
      role: roleOf(a.personId),
      coChair: a.coChair,
      status: a.status,
      deputy: a.deputy,
    }));
  // Nothing recorded that the asker may read: the members expected, not yet answered.
  return held.map((m) => ({
    personId: m.person.id,
    name: m.person.name,
    organisation: m.organisation?.name ?? null,
    role: m.role,
    coChair: m.role === "co_chair",
    status: null,
    deputy: null,
  }));
}

async function toCalendarMeetings(
  db: Db,
  visibility: Visibility,
  meetings: MeetingRow[],
  groups: Map<number, { slug: string; name: string }>,
  memberships: MembershipRecord[],
  address: FeedAddress,
): Promise<CalendarMeeting[]> {
  const readable = meetings.filter(
    (m) => m.minutesStatus === "published" || readsPrivate(visibility, m.groupId),
  );
  const attendance = await repo.listAttendance(
    db,
    readable.map((m) => m.id),
  );
  return meetings.map((m) => {
    const group = groups.get(m.groupId)!;
    const mayOpen = m.minutesStatus === "published" || readsPrivate(visibility, m.groupId);
    const path = meetingPath(group.slug, m.id);
    return {
      id: m.id,
      groupName: group.name,
      date: m.date,
      startTime: m.startTime,
      endTime: m.endTime,
      place: m.place === "" ? null : m.place,
      online: m.online,
      status: m.status,
      url: mayOpen ? `${address.origin}${path}` : null,
      minutesUrl: m.minutesStatus === "published" ? `${address.origin}${path}` : null,
      attendees: attendeesFor(m, visibility, attendance, memberships),
    };
  });
}

/** A group's meetings as iCalendar text. */
export async function groupCalendar(
  db: Db,
  actor: Actor,
  slug: string,
  address: FeedAddress,
): Promise<string> {
  const group = await repo.findGroup(db, slug);
  if (!group) throw new NotFoundError("There is no group at this address.");
  const visibility = visibilityFor(actor);
  const [meetings, memberships] = await Promise.all([
    landscape.listVisibleMeetings(db, visibility, { groupId: group.id }),
    listMembershipRecords(db, group.id),
  ]);
  const groups = new Map([[group.id, group]]);
  return meetingCalendar({
    name: `${group.name}: meetings`,
    description: `Meetings of the ${group.name}, from Waymark.`,
    uidDomain: address.uidDomain,
    meetings: await toCalendarMeetings(db, visibility, meetings, groups, memberships, address),
  });
}

/**
 * One person's meetings as iCalendar text: those of groups they were a member of on the day, and
 * those the asker may see they came to (as themselves or as someone's deputy).
 */
export async function personCalendar(
  db: Db,
  actor: Actor,
  personId: number,
  address: FeedAddress,
): Promise<string> {
  const person = await repo.findPerson(db, personId);
  if (!person) throw new NotFoundError("There is no person at this address.");
  const visibility = visibilityFor(actor);
  const [meetings, memberships, attended, groupList] = await Promise.all([
    landscape.listVisibleMeetings(db, visibility),
    listMembershipRecords(db),
    repo.meetingIdsAttendedBy(db, personId),
    landscape.listGroups(db),
  ]);
  const attendedIds = new Set(attended);
  const theirs = meetings.filter(
    (m) =>
      memberships.some(
        (ms) => ms.person.id === personId && ms.group.id === m.groupId && heldOn(ms, m.date),
      ) ||
      (attendedIds.has(m.id) && (m.minutesStatus === "published" || readsPrivate(visibility, m.groupId))),
  );
  const groups = new Map(groupList.map((g) => [g.id, g]));
  return meetingCalendar({
    name: `${person.name}: meetings`,
    description: `Meetings ${person.name} is a member for or came to, from Waymark.`,
    uidDomain: address.uidDomain,
    meetings: await toCalendarMeetings(db, visibility, theirs, groups, memberships, address),
  });
}
