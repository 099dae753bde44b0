import type { Db } from "../../platform/database.ts";
import { actionQuery, toAction } from "./agenda.repository.ts";
import type { MeetingAction, MinutesStatus } from "./governance.types.ts";

// The action log's SQL: every action of a group with its meeting's minutes status, and where the
// route-map items that actions were promoted into can be read.

export interface LoggedActionRow {
  action: MeetingAction;
  minutesStatus: MinutesStatus;
}

/** Every action of a group, oldest meeting first; `publishedOnly`: from published minutes only. */
export async function listGroupActions(
  db: Db,
  groupId: number,
  options: { publishedOnly: boolean; status?: "open" | "closed" | undefined },
): Promise<LoggedActionRow[]> {
  let query = actionQuery(db).select("m.minutes_status").where("m.group_id", "=", groupId);
  if (options.publishedOnly) query = query.where("m.minutes_status", "=", "published");
  if (options.status) query = query.where("a.status", "=", options.status);
  const rows = await query.orderBy("m.meeting_date").orderBy("m.id").orderBy("a.id").execute();
  return rows.map((row) => ({ action: toAction(row), minutesStatus: row.minutes_status }));
}

export interface RouteMapPlace {
  themeSlug: string;
  themeName: string;
  /** The latest published edition holding the item (by its key), if any. */
  publishedEditionId: number | null;
  /** The draft edition holding it, if there is one, and the item there. */
  draft: { editionId: number; itemId: number } | null;
}

/** Where each route-map item key is now: in a published edition, in a draft, or both. */
export async function routeMapPlaces(db: Db, keys: readonly string[]): Promise<Map<string, RouteMapPlace>> {
  const places = new Map<string, RouteMapPlace>();
  if (keys.length === 0) return places;
  const rows = await db
    .selectFrom("edition_item as i")
    .innerJoin("route_map_edition as e", "e.id", "i.edition_id")
    .innerJoin("theme as t", "t.id", "e.theme_id")
    .select(["i.key", "i.id as item_id", "e.id as edition_id", "e.status", "t.slug", "t.name"])
    .where("i.key", "in", [...keys])
    .orderBy("e.id")
    .execute();
  for (const row of rows) {
    const place = places.get(row.key) ?? {
      themeSlug: row.slug,
      themeName: row.name,
      publishedEditionId: null,
      draft: null,
    };
    if (row.status === "published") place.publishedEditionId = row.edition_id;
    else place.draft = { editionId: row.edition_id, itemId: row.item_id };
    places.set(row.key, place);
  }
  return places;
}
