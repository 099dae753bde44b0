import ical, {
  foldLines,
  type ICalAttendeeData,
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from "ical-generator";
import { LONDON } from "../../platform/dates.ts";

// An iCalendar (RFC 5545) feed of meetings, for a group or a person. Pure: plain data in, text out;
// the calendar service decides which meetings and attendance the asker may see.
//   UID:      "meeting-<id>@<domain>", so a calendar app updates a meeting rather than duplicating it.
//   STATUS:   CONFIRMED for planned and held meetings, CANCELLED for cancelled ones.
//   ATTENDEE: ROLE from the membership (co-chair → CHAIR, member and secretariat → REQ-PARTICIPANT,
//             observer → OPT-PARTICIPANT); PARTSTAT from the attendance (present → ACCEPTED,
//             apologies → DECLINED, deputised → DELEGATED with DELEGATED-TO the deputy, who appears
//             with DELEGATED-FROM; not yet recorded → NEEDS-ACTION).
//   People's email addresses are private, so every attendee's address is a stable placeholder in
//   the reserved ".invalid" domain (RFC 2606): "person-<id>@people.waymark.invalid". Nothing is ever
//   sent to it; the name is in CN.

/** The VTIMEZONE for Europe/London (RFC 5545 §3.6.5): GMT, and BST from the last Sunday of March to the last Sunday of October. */
export const EUROPE_LONDON_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/London",
  "X-LIC-LOCATION:Europe/London",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0000",
  "TZOFFSETTO:+0100",
  "TZNAME:BST",
  "DTSTART:19700329T010000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0000",
  "TZNAME:GMT",
  "DTSTART:19701025T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
].join("\r\n");

/**
 * A London date and time (time "00:00" for a whole day) as ical-generator takes it: an event with
 * a `timezone` is written in that zone's wall-clock time, and ical-generator reads that reading from
 * a plain Date's own fields (getFullYear() … getMinutes()), so the Date is made from the same
 * fields. The reading goes in and comes out unchanged on a server in any zone, except in the hour
 * the server's own clocks skip (none on UTC or Europe/London, where such a time cannot be set).
 */
function wallClock(date: string, time = "00:00"): Date {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const [h, mi] = time.split(":").map(Number) as [number, number];
  return new Date(y, mo - 1, d, h, mi);
}

export type CalendarRole = "co_chair" | "secretariat" | "member" | "observer";
export type CalendarAttendance = "present" | "apologies" | "deputised";

export interface CalendarAttendee {
  personId: number;
  name: string;
  /** The organisation they came for, shown after their name. */
  organisation: string | null;
  role: CalendarRole | null;
  /** Marked co-chair at this meeting (chairs whatever their membership role). */
  coChair: boolean;
  /** Null: not recorded yet (a planned meeting, or minutes not public). */
  status: CalendarAttendance | null;
  deputy: { personId: number; name: string; organisation: string | null } | null;
}

export interface CalendarMeeting {
  id: number;
  groupName: string;
  /** "YYYY-MM-DD" */
  date: string;
  /** "HH:MM", London time; null: a whole-day entry. */
  startTime: string | null;
  endTime: string | null;
  place: string | null;
  online: boolean;
  status: "planned" | "held" | "cancelled";
  /** The meeting's page, absolute. */
  url: string | null;
  /** Published minutes, absolute; null when there are none the asker may read. */
  minutesUrl: string | null;
  attendees: CalendarAttendee[];
}

export interface CalendarFeed {
  name: string;
  description: string;
  /** Where the feed's UIDs come from, e.g. the site's host name. */
  uidDomain: string;
  meetings: CalendarMeeting[];
}

const ROLE: Record<CalendarRole, ICalAttendeeRole> = {
  co_chair: ICalAttendeeRole.CHAIR,
  secretariat: ICalAttendeeRole.REQ,
  member: ICalAttendeeRole.REQ,
  observer: ICalAttendeeRole.OPT,
};

const PARTSTAT: Record<CalendarAttendance, ICalAttendeeStatus> = {
  present: ICalAttendeeStatus.ACCEPTED,
  apologies: ICalAttendeeStatus.DECLINED,
  deputised: ICalAttendeeStatus.DELEGATED,
};

/** The placeholder address of a person: stable, and never a real mailbox. */
export function personAddress(personId: number): string {
  return `person-${personId}@people.waymark.invalid`;
}

function displayName(name: string, organisation: string | null): string {
  return organisation ? `${name} (${organisation})` : name;
}

function attendeesOf(meeting: CalendarMeeting): ICalAttendeeData[] {
  const out: ICalAttendeeData[] = [];
  for (const a of meeting.attendees) {
    const role = a.coChair ? ICalAttendeeRole.CHAIR : a.role ? ROLE[a.role] : ICalAttendeeRole.REQ;
    const entry: ICalAttendeeData = {
      name: displayName(a.name, a.organisation),
      email: personAddress(a.personId),
      role,
      status: a.status ? PARTSTAT[a.status] : ICalAttendeeStatus.NEEDSACTION,
    };
    if (a.status === "deputised" && a.deputy) {
      entry.delegatesTo = {
        name: displayName(a.deputy.name, a.deputy.organisation),
        email: personAddress(a.deputy.personId),
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.ACCEPTED,
      };
    }
    out.push(entry);
  }
  return out;
}

function describe(meeting: CalendarMeeting): string {
  const lines = [`Meeting of the ${meeting.groupName}.`];
  if (meeting.status === "cancelled") lines.push("This meeting is cancelled.");
  if (meeting.online) lines.push(meeting.place ? `Online, and at ${meeting.place}.` : "Online.");
  if (meeting.minutesUrl) lines.push(`Minutes: ${meeting.minutesUrl}`);
  else if (meeting.url) lines.push(`Details: ${meeting.url}`);
  return lines.join("\n");
}

/** The feed as iCalendar text. */
export function meetingCalendar(feed: CalendarFeed): string {
  const calendar = ical({
    name: feed.name,
    description: feed.description,
    prodId: { company: "Waymark", product: "Waymark meetings", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone (that would write DTSTAMP in local time, which must be UTC); each event
    // names Europe/London and the generator adds its VTIMEZONE once.
    timezone: { name: null, generator: (zone) => (zone === LONDON ? EUROPE_LONDON_VTIMEZONE : null) },
  });
  const meetings = [...feed.meetings].sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
  for (const meeting of meetings) {
    const allDay = meeting.startTime === null;
    const location = meeting.place ?? (meeting.online ? "Online" : null);
    calendar.createEvent({
      id: `meeting-${meeting.id}@${feed.uidDomain}`,
      summary: meeting.status === "cancelled" ? `Cancelled: ${meeting.groupName}` : meeting.groupName,
      start: wallClock(meeting.date, meeting.startTime ?? "00:00"),
      ...(meeting.startTime !== null && meeting.endTime !== null
        ? { end: wallClock(meeting.date, meeting.endTime) }
        : {}),
      allDay,
      timezone: LONDON,
      status: meeting.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      description: describe(meeting),
      ...(location ? { location: { title: location } } : {}),
      ...(meeting.url ? { url: meeting.url } : {}),
      attendees: attendeesOf(meeting),
    });
  }
  return withMailtoDelegation(calendar.toString());
}

/**
 * ical-generator writes DELEGATED-TO and DELEGATED-FROM as bare addresses; RFC 5545 wants them as
 * "mailto:" addresses (cal-address is a URI). Unfold the lines, fix them, fold again.
 */
function withMailtoDelegation(text: string): string {
  const unfolded = text.replace(/\r\n[ \t]/g, "");
  return foldLines(unfolded.replace(/;(DELEGATED-(?:TO|FROM))="(?!mailto:)/g, ';$1="mailto:'));
}
