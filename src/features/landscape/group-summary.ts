import type { IsoDate, Landscape, LandscapeGroup, LandscapeMeeting } from "./landscape.types.ts";

// Each group on the landscape: where it sits, when it last met and next meets, and what needs
// looking at. The group asked that every group have "a clear purpose", "timescales for delivery"
// and "an end point": the flags say which do not, or have passed theirs.
//   last meeting: the latest meeting held, or planned for a day already gone (it was probably held
//                 and not yet recorded); cancelled meetings never count.
//   next meeting: the earliest meeting still planned, today or later.
//   flags:        past its end date or its review date (groups not yet marked ended); active with no
//                 end date.

export type GroupFlag =
  | { kind: "past_end"; date: IsoDate }
  | { kind: "review_due"; date: IsoDate }
  | { kind: "no_end_date" };

export interface GroupSummary<M extends LandscapeMeeting = LandscapeMeeting> {
  group: LandscapeGroup;
  parent: Pick<LandscapeGroup, "id" | "slug" | "name"> | null;
  lastMeeting: M | null;
  nextMeeting: M | null;
  flags: GroupFlag[];
}

export function groupFlags(group: LandscapeGroup, today: IsoDate): GroupFlag[] {
  if (group.status === "ended") return [];
  const flags: GroupFlag[] = [];
  if (group.endDate !== null && group.endDate < today) flags.push({ kind: "past_end", date: group.endDate });
  if (group.reviewDate !== null && group.reviewDate < today)
    flags.push({ kind: "review_due", date: group.reviewDate });
  if (group.endDate === null && group.status === "active") flags.push({ kind: "no_end_date" });
  return flags;
}

export function lastMeeting<M extends LandscapeMeeting>(meetings: readonly M[], today: IsoDate): M | null {
  let last: M | null = null;
  for (const m of meetings) {
    const happened = m.status === "held" || (m.status === "planned" && m.date < today);
    if (happened && (last === null || m.date > last.date)) last = m;
  }
  return last;
}

export function nextMeeting<M extends LandscapeMeeting>(meetings: readonly M[], today: IsoDate): M | null {
  let next: M | null = null;
  for (const m of meetings) {
    if (m.status === "planned" && m.date >= today && (next === null || m.date < next.date)) next = m;
  }
  return next;
}

/** Every group by name, with its parent, last and next meeting and flags. */
export function groupSummaries<M extends LandscapeMeeting>(
  landscape: Omit<Landscape, "meetings"> & { meetings: M[] },
  today: IsoDate,
): GroupSummary<M>[] {
  const byId = new Map(landscape.groups.map((g) => [g.id, g]));
  return [...landscape.groups]
    .sort((a, b) => a.name.localeCompare(b.name, "en-GB"))
    .map((group) => {
      const meetings = landscape.meetings.filter((m) => m.groupId === group.id);
      const parent = group.parentId === null ? undefined : byId.get(group.parentId);
      return {
        group,
        parent: parent ? { id: parent.id, slug: parent.slug, name: parent.name } : null,
        lastMeeting: lastMeeting(meetings, today),
        nextMeeting: nextMeeting(meetings, today),
        flags: groupFlags(group, today),
      };
    });
}
