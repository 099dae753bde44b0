import type { Actor } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";
import { authorize, can } from "../../platform/security/authorize.ts";
import * as repo from "./action-log.repository.ts";
import type { GroupSummary, MeetingAction, MinutesStatus } from "./governance.types.ts";
import { findGroup } from "./group.service.ts";

// A group's action log: every action agreed at its meetings, with the meeting, owner, due date,
// status, whether it is overdue, and the route-map action it became. The public (and anyone who
// may not read the group's private business) see the actions of published minutes only; the
// secretariat's view (group.manage) has them all. Open actions still come back as matters arising
// at later meetings (meeting.service getMeeting): the log is another view of the same rows.

export type ActionFilter = "all" | "open" | "closed";
export const ACTION_FILTERS: readonly ActionFilter[] = ["all", "open", "closed"];

export interface ActionLogEntry extends MeetingAction {
  minutesStatus: MinutesStatus;
  /** Open, with a due date before today. */
  overdue: boolean;
  /** The route-map action it became, where this reader may follow it; null when not promoted or hidden. */
  routeMap: { text: string; href: string } | null;
}

export interface ActionLog {
  group: GroupSummary;
  filter: ActionFilter;
  entries: ActionLogEntry[];
  /** Over every action the reader may see, whatever the filter. */
  counts: { all: number; open: number; closed: number; overdue: number };
  /** The reader sees actions of unpublished minutes too. */
  includesUnpublished: boolean;
  today: string;
}

/** Today's date in Scotland, "YYYY-MM-DD". */
export function todayInScotland(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(now);
}

export function parseFilter(value: string | undefined): ActionFilter {
  return ACTION_FILTERS.includes(value as ActionFilter) ? (value as ActionFilter) : "all";
}

function routeMapLink(
  action: MeetingAction,
  places: Map<string, repo.RouteMapPlace>,
  seesDrafts: boolean,
): ActionLogEntry["routeMap"] {
  const place = action.routeMapItem && places.get(action.routeMapItem.key);
  if (!place) return null;
  if (place.publishedEditionId !== null)
    return {
      text: `${place.themeName} route map`,
      href: `/themes/${encodeURIComponent(place.themeSlug)}/editions/${place.publishedEditionId}#route-map`,
    };
  if (place.draft && seesDrafts)
    return {
      text: `Draft of the ${place.themeName} route map`,
      href: `/manage/editions/${place.draft.editionId}/items/${place.draft.itemId}`,
    };
  return null;
}

/**
 * The log of a group's actions the actor may see. `manage`: the secretariat's view, which needs
 * group.manage for the group and holds every action, whatever the state of its minutes.
 */
export async function getActionLog(
  db: Db,
  actor: Actor,
  slug: string,
  options: { filter?: ActionFilter; today?: string; manage?: boolean } = {},
): Promise<ActionLog> {
  const group = await findGroup(db, slug);
  if (options.manage) authorize(actor, "group.manage", { groupId: group.id });
  const includesUnpublished = can(actor, "group.read_private", { groupId: group.id });
  const today = options.today ?? todayInScotland();
  const filter = options.filter ?? "all";
  const rows = await repo.listGroupActions(db, group.id, { publishedOnly: !includesUnpublished });
  const keys = rows.flatMap((r) => (r.action.routeMapItem ? [r.action.routeMapItem.key] : []));
  const places = await repo.routeMapPlaces(db, keys);
  const seesDrafts = can(actor, "route_map.read_draft");
  const all: ActionLogEntry[] = rows.map(({ action, minutesStatus }) => ({
    ...action,
    minutesStatus,
    overdue: action.status === "open" && action.dueDate !== null && action.dueDate < today,
    routeMap: routeMapLink(action, places, seesDrafts),
  }));
  return {
    group,
    filter,
    entries: filter === "all" ? all : all.filter((a) => a.status === filter),
    counts: {
      all: all.length,
      open: all.filter((a) => a.status === "open").length,
      closed: all.filter((a) => a.status === "closed").length,
      overdue: all.filter((a) => a.overdue).length,
    },
    includesUnpublished,
    today,
  };
}
