import { sql } from "kysely";
import type { EditionItemRow, EditionRow, EditionStatus } from "../../db/schema.ts";
import type { Db } from "../../platform/database.ts";

// All route-map reads. Every function takes the database or a transaction first.

export function findProgramme(db: Db) {
  return db.selectFrom("programme").selectAll().orderBy("id").limit(1).executeTakeFirst();
}

export function listFoundations(db: Db) {
  return db.selectFrom("foundation").selectAll().orderBy("position").execute();
}

function themes(db: Db) {
  return db
    .selectFrom("theme")
    .innerJoin("foundation", "foundation.id", "theme.foundation_id")
    .select([
      "theme.id",
      "theme.slug",
      "theme.name",
      "theme.summary",
      "theme.position",
      "theme.foundation_id",
      "foundation.slug as foundation_slug",
      "foundation.name as foundation_name",
    ]);
}

/** Every theme with its foundation's slug and name. */
export function listThemes(db: Db) {
  return themes(db).orderBy("foundation.position").orderBy("theme.position").execute();
}

export function findThemeBySlug(db: Db, slug: string) {
  return themes(db).where("theme.slug", "=", slug).executeTakeFirst();
}

export function findThemeById(db: Db, id: number) {
  return themes(db).where("theme.id", "=", id).executeTakeFirst();
}

export type ThemeRow = NonNullable<Awaited<ReturnType<typeof findThemeBySlug>>>;

/** The editions of one route map, newest first; drafts only when asked for. */
export function listEditions(db: Db, themeId: number, statuses: EditionStatus[]): Promise<EditionRow[]> {
  return db
    .selectFrom("route_map_edition")
    .selectAll()
    .where("theme_id", "=", themeId)
    .where("status", "in", statuses)
    .orderBy(sql`last_updated desc nulls first`)
    .orderBy("id", "desc")
    .execute();
}

/** The latest published edition of every theme, one row per theme that has one. */
export function latestPublishedEditions(db: Db): Promise<EditionRow[]> {
  return db
    .selectFrom("route_map_edition")
    .selectAll()
    .distinctOn("theme_id")
    .where("status", "=", "published")
    .orderBy("theme_id")
    .orderBy("last_updated", "desc")
    .orderBy("id", "desc")
    .execute();
}

export function findEdition(db: Db, id: number): Promise<EditionRow | undefined> {
  return db.selectFrom("route_map_edition").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The items of one or more editions, in order within each section. */
export function listItems(db: Db, editionIds: number | number[]): Promise<EditionItemRow[]> {
  const ids = Array.isArray(editionIds) ? editionIds : [editionIds];
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("edition_item")
    .selectAll()
    .where("edition_id", "in", ids)
    .orderBy("edition_id")
    .orderBy("section")
    .orderBy("position")
    .orderBy("id")
    .execute();
}

/** Outcomes, top-level actions and milestones per edition, for the programme and foundation pages. */
export async function countItems(db: Db, editionIds: number[]) {
  if (editionIds.length === 0) return [];
  return db
    .selectFrom("edition_item")
    .select(["edition_id", "section", (eb) => eb.fn.countAll<number>().as("n")])
    .where("edition_id", "in", editionIds)
    .where("section", "in", ["outcome", "action", "milestone"])
    .where("parent_id", "is", null)
    .groupBy(["edition_id", "section"])
    .execute();
}

export function sectorNames(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom("sector").selectAll().where("id", "in", ids).execute();
}

export function listSectors(db: Db) {
  return db.selectFrom("sector").selectAll().orderBy("position").orderBy("name").execute();
}

export function findSectorBySlug(db: Db, slug: string) {
  return db.selectFrom("sector").selectAll().where("slug", "=", slug).executeTakeFirst();
}

/** Published editions (latest per theme) that name the sector among who must act. */
export function editionIdsNamingSector(db: Db, sectorId: number, editionIds: number[]) {
  if (editionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("edition_item")
    .select("edition_id")
    .where("section", "=", "sector")
    .where("sector_id", "=", sectorId)
    .where("edition_id", "in", editionIds)
    .execute();
}

/** Which sectors each of the given editions names among who must act (for the list of sectors). */
export function sectorsNamedInEditions(db: Db, editionIds: number[]) {
  if (editionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("edition_item")
    .select(["edition_id", "sector_id"])
    .where("section", "=", "sector")
    .where("edition_id", "in", editionIds)
    .execute();
}
