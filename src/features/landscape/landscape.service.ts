import type { Actor } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";
import { londonToday } from "../../platform/dates.ts";
import { reach } from "../../platform/security/authorize.ts";
import { type GroupSummary, groupSummaries } from "./group-summary.ts";
import * as repo from "./landscape.repository.ts";
import type { IsoDate } from "./landscape.types.ts";
import {
  type OrganisationLoad,
  organisationLoads,
  type Period,
  type PersonLoad,
  personLoads,
} from "./meeting-load.ts";
import { type GroupOverlap, groupOverlaps } from "./overlap.ts";

// The landscape of groups for one visitor. Groups and memberships are public; meetings and
// attendance follow the minutes: the public sees meetings whose minutes are published (and the
// next meeting those minutes name), with their attendance; someone who may read a group's private
// business sees all of that group's. So the public's meeting load counts only what published
// minutes say.

export type { Visibility } from "./landscape.repository.ts";

export interface LandscapeReport {
  today: IsoDate;
  period: Period;
  groups: GroupSummary<repo.MeetingRow>[];
  overlaps: GroupOverlap[];
  people: PersonLoad[];
  organisations: Array<OrganisationLoad & { slug: string }>;
  /** True when the figures include unpublished minutes the actor may read. */
  includesPrivate: boolean;
}

/** Where the actor may read groups' private business. */
export function visibilityFor(actor: Actor): repo.Visibility {
  const where = reach(actor, "group.read_private");
  return where.everywhere
    ? { everywhere: true, groupIds: [] }
    : { everywhere: false, groupIds: where.groupIds };
}

/** Everything the landscape page shows, for this actor and period. */
export async function getLandscape(
  db: Db,
  actor: Actor,
  options: { period: Period; today?: IsoDate },
): Promise<LandscapeReport> {
  const today = options.today ?? londonToday();
  const visibility = visibilityFor(actor);
  const [groups, memberships, people, organisations, meetings, attendance] = await Promise.all([
    repo.listGroups(db),
    repo.listMemberships(db),
    repo.listPeople(db),
    repo.listOrganisations(db),
    repo.listVisibleMeetings(db, visibility),
    repo.listVisibleAttendance(db, visibility),
  ]);
  const landscape = { groups, memberships, people, organisations, meetings, attendance };
  const slugs = new Map(organisations.map((o) => [o.id, o.slug]));
  return {
    today,
    period: options.period,
    groups: groupSummaries(landscape, today),
    overlaps: groupOverlaps(landscape, today),
    people: personLoads(landscape, options.period),
    organisations: organisationLoads(landscape, options.period).map((o) => ({
      ...o,
      slug: slugs.get(o.organisation.id) ?? "",
    })),
    includesPrivate: visibility.everywhere || visibility.groupIds.length > 0,
  };
}
