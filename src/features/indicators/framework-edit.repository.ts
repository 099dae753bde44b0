import type { Updateable } from "kysely";
import { sql } from "kysely";
import type { IndicatorTable } from "../../db/schema.ts";
import type { Db } from "../../platform/database.ts";

// SQL for changing the framework through the analysts' forms. Every update is one conditional
// statement on the version the form was made from: it changes one row, or none when someone else
// saved first (the caller then refuses with a conflict).

const changed = (result: { numUpdatedRows: bigint }) => Number(result.numUpdatedRows) === 1;

export async function updateVision(
  db: Db,
  id: number,
  version: number,
  values: { title: string; summary: string },
): Promise<boolean> {
  return changed(
    await db
      .updateTable("vision_statement")
      .set({ ...values, version: sql`version + 1` })
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst(),
  );
}

export async function updateOutcome(
  db: Db,
  id: number,
  version: number,
  values: { vision_statement_id: number; title: string },
): Promise<boolean> {
  return changed(
    await db
      .updateTable("pf_outcome")
      .set({ ...values, version: sql`version + 1` })
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst(),
  );
}

export async function updateIndicator(
  db: Db,
  id: number,
  version: number,
  values: Updateable<IndicatorTable>,
): Promise<boolean> {
  return changed(
    await db
      .updateTable("indicator")
      .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst(),
  );
}

export function indicatorRecord(db: Db, slug: string) {
  return db.selectFrom("indicator").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export function slugTaken(db: Db, table: "vision_statement" | "pf_outcome" | "indicator", slug: string) {
  return db
    .selectFrom(table)
    .select("id")
    .where("slug", "=", slug)
    .executeTakeFirst()
    .then((row) => row !== undefined);
}

export function nextPosition(db: Db, table: "vision_statement" | "pf_outcome" | "indicator") {
  return db
    .selectFrom(table)
    .select(sql<number>`coalesce(max(position), 0) + 1`.as("next"))
    .executeTakeFirstOrThrow()
    .then((row) => Number(row.next));
}

/** An indicator's evidence for its edit page: with ids and versions. */
export function listEvidenceForEditing(db: Db, indicatorId: number) {
  return db
    .selectFrom("indicator_evidence")
    .select(["id", "kind", "text", "attribution", "source", "version"])
    .where("indicator_id", "=", indicatorId)
    .orderBy("position")
    .orderBy("id")
    .execute();
}

export function findEvidence(db: Db, indicatorId: number, id: number) {
  return db
    .selectFrom("indicator_evidence")
    .selectAll()
    .where("indicator_id", "=", indicatorId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export function nextEvidencePosition(db: Db, indicatorId: number) {
  return db
    .selectFrom("indicator_evidence")
    .select(sql<number>`coalesce(max(position), 0) + 1`.as("next"))
    .where("indicator_id", "=", indicatorId)
    .executeTakeFirstOrThrow()
    .then((row) => Number(row.next));
}

export async function updateEvidence(
  db: Db,
  id: number,
  version: number,
  values: { kind: "quote" | "survey_finding"; text: string; attribution: string; source: string },
): Promise<boolean> {
  return changed(
    await db
      .updateTable("indicator_evidence")
      .set({ ...values, version: sql`version + 1` })
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst(),
  );
}

export async function deleteEvidence(db: Db, id: number, version: number): Promise<boolean> {
  const result = await db
    .deleteFrom("indicator_evidence")
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/**
 * The newest published edition of each route map (by date, then id), the only editions whose
 * actions may be linked: a draft's words are not public, and an older edition's are not current.
 */
function newestPublishedEditions(db: Db) {
  return db
    .selectFrom("route_map_edition as e")
    .select("e.id")
    .distinctOn("e.theme_id")
    .where("e.status", "=", "published")
    .orderBy("e.theme_id")
    .orderBy("e.last_updated", "desc")
    .orderBy("e.id", "desc");
}

/** The route-map actions an analyst may link: those of each route map's newest published edition. */
export function listLinkableActions(db: Db) {
  return db
    .selectFrom("edition_item")
    .innerJoin("route_map_edition", "route_map_edition.id", "edition_item.edition_id")
    .innerJoin("theme", "theme.id", "route_map_edition.theme_id")
    .select([
      "edition_item.id",
      "edition_item.text",
      "theme.name as theme_name",
      "route_map_edition.label as edition_label",
    ])
    .where("edition_item.section", "=", "action")
    .where("edition_item.parent_id", "is", null)
    .where("route_map_edition.id", "in", newestPublishedEditions(db))
    .orderBy("theme.name")
    .orderBy("edition_item.position")
    .execute();
}

/** Is this edition item one of the actions `listLinkableActions` offers? */
export async function isLinkableAction(db: Db, editionItemId: number): Promise<boolean> {
  const row = await db
    .selectFrom("edition_item")
    .select("edition_item.id")
    .where("edition_item.id", "=", editionItemId)
    .where("edition_item.section", "=", "action")
    .where("edition_item.parent_id", "is", null)
    .where("edition_item.edition_id", "in", newestPublishedEditions(db))
    .executeTakeFirst();
  return row !== undefined;
}

/** The actions linked to an indicator, with their item ids (published or not), for its edit page. */
export function listLinksForEditing(db: Db, indicatorId: number) {
  return db
    .selectFrom("indicator_action")
    .innerJoin("edition_item", "edition_item.id", "indicator_action.edition_item_id")
    .innerJoin("route_map_edition", "route_map_edition.id", "edition_item.edition_id")
    .innerJoin("theme", "theme.id", "route_map_edition.theme_id")
    .select([
      "edition_item.id",
      "edition_item.text",
      "theme.name as theme_name",
      "route_map_edition.label as edition_label",
      "route_map_edition.status",
    ])
    .where("indicator_action.indicator_id", "=", indicatorId)
    .orderBy("theme.name")
    .orderBy("edition_item.position")
    .execute();
}

export async function unlinkAction(db: Db, indicatorId: number, editionItemId: number): Promise<boolean> {
  const result = await db
    .deleteFrom("indicator_action")
    .where("indicator_id", "=", indicatorId)
    .where("edition_item_id", "=", editionItemId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
