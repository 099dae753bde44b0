import type { Section } from "../../db/schema.ts";
import type { Db } from "../../platform/database.ts";

// The SQL behind the demo data. Database or transaction first.

export async function insertProgramme(
  trx: Db,
  row: { slug: string; name: string; summary: string; start_year: number; end_year: number },
): Promise<number> {
  const { id } = await trx.insertInto("programme").values(row).returning("id").executeTakeFirstOrThrow();
  return id;
}

export async function insertFoundation(
  trx: Db,
  row: { programme_id: number; slug: string; name: string; summary: string; position: number },
): Promise<number> {
  const { id } = await trx.insertInto("foundation").values(row).returning("id").executeTakeFirstOrThrow();
  return id;
}

export async function insertThemes(
  trx: Db,
  rows: Array<{ foundation_id: number; slug: string; name: string; summary: string; position: number }>,
): Promise<void> {
  if (rows.length > 0) await trx.insertInto("theme").values(rows).execute();
}

export async function insertSectors(
  trx: Db,
  rows: Array<{ slug: string; name: string; position: number }>,
): Promise<void> {
  if (rows.length > 0) await trx.insertInto("sector").values(rows).execute();
}

/**
 * Gives an item of one edition the key of an item of an earlier edition, so comparing the two
 * shows it as the same statement reworded rather than one removed and another added.
 */
export async function carryKeyOver(
  trx: Db,
  section: Section,
  from: { editionId: number; position: number },
  to: { editionId: number; position: number },
): Promise<void> {
  const source = await trx
    .selectFrom("edition_item")
    .select("key")
    .where("edition_id", "=", from.editionId)
    .where("section", "=", section)
    .where("parent_id", "is", null)
    .where("position", "=", from.position)
    .executeTakeFirstOrThrow();
  await trx
    .updateTable("edition_item")
    .set({ key: source.key })
    .where("edition_id", "=", to.editionId)
    .where("section", "=", section)
    .where("parent_id", "is", null)
    .where("position", "=", to.position)
    .execute();
}
