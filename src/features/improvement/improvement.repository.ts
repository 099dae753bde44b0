import { sql } from "kysely";
import type { Db } from "../../platform/database.ts";

// All of improvement's SQL. Names of the organisations, route maps and indicators a project
// links to are read here with the links (a join, not a query per link); which of them may be
// chosen is asked of their owners' services.

export type ProjectRow = Awaited<ReturnType<typeof findProjectBySlug>> & {};

const PROJECT_COLUMNS = [
  "id",
  "slug",
  "title",
  "aim_what",
  "aim_how_much",
  "aim_by",
  "team",
  "status",
  "learned",
  "published",
  "version",
] as const;

export function findProjectBySlug(db: Db, slug: string) {
  return db
    .selectFrom("improvement_project")
    .select(PROJECT_COLUMNS)
    .where("slug", "=", slug)
    .executeTakeFirst();
}

export function findProjectById(db: Db, id: number) {
  return db.selectFrom("improvement_project").select(PROJECT_COLUMNS).where("id", "=", id).executeTakeFirst();
}

/** Projects, newest first; only published ones unless `all`. */
export function listProjects(db: Db, options: { publishedOnly: boolean }) {
  let query = db.selectFrom("improvement_project").select(PROJECT_COLUMNS).orderBy("title").orderBy("id");
  if (options.publishedOnly) query = query.where("published", "=", true);
  return query.execute();
}

export function listProjectOrganisations(db: Db, projectIds: number[]) {
  if (projectIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("improvement_project_organisation as l")
    .innerJoin("organisation as o", "o.id", "l.organisation_id")
    .select(["l.project_id", "o.id", "o.slug", "o.name"])
    .where("l.project_id", "in", projectIds)
    .orderBy("o.name")
    .execute();
}

export function listProjectAreas(db: Db, projectId: number) {
  return db
    .selectFrom("improvement_project_area")
    .select("area_code")
    .where("project_id", "=", projectId)
    .execute();
}

export function listProjectActions(db: Db, projectId: number) {
  return db
    .selectFrom("improvement_project_action as l")
    .innerJoin("theme", "theme.id", "l.theme_id")
    .select(["l.theme_id", "l.action_key", "theme.slug as theme_slug", "theme.name as theme_name"])
    .where("l.project_id", "=", projectId)
    .orderBy("theme.position")
    .orderBy("l.action_key")
    .execute();
}

export function listProjectIndicators(db: Db, projectId: number) {
  return db
    .selectFrom("improvement_project_indicator as l")
    .innerJoin("indicator as i", "i.id", "l.indicator_id")
    .select(["i.id", "i.slug", "i.title", "i.published"])
    .where("l.project_id", "=", projectId)
    .orderBy("i.title")
    .execute();
}

/** Indicators one may link a project to, by title: published ones, unless `all`. */
export function listIndicatorChoices(db: Db, options: { all: boolean }) {
  let query = db.selectFrom("indicator").select(["id", "slug", "title"]).orderBy("title");
  if (!options.all) query = query.where("published", "=", true);
  return query.execute();
}

export function listMeasures(db: Db, projectId: number) {
  return db
    .selectFrom("improvement_measure")
    .select(["id", "project_id", "kind", "name", "unit", "better", "baseline_points", "version"])
    .where("project_id", "=", projectId)
    .orderBy(sql`case kind when 'outcome' then 1 when 'process' then 2 else 3 end`)
    .orderBy("id")
    .execute();
}

export function findMeasure(db: Db, projectId: number, measureId: number) {
  return db
    .selectFrom("improvement_measure")
    .select(["id", "project_id", "kind", "name", "unit", "better", "baseline_points", "version"])
    .where("project_id", "=", projectId)
    .where("id", "=", measureId)
    .executeTakeFirst();
}

export function listDataPoints(db: Db, measureIds: number[]) {
  if (measureIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("improvement_data_point")
    .select(["id", "measure_id", "date", "value", "annotation"])
    .where("measure_id", "in", measureIds)
    .orderBy("date")
    .execute();
}

export async function slugTaken(db: Db, slug: string): Promise<boolean> {
  return (
    (await db.selectFrom("improvement_project").select("id").where("slug", "=", slug).executeTakeFirst()) !==
    undefined
  );
}

export async function insertProject(
  db: Db,
  values: {
    slug: string;
    title: string;
    aim_what: string;
    aim_how_much: string;
    aim_by: string;
    team: string;
    status: "planned" | "testing" | "spreading" | "sustained" | "stopped";
    learned: string;
    published: boolean;
  },
): Promise<number> {
  const row = await db
    .insertInto("improvement_project")
    .values(values)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The one conditional update guarding a project's form: true when `version` was current. */
export async function takeProjectVersion(db: Db, id: number, version: number): Promise<boolean> {
  const result = await db
    .updateTable("improvement_project")
    .set({ version: sql<number>`version + 1`, updated_at: sql`now()` })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function updateProject(
  db: Db,
  id: number,
  values: {
    title: string;
    aim_what: string;
    aim_how_much: string;
    aim_by: string;
    team: string;
    status: "planned" | "testing" | "spreading" | "sustained" | "stopped";
    learned: string;
    published: boolean;
  },
): Promise<void> {
  await db.updateTable("improvement_project").set(values).where("id", "=", id).execute();
}

/** Replaces a project's links with these. */
export async function setLinks(
  db: Db,
  projectId: number,
  links: {
    areas: string[];
    organisations: number[];
    actions: Array<{ themeId: number; key: string }>;
    indicators: number[];
  },
): Promise<void> {
  await db.deleteFrom("improvement_project_area").where("project_id", "=", projectId).execute();
  await db.deleteFrom("improvement_project_organisation").where("project_id", "=", projectId).execute();
  await db.deleteFrom("improvement_project_action").where("project_id", "=", projectId).execute();
  await db.deleteFrom("improvement_project_indicator").where("project_id", "=", projectId).execute();
  if (links.areas.length > 0)
    await db
      .insertInto("improvement_project_area")
      .values(links.areas.map((area_code) => ({ project_id: projectId, area_code })))
      .execute();
  if (links.organisations.length > 0)
    await db
      .insertInto("improvement_project_organisation")
      .values(links.organisations.map((organisation_id) => ({ project_id: projectId, organisation_id })))
      .execute();
  if (links.actions.length > 0)
    await db
      .insertInto("improvement_project_action")
      .values(links.actions.map((a) => ({ project_id: projectId, theme_id: a.themeId, action_key: a.key })))
      .execute();
  if (links.indicators.length > 0)
    await db
      .insertInto("improvement_project_indicator")
      .values(links.indicators.map((indicator_id) => ({ project_id: projectId, indicator_id })))
      .execute();
}

export async function insertMeasure(
  db: Db,
  values: {
    project_id: number;
    kind: "outcome" | "process" | "balancing";
    name: string;
    unit: string;
    better: "up" | "down";
    baseline_points: number;
  },
): Promise<number> {
  const row = await db
    .insertInto("improvement_measure")
    .values(values)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function takeMeasureVersion(db: Db, id: number, version: number): Promise<boolean> {
  const result = await db
    .updateTable("improvement_measure")
    .set({ version: sql<number>`version + 1` })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function updateMeasure(
  db: Db,
  id: number,
  values: {
    kind: "outcome" | "process" | "balancing";
    name: string;
    unit: string;
    better: "up" | "down";
    baseline_points: number;
  },
): Promise<void> {
  await db.updateTable("improvement_measure").set(values).where("id", "=", id).execute();
}

/** Adds a point, or replaces the one on the same date; returns what was there before, if anything. */
export async function upsertDataPoint(
  db: Db,
  measureId: number,
  point: { date: string; value: number; annotation: string },
) {
  const before = await db
    .selectFrom("improvement_data_point")
    .select(["id", "date", "value", "annotation"])
    .where("measure_id", "=", measureId)
    .where("date", "=", point.date)
    .executeTakeFirst();
  const row = await db
    .insertInto("improvement_data_point")
    .values({ measure_id: measureId, ...point })
    .onConflict((oc) =>
      oc.columns(["measure_id", "date"]).doUpdateSet({ value: point.value, annotation: point.annotation }),
    )
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, before };
}

export function deleteDataPoint(db: Db, measureId: number, pointId: number) {
  return db
    .deleteFrom("improvement_data_point")
    .where("measure_id", "=", measureId)
    .where("id", "=", pointId)
    .returning(["id", "date", "value", "annotation"])
    .executeTakeFirst();
}
