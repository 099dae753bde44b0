import type { EditionRow, NewEditionRow, Section } from "../../db/schema.ts";
import type { Db } from "../../platform/database.ts";

// The SQL behind creating an edition from an edition document. Database or transaction first.

export function findThemeBySlug(db: Db, slug: string) {
  return db.selectFrom("theme").select(["id", "slug", "name"]).where("slug", "=", slug).executeTakeFirst();
}

/** Locks the route map until the transaction ends, so two imports cannot both add its one draft. */
export async function lockTheme(trx: Db, themeId: number): Promise<void> {
  await trx.selectFrom("theme").select("id").where("id", "=", themeId).forUpdate().execute();
}

export async function hasDraft(db: Db, themeId: number): Promise<boolean> {
  const row = await db
    .selectFrom("route_map_edition")
    .select("id")
    .where("theme_id", "=", themeId)
    .where("status", "=", "draft")
    .executeTakeFirst();
  return row !== undefined;
}

export function listSectors(db: Db) {
  return db.selectFrom("sector").select(["id", "name"]).orderBy("position").orderBy("name").execute();
}

export function insertEdition(trx: Db, row: NewEditionRow): Promise<EditionRow> {
  return trx.insertInto("route_map_edition").values(row).returningAll().executeTakeFirstOrThrow();
}

export interface NewItem {
  edition_id: number;
  section: Section;
  parent_id: number | null;
  position: number;
  text: string;
  page_refs: string;
  year: number | null;
  framework: "promise_report" | "plan_21_24" | "uncrc" | "shanarri" | null;
  sector_id: number | null;
}

/** Inserts items in one statement; returns each new id with its position (row order is not promised). */
export async function insertItems(
  trx: Db,
  items: NewItem[],
): Promise<Array<{ id: number; position: number }>> {
  if (items.length === 0) return [];
  return trx.insertInto("edition_item").values(items).returning(["id", "position"]).execute();
}
