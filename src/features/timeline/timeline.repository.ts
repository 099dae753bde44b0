import { sql } from "kysely";
import type { Db, Trx } from "../../platform/database.ts";

// All of the timeline's SQL. Names of organisations, route maps and groups are read by joining
// their tables, for display only; nothing here changes them.

export interface ItemRow {
  id: number;
  title: string;
  summary: string;
  kind: string;
  organisation_id: number;
  organisation_slug: string;
  organisation_name: string;
  starts_on: string;
  ends_on: string | null;
  approximate: string | null;
  status: string;
  link: string | null;
  published: boolean;
  version: number;
  updated_at: Date;
}

export interface ItemValues {
  title: string;
  summary: string;
  kind: string;
  organisation_id: number;
  starts_on: string;
  ends_on: string | null;
  approximate: string | null;
  status: string;
  link: string | null;
}

export interface ItemLinks {
  audienceIds: number[];
  themeIds: number[];
  groupIds: number[];
}

export interface LinkRow {
  item_id: number;
  id: number;
  slug: string;
  name: string;
}

export async function listAudiences(db: Db) {
  return db
    .selectFrom("audience")
    .select(["id", "slug", "name", "description"])
    .orderBy("position")
    .execute();
}

export async function listThemes(db: Db) {
  return db.selectFrom("theme").select(["id", "slug", "name"]).orderBy("name").execute();
}

export async function listGroups(db: Db) {
  return db.selectFrom("governance_group").select(["id", "slug", "name"]).orderBy("name").execute();
}

export async function listOrganisations(db: Db) {
  return db.selectFrom("organisation").select(["id", "slug", "name"]).orderBy("name").execute();
}

function items(db: Db) {
  return db
    .selectFrom("timeline_item as t")
    .innerJoin("organisation as o", "o.id", "t.organisation_id")
    .select([
      "t.id",
      "t.title",
      "t.summary",
      "t.kind",
      "t.organisation_id",
      "o.slug as organisation_slug",
      "o.name as organisation_name",
      sql<string>`to_char(t.starts_on, 'YYYY-MM-DD')`.as("starts_on"),
      sql<string | null>`to_char(t.ends_on, 'YYYY-MM-DD')`.as("ends_on"),
      "t.approximate",
      "t.status",
      "t.link",
      "t.published",
      "t.version",
      "t.updated_at",
    ]);
}

/** Every item (only published ones unless `drafts`), by date. */
export async function listItemRows(db: Db, drafts: boolean): Promise<ItemRow[]> {
  let query = items(db);
  if (!drafts) query = query.where("t.published", "=", true);
  return query.orderBy("t.starts_on").orderBy("t.id").execute();
}

export async function findItemRow(db: Db, id: number): Promise<ItemRow | undefined> {
  return items(db).where("t.id", "=", id).executeTakeFirst();
}

/** The audiences, themes and groups of these items. */
export async function listLinkRows(
  db: Db,
  itemIds: number[],
): Promise<{ audiences: LinkRow[]; themes: LinkRow[]; groups: LinkRow[] }> {
  if (itemIds.length === 0) return { audiences: [], themes: [], groups: [] };
  const [audiences, themes, groups] = await Promise.all([
    db
      .selectFrom("timeline_item_audience as l")
      .innerJoin("audience as a", "a.id", "l.audience_id")
      .select(["l.item_id", "a.id", "a.slug", "a.name"])
      .where("l.item_id", "in", itemIds)
      .orderBy("a.position")
      .execute(),
    db
      .selectFrom("timeline_item_theme as l")
      .innerJoin("theme as t", "t.id", "l.theme_id")
      .select(["l.item_id", "t.id", "t.slug", "t.name"])
      .where("l.item_id", "in", itemIds)
      .orderBy("t.name")
      .execute(),
    db
      .selectFrom("timeline_item_group as l")
      .innerJoin("governance_group as g", "g.id", "l.group_id")
      .select(["l.item_id", "g.id", "g.slug", "g.name"])
      .where("l.item_id", "in", itemIds)
      .orderBy("g.name")
      .execute(),
  ]);
  return { audiences, themes, groups };
}

export async function insertItem(trx: Trx, values: ItemValues): Promise<number> {
  const row = await trx.insertInto("timeline_item").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Moves the item's version on, with its new values, if it is still the version the form was
 * made from; false when someone else saved first (the caller saves nothing).
 */
export async function updateItem(
  trx: Trx,
  id: number,
  version: number,
  values: Partial<ItemValues> & { published?: boolean },
): Promise<boolean> {
  const result = await trx
    .updateTable("timeline_item")
    .set({ ...values, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Writes the item's values; the caller has already taken its version (updateItem). */
export async function writeItem(trx: Trx, id: number, values: ItemValues): Promise<void> {
  await trx.updateTable("timeline_item").set(values).where("id", "=", id).execute();
}

export async function setLinks(trx: Trx, itemId: number, links: ItemLinks): Promise<void> {
  await trx.deleteFrom("timeline_item_audience").where("item_id", "=", itemId).execute();
  await trx.deleteFrom("timeline_item_theme").where("item_id", "=", itemId).execute();
  await trx.deleteFrom("timeline_item_group").where("item_id", "=", itemId).execute();
  if (links.audienceIds.length > 0)
    await trx
      .insertInto("timeline_item_audience")
      .values(links.audienceIds.map((audience_id) => ({ item_id: itemId, audience_id })))
      .execute();
  if (links.themeIds.length > 0)
    await trx
      .insertInto("timeline_item_theme")
      .values(links.themeIds.map((theme_id) => ({ item_id: itemId, theme_id })))
      .execute();
  if (links.groupIds.length > 0)
    await trx
      .insertInto("timeline_item_group")
      .values(links.groupIds.map((group_id) => ({ item_id: itemId, group_id })))
      .execute();
}
