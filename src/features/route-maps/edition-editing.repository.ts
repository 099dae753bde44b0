import { sql } from "kysely";
import type {
  EditionItemRow,
  EditionRow,
  EditionRowUpdate,
  NewEditionRow,
  Section,
} from "../../db/schema.ts";
import type { Db } from "../../platform/database.ts";

// All SQL for changing route-map editions. Every function takes the database or a transaction first.

/**
 * Locks the route map (its theme row) until the transaction ends, so two editors who start a new
 * edition, or two imports, at the same moment are served one after the other: the second finds
 * the first's draft.
 */
export async function lockTheme(trx: Db, themeId: number): Promise<void> {
  await trx.selectFrom("theme").select("id").where("id", "=", themeId).forUpdate().execute();
}

export function findDraft(db: Db, themeId: number): Promise<EditionRow | undefined> {
  return db
    .selectFrom("route_map_edition")
    .selectAll()
    .where("theme_id", "=", themeId)
    .where("status", "=", "draft")
    .executeTakeFirst();
}

/** The latest published edition of a route map, leaving out one edition (the one being published). */
export function findLatestPublished(
  db: Db,
  themeId: number,
  exceptId: number | null = null,
): Promise<EditionRow | undefined> {
  let query = db
    .selectFrom("route_map_edition")
    .selectAll()
    .where("theme_id", "=", themeId)
    .where("status", "=", "published");
  if (exceptId !== null) query = query.where("id", "<>", exceptId);
  return query.orderBy("last_updated", "desc").orderBy("id", "desc").limit(1).executeTakeFirst();
}

/** Every draft, for the editors' overview. */
export function listDrafts(db: Db): Promise<EditionRow[]> {
  return db.selectFrom("route_map_edition").selectAll().where("status", "=", "draft").execute();
}

export function insertEdition(trx: Db, row: NewEditionRow): Promise<EditionRow> {
  return trx.insertInto("route_map_edition").values(row).returningAll().executeTakeFirstOrThrow();
}

/**
 * The one write that guards every change: bumps the version only if it is still the version the
 * editor saw and the edition is still a draft. Postgres re-checks the WHERE after waiting for a
 * concurrent writer's lock, so of two saves with the same version exactly one gets a row back.
 */
export function bumpVersion(
  trx: Db,
  editionId: number,
  version: number,
  changes: EditionRowUpdate = {},
): Promise<EditionRow | undefined> {
  return trx
    .updateTable("route_map_edition")
    .set({ ...changes, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where("id", "=", editionId)
    .where("version", "=", version)
    .where("status", "=", "draft")
    .returningAll()
    .executeTakeFirst();
}

export async function deleteEdition(trx: Db, editionId: number): Promise<void> {
  await trx
    .deleteFrom("route_map_edition")
    .where("id", "=", editionId)
    .where("status", "=", "draft")
    .execute();
}

export type NewItem = {
  edition_id: number;
  section: Section;
  key?: string;
  parent_id: number | null;
  position: number;
  text: string;
  page_refs: string;
  year: number | null;
  framework: EditionItemRow["framework"];
  sector_id: number | null;
};

export function insertItem(trx: Db, item: NewItem): Promise<EditionItemRow> {
  return trx.insertInto("edition_item").values(item).returningAll().executeTakeFirstOrThrow();
}

/** Inserts many items in one statement; returns each new id with its key and position, in no promised order. */
export async function insertItems(
  trx: Db,
  items: NewItem[],
): Promise<Array<{ id: number; key: string; position: number }>> {
  if (items.length === 0) return [];
  return trx.insertInto("edition_item").values(items).returning(["id", "key", "position"]).execute();
}

export function findItem(db: Db, itemId: number): Promise<EditionItemRow | undefined> {
  return db.selectFrom("edition_item").selectAll().where("id", "=", itemId).executeTakeFirst();
}

/** An item with its sub-items, for the audit trail of a removal. */
export function itemWithChildren(db: Db, itemId: number): Promise<EditionItemRow[]> {
  return db
    .selectFrom("edition_item")
    .selectAll()
    .where((eb) => eb.or([eb("id", "=", itemId), eb("parent_id", "=", itemId)]))
    .orderBy("position")
    .orderBy("id")
    .execute();
}

export function updateItem(
  trx: Db,
  itemId: number,
  changes: Partial<Pick<EditionItemRow, "text" | "page_refs" | "year" | "framework" | "sector_id">>,
): Promise<EditionItemRow> {
  return trx
    .updateTable("edition_item")
    .set(changes)
    .where("id", "=", itemId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteItem(trx: Db, itemId: number): Promise<void> {
  await trx.deleteFrom("edition_item").where("id", "=", itemId).execute();
}

/** The position after the last item of a section, so a new item goes to the end of its list. */
export async function nextPosition(db: Db, editionId: number, section: Section): Promise<number> {
  const row = await db
    .selectFrom("edition_item")
    .select((eb) => eb.fn.max<number | null>("position").as("max"))
    .where("edition_id", "=", editionId)
    .where("section", "=", section)
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 0 : row.max + 1;
}

/**
 * The list an item is ordered within: the same section and parent, and for milestones the same
 * year, for mappings the same framework. Moving up or down swaps places within this list.
 */
export function listSiblings(db: Db, item: EditionItemRow): Promise<EditionItemRow[]> {
  let query = db
    .selectFrom("edition_item")
    .selectAll()
    .where("edition_id", "=", item.edition_id)
    .where("section", "=", item.section);
  query =
    item.parent_id === null
      ? query.where("parent_id", "is", null)
      : query.where("parent_id", "=", item.parent_id);
  if (item.section === "milestone") query = query.where("year", "=", item.year);
  if (item.section === "mapping") query = query.where("framework", "=", item.framework);
  return query.orderBy("position").orderBy("id").execute();
}

export async function setPosition(trx: Db, itemId: number, position: number): Promise<void> {
  await trx.updateTable("edition_item").set({ position }).where("id", "=", itemId).execute();
}

export function findSector(db: Db, sectorId: number) {
  return db.selectFrom("sector").selectAll().where("id", "=", sectorId).executeTakeFirst();
}
