import { sql } from "kysely";
import type { OrganisationType, ResponsibilityRole } from "../../db/schema.ts";
import type { Db } from "../../platform/database.ts";

// The SQL of accountability: organisations and their sectors, the actions of the latest published
// editions, responsibilities and due dates by action key, and the action's own version (progress
// updates have a version per organisation: progress.repository.ts).

export type OrganisationRow = {
  id: number;
  slug: string;
  name: string;
  type: OrganisationType;
  area_code: string | null;
};

const ORGANISATION = [
  "organisation.id",
  "organisation.slug",
  "organisation.name",
  "organisation.type",
  "organisation.area_code",
] as const;

export function listOrganisations(db: Db): Promise<OrganisationRow[]> {
  return db.selectFrom("organisation").select(ORGANISATION).orderBy("name").orderBy("id").execute();
}

export function findOrganisationBySlug(db: Db, slug: string): Promise<OrganisationRow | undefined> {
  return db.selectFrom("organisation").select(ORGANISATION).where("slug", "=", slug).executeTakeFirst();
}

export function findOrganisationsByIds(db: Db, ids: number[]): Promise<OrganisationRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom("organisation").select(ORGANISATION).where("id", "in", ids).orderBy("name").execute();
}

/** Sector links for the given organisations (all when no ids given). */
export function listOrganisationSectors(db: Db, organisationIds?: number[]) {
  let query = db
    .selectFrom("organisation_sector")
    .innerJoin("sector", "sector.id", "organisation_sector.sector_id")
    .select(["organisation_sector.organisation_id", "sector.id", "sector.slug", "sector.name"])
    .orderBy("sector.position");
  if (organisationIds) {
    if (organisationIds.length === 0) return Promise.resolve([]);
    query = query.where("organisation_sector.organisation_id", "in", organisationIds);
  }
  return query.execute();
}

export async function linkSectors(db: Db, organisationId: number, sectorIds: number[]): Promise<void> {
  if (sectorIds.length === 0) return;
  await db
    .insertInto("organisation_sector")
    .values(sectorIds.map((sector_id) => ({ organisation_id: organisationId, sector_id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export function listSectors(db: Db) {
  return db.selectFrom("sector").select(["id", "slug", "name"]).orderBy("position").orderBy("name").execute();
}

/** The latest published edition of every theme, with its theme and foundation. */
function latestEditions(db: Db) {
  return db
    .selectFrom("route_map_edition")
    .select(["route_map_edition.id", "route_map_edition.theme_id"])
    .distinctOn("route_map_edition.theme_id")
    .where("route_map_edition.status", "=", "published")
    .orderBy("route_map_edition.theme_id")
    .orderBy("route_map_edition.last_updated", "desc")
    .orderBy("route_map_edition.id", "desc");
}

/**
 * The top-level actions and outcomes of the latest published editions (of one theme, or all),
 * in order, with their theme and foundation.
 */
export function listCurrentItems(db: Db, themeId?: number) {
  let query = db
    .with("latest", () => latestEditions(db))
    .selectFrom("edition_item")
    .innerJoin("latest", "latest.id", "edition_item.edition_id")
    .innerJoin("theme", "theme.id", "latest.theme_id")
    .innerJoin("foundation", "foundation.id", "theme.foundation_id")
    .select([
      "edition_item.section",
      "edition_item.key",
      "edition_item.text",
      "edition_item.position",
      "latest.id as edition_id",
      "theme.id as theme_id",
      "theme.slug as theme_slug",
      "theme.name as theme_name",
      "foundation.slug as foundation_slug",
      "foundation.name as foundation_name",
    ])
    .where("edition_item.section", "in", ["action", "outcome"])
    .where("edition_item.parent_id", "is", null)
    .orderBy("foundation.position")
    .orderBy("theme.position")
    .orderBy("edition_item.section")
    .orderBy("edition_item.position");
  if (themeId !== undefined) query = query.where("theme.id", "=", themeId);
  return query.execute();
}

export type CurrentItemRow = Awaited<ReturnType<typeof listCurrentItems>>[number];

/**
 * One action of a theme by its key, from the newest edition holding it: the latest published,
 * else a draft (so responsibility can be set before publishing).
 */
export function findActionByKey(db: Db, themeSlug: string, key: string) {
  return db
    .selectFrom("edition_item")
    .innerJoin("route_map_edition as e", "e.id", "edition_item.edition_id")
    .innerJoin("theme", "theme.id", "e.theme_id")
    .innerJoin("foundation", "foundation.id", "theme.foundation_id")
    .select([
      "edition_item.id",
      "edition_item.key",
      "edition_item.text",
      "e.id as edition_id",
      "e.status as edition_status",
      "e.label as edition_label",
      "theme.id as theme_id",
      "theme.slug as theme_slug",
      "theme.name as theme_name",
      "foundation.slug as foundation_slug",
      "foundation.name as foundation_name",
    ])
    .where("theme.slug", "=", themeSlug)
    .where("edition_item.key", "=", key)
    .where("edition_item.section", "=", "action")
    .where("edition_item.parent_id", "is", null)
    .orderBy(sql`case when e.status = 'published' then 0 else 1 end`)
    .orderBy(sql`e.last_updated desc nulls last`)
    .orderBy("e.id", "desc")
    .executeTakeFirst();
}

export function listChildren(db: Db, parentId: number) {
  return db
    .selectFrom("edition_item")
    .select(["key", "text"])
    .where("parent_id", "=", parentId)
    .orderBy("position")
    .execute();
}

/** The outcomes of one edition, for choosing the outcome an action serves. */
export function listOutcomes(db: Db, editionId: number) {
  return db
    .selectFrom("edition_item")
    .select(["key", "text"])
    .where("edition_id", "=", editionId)
    .where("section", "=", "outcome")
    .orderBy("position")
    .execute();
}

export function findTracking(db: Db, themeId: number, key: string) {
  return db
    .selectFrom("action_tracking")
    .selectAll()
    .where("theme_id", "=", themeId)
    .where("action_key", "=", key)
    .executeTakeFirst();
}

export function listTracking(db: Db, themeIds?: number[]) {
  let query = db.selectFrom("action_tracking").selectAll();
  if (themeIds) {
    if (themeIds.length === 0) return Promise.resolve([]);
    query = query.where("theme_id", "in", themeIds);
  }
  return query.execute();
}

/** Makes sure the action has a tracking row (version 0), so its version can be checked. */
export async function ensureTracking(db: Db, themeId: number, key: string): Promise<void> {
  await db
    .insertInto("action_tracking")
    .values({ theme_id: themeId, action_key: key })
    .onConflict((oc) => oc.columns(["theme_id", "action_key"]).doNothing())
    .execute();
}

/**
 * Moves the action's own version on from `seen` (its due date, weight and outcome, the programme
 * team's to edit), in one conditional update: false if someone changed it since (the caller then
 * refuses with a conflict, and nothing is saved). Progress updates never move it.
 */
export async function bumpVersion(
  db: Db,
  themeId: number,
  key: string,
  seen: number,
  values: {
    due_year?: number | null;
    due_date?: string | null;
    weight?: number;
    outcome_key?: string | null;
  } = {},
): Promise<boolean> {
  await ensureTracking(db, themeId, key);
  const result = await db
    .updateTable("action_tracking")
    .set((eb) => ({ ...values, version: eb("version", "+", 1), updated_at: sql`now()` }))
    .where("theme_id", "=", themeId)
    .where("action_key", "=", key)
    .where("version", "=", seen)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type ResponsibilityRow = {
  theme_id: number;
  action_key: string;
  role: ResponsibilityRole;
  organisation_id: number | null;
  sector_id: number | null;
};

/** Responsibilities of one action, of one route map's actions, or of every action. */
export function listResponsibilities(
  db: Db,
  where?: { themeId: number; key?: string },
): Promise<ResponsibilityRow[]> {
  let query = db
    .selectFrom("action_responsibility")
    .select(["theme_id", "action_key", "role", "organisation_id", "sector_id"])
    .orderBy("role")
    .orderBy("id");
  if (where) query = query.where("theme_id", "=", where.themeId);
  if (where?.key !== undefined) query = query.where("action_key", "=", where.key);
  return query.execute();
}

export async function replaceResponsibilities(
  db: Db,
  themeId: number,
  key: string,
  rows: Array<{ role: ResponsibilityRole; organisation_id: number | null; sector_id: number | null }>,
): Promise<void> {
  await db
    .deleteFrom("action_responsibility")
    .where("theme_id", "=", themeId)
    .where("action_key", "=", key)
    .execute();
  if (rows.length === 0) return;
  await db
    .insertInto("action_responsibility")
    .values(rows.map((r) => ({ ...r, theme_id: themeId, action_key: key })))
    .execute();
}

/** A theme's id by its address (the public route-map page names it by slug). */
export async function findThemeId(db: Db, slug: string): Promise<number | undefined> {
  return (await db.selectFrom("theme").select("id").where("slug", "=", slug).executeTakeFirst())?.id;
}
