import type { Insertable } from "kysely";
import { sql } from "kysely";
import type { IndicatorTable, ObservationFlag } from "../../db/schema.ts";
import type { Db } from "../../platform/database.ts";

// SQL for the framework's structure: vision statements, outcomes, indicators and what sits beside
// them (evidence, linked actions). Observations have their own repository.

export function listVisions(db: Db) {
  return db.selectFrom("vision_statement").selectAll().orderBy("position").orderBy("id").execute();
}

export function listOutcomes(db: Db) {
  return db.selectFrom("pf_outcome").selectAll().orderBy("position").orderBy("id").execute();
}

const indicatorColumns = [
  "indicator.id",
  "indicator.slug",
  "indicator.title",
  "indicator.definition",
  "indicator.unit",
  "indicator.better",
  "indicator.kind",
  "indicator.measure",
  "indicator.source",
  "indicator.source_url",
  "indicator.publisher",
  "indicator.last_updated",
  "indicator.next_update",
  "indicator.baseline_period",
  "indicator.baseline_value",
  "indicator.target_value",
  "indicator.target_date",
  "indicator.story",
  "indicator.breakdowns",
  "indicator.suppress_below",
  "indicator.published",
  "indicator.position",
  "indicator.outcome_id",
] as const;

function indicatorQuery(db: Db) {
  return db
    .selectFrom("indicator")
    .innerJoin("pf_outcome", "pf_outcome.id", "indicator.outcome_id")
    .innerJoin("vision_statement", "vision_statement.id", "pf_outcome.vision_statement_id")
    .select(indicatorColumns)
    .select([
      "pf_outcome.slug as outcome_slug",
      "pf_outcome.title as outcome_title",
      "vision_statement.id as vision_id",
      "vision_statement.slug as vision_slug",
      "vision_statement.title as vision_title",
    ]);
}

export type IndicatorRow = Awaited<ReturnType<typeof findIndicator>> & {};

export function findIndicator(db: Db, slug: string) {
  return indicatorQuery(db).where("indicator.slug", "=", slug).executeTakeFirst();
}

export function listIndicators(db: Db, options: { publishedOnly: boolean }) {
  let q = indicatorQuery(db);
  if (options.publishedOnly) q = q.where("indicator.published", "=", true);
  return q.orderBy("indicator.position").orderBy("indicator.id").execute();
}

export async function insertVision(
  db: Db,
  values: { slug: string; title: string; summary: string; position: number },
) {
  const row = await db
    .insertInto("vision_statement")
    .values(values)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertOutcome(
  db: Db,
  values: { vision_statement_id: number; slug: string; title: string; position: number },
) {
  const row = await db.insertInto("pf_outcome").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function insertIndicator(db: Db, values: Insertable<IndicatorTable>) {
  const row = await db.insertInto("indicator").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export function findOutcomeBySlug(db: Db, slug: string) {
  return db.selectFrom("pf_outcome").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export function findVisionBySlug(db: Db, slug: string) {
  return db.selectFrom("vision_statement").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export async function setPublished(db: Db, indicatorId: number, published: boolean, version: number) {
  const result = await db
    .updateTable("indicator")
    .set({ published, version: sql`version + 1`, updated_at: sql`now()` })
    .where("id", "=", indicatorId)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function indicatorVersion(db: Db, indicatorId: number) {
  return db
    .selectFrom("indicator")
    .select(["version", "published"])
    .where("id", "=", indicatorId)
    .executeTakeFirst();
}

export function listIndicatorVersions(db: Db) {
  return db.selectFrom("indicator").select(["slug", "version"]).execute();
}

export function listEvidence(db: Db, indicatorId: number) {
  return db
    .selectFrom("indicator_evidence")
    .select(["kind", "text", "attribution", "source"])
    .where("indicator_id", "=", indicatorId)
    .orderBy("position")
    .orderBy("id")
    .execute();
}

export async function insertEvidence(
  db: Db,
  values: {
    indicator_id: number;
    kind: "quote" | "survey_finding";
    text: string;
    attribution: string;
    source: string;
    consented: boolean;
    anonymised: boolean;
    position: number;
  },
) {
  await db.insertInto("indicator_evidence").values(values).execute();
}

/** The route-map actions linked to an indicator, in published editions only unless told otherwise. */
export function listLinkedActions(db: Db, indicatorId: number, options: { publishedOnly: boolean }) {
  let q = db
    .selectFrom("indicator_action")
    .innerJoin("edition_item", "edition_item.id", "indicator_action.edition_item_id")
    .innerJoin("route_map_edition", "route_map_edition.id", "edition_item.edition_id")
    .innerJoin("theme", "theme.id", "route_map_edition.theme_id")
    .select([
      "edition_item.text",
      "theme.slug as theme_slug",
      "theme.name as theme_name",
      "route_map_edition.id as edition_id",
      "route_map_edition.label as edition_label",
    ])
    .where("indicator_action.indicator_id", "=", indicatorId);
  if (options.publishedOnly) q = q.where("route_map_edition.status", "=", "published");
  return q.orderBy("theme.name").orderBy("edition_item.position").execute();
}

export async function linkAction(db: Db, indicatorId: number, editionItemId: number) {
  await db
    .insertInto("indicator_action")
    .values({ indicator_id: indicatorId, edition_item_id: editionItemId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export type FlagValue = ObservationFlag | null;
