import { heldOn, type IsoDate, type Landscape, type LandscapeMeeting } from "./landscape.types.ts";
import type { Named } from "./overlap.ts";

// Meeting load over a period: how many meetings each person and each organisation is expected
// at, and how many they went to. "Too many groups" was the workforce's complaint in the seeds;
// these are the figures behind it.
//   A meeting counts when it falls in the period (first and last day included) and was not
//   cancelled; planned meetings count as expected, since they are load still to come.
//   A person is expected at a meeting when they held a membership of its group (any role) on the
//   day. They attended when the attendance says present, or when they came as someone's deputy.
//   Apologies count "apologies" and "deputised" (they sent someone).
//   An organisation is expected at a meeting when any of its members was; its seats are the
//   person-meetings expected; its attendances are the attendance rows for it that say present or
//   deputised (the organisation was there, through the deputy).

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

export interface PersonLoad {
  person: Named;
  /** Groups they were expected at or attended in the period. */
  groups: number;
  expected: number;
  attended: number;
  apologies: number;
}

export interface OrganisationLoad {
  organisation: Named;
  /** Groups where it held a membership at some time in the period. */
  groups: number;
  /** Meetings where at least one of its members was expected. */
  meetings: number;
  /** Person-meetings expected: one for each member at each meeting. */
  seats: number;
  /** Attendance rows for it that say present or deputised. */
  attendances: number;
}

/** Meetings in the period that were not cancelled. */
export function meetingsIn(meetings: readonly LandscapeMeeting[], period: Period): LandscapeMeeting[] {
  return meetings.filter((m) => m.status !== "cancelled" && m.date >= period.from && m.date <= period.to);
}

function named(register: readonly Named[], id: number): Named {
  return register.find((r) => r.id === id) ?? { id, name: `#${id}` };
}

function addTo<K>(map: Map<K, Set<number>>, key: K, value: number): void {
  const set = map.get(key) ?? new Set<number>();
  set.add(value);
  map.set(key, set);
}

/** Each person's load, heaviest first (expected, then attended, then name). People with none are left out. */
export function personLoads(landscape: Landscape, period: Period): PersonLoad[] {
  const meetings = meetingsIn(landscape.meetings, period);
  const meetingIds = new Set(meetings.map((m) => m.id));
  const expected = new Map<number, Set<number>>();
  const attended = new Map<number, Set<number>>();
  const apologies = new Map<number, Set<number>>();
  const groups = new Map<number, Set<number>>();
  for (const meeting of meetings) {
    for (const m of landscape.memberships) {
      if (m.groupId !== meeting.groupId || !heldOn(m, meeting.date)) continue;
      addTo(expected, m.personId, meeting.id);
      addTo(groups, m.personId, meeting.groupId);
    }
  }
  const groupOf = new Map(meetings.map((m) => [m.id, m.groupId]));
  for (const a of landscape.attendance) {
    if (!meetingIds.has(a.meetingId)) continue;
    const came = a.status === "present" ? a.personId : a.status === "deputised" ? a.deputisedById : null;
    if (came !== null) {
      addTo(attended, came, a.meetingId);
      addTo(groups, came, groupOf.get(a.meetingId)!);
    }
    if (a.status !== "present") addTo(apologies, a.personId, a.meetingId);
  }
  const everyone = new Set([...expected.keys(), ...attended.keys(), ...apologies.keys()]);
  return [...everyone]
    .map((id) => ({
      person: named(landscape.people, id),
      groups: groups.get(id)?.size ?? 0,
      expected: expected.get(id)?.size ?? 0,
      attended: attended.get(id)?.size ?? 0,
      apologies: apologies.get(id)?.size ?? 0,
    }))
    .sort(
      (a, b) =>
        b.expected - a.expected ||
        b.attended - a.attended ||
        a.person.name.localeCompare(b.person.name, "en-GB"),
    );
}

/** Each organisation's load, most seats first. Organisations with none are left out. */
export function organisationLoads(landscape: Landscape, period: Period): OrganisationLoad[] {
  const meetings = meetingsIn(landscape.meetings, period);
  const meetingIds = new Set(meetings.map((m) => m.id));
  const groups = new Map<number, Set<number>>();
  const meetingsOf = new Map<number, Set<number>>();
  const seats = new Map<number, number>();
  const attendances = new Map<number, number>();
  for (const m of landscape.memberships) {
    if (m.organisationId === null) continue;
    const overlapsPeriod = (m.from === null || m.from <= period.to) && (m.to === null || m.to >= period.from);
    if (overlapsPeriod) addTo(groups, m.organisationId, m.groupId);
  }
  for (const meeting of meetings) {
    // One seat per person, even if a person held two memberships for the organisation that day.
    const seated = new Map<number, Set<number>>();
    for (const m of landscape.memberships) {
      if (m.organisationId === null || m.groupId !== meeting.groupId || !heldOn(m, meeting.date)) continue;
      addTo(seated, m.organisationId, m.personId);
    }
    for (const [organisationId, persons] of seated) {
      addTo(meetingsOf, organisationId, meeting.id);
      seats.set(organisationId, (seats.get(organisationId) ?? 0) + persons.size);
    }
  }
  for (const a of landscape.attendance) {
    if (!meetingIds.has(a.meetingId) || a.organisationId === null || a.status === "apologies") continue;
    attendances.set(a.organisationId, (attendances.get(a.organisationId) ?? 0) + 1);
  }
  const all = new Set([...groups.keys(), ...meetingsOf.keys(), ...attendances.keys()]);
  return [...all]
    .map((id) => ({
      organisation: named(landscape.organisations, id),
      groups: groups.get(id)?.size ?? 0,
      meetings: meetingsOf.get(id)?.size ?? 0,
      seats: seats.get(id) ?? 0,
      attendances: attendances.get(id) ?? 0,
    }))
    .sort(
      (a, b) =>
        b.seats - a.seats ||
        b.attendances - a.attendances ||
        b.groups - a.groups ||
        a.organisation.name.localeCompare(b.organisation.name, "en-GB"),
    );
}
