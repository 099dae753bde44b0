import { sql } from "kysely";
import type { Confidence, EvidenceKind, ProgressStatus, UpdateState } from "../../db/schema.ts";
import type { Db } from "../../platform/database.ts";

// The SQL of progress updates and their evidence.

const UPDATE = [
  "progress_update.id",
  "progress_update.theme_id",
  "progress_update.action_key",
  "progress_update.organisation_id",
  "progress_update.state",
  "progress_update.status",
  "progress_update.percent",
  "progress_update.narrative",
  "progress_update.confidence",
  "progress_update.author_name",
  "progress_update.created_at",
  "progress_update.updated_at",
  "progress_update.submitted_at",
  "progress_update.evidence_requested_at",
  "progress_update.evidence_request",
  "organisation.slug as organisation_slug",
  "organisation.name as organisation_name",
] as const;

function updates(db: Db) {
  return db
    .selectFrom("progress_update")
    .innerJoin("organisation", "organisation.id", "progress_update.organisation_id")
    .select(UPDATE);
}

export type UpdateRow = Awaited<ReturnType<typeof findUpdate>> & {};

export function findUpdate(db: Db, id: number) {
  return updates(db).where("progress_update.id", "=", id).executeTakeFirst();
}

/** Every update of one action, newest first: submitted ones by when they were submitted. */
export function listActionUpdates(db: Db, themeId: number, key: string) {
  return updates(db)
    .where("progress_update.theme_id", "=", themeId)
    .where("progress_update.action_key", "=", key)
    .orderBy(sql`coalesce(progress_update.submitted_at, progress_update.updated_at) desc`)
    .orderBy("progress_update.id", "desc")
    .execute();
}

/**
 * The newest submitted update of every action (of the given themes, or all); with `before`, the
 * newest submitted before that instant (how an action stood then).
 */
export function latestSubmitted(db: Db, themeIds?: number[], before?: Date) {
  let query = updates(db)
    .distinctOn(["progress_update.theme_id", "progress_update.action_key"])
    .where("progress_update.state", "=", "submitted")
    .orderBy("progress_update.theme_id")
    .orderBy("progress_update.action_key")
    .orderBy("progress_update.submitted_at", "desc")
    .orderBy("progress_update.id", "desc");
  if (themeIds) {
    if (themeIds.length === 0) return Promise.resolve([]);
    query = query.where("progress_update.theme_id", "in", themeIds);
  }
  if (before) query = query.where("progress_update.submitted_at", "<", before);
  return query.execute();
}

/** An organisation's drafts (of every action). */
export function listDrafts(db: Db, organisationId: number) {
  return updates(db)
    .where("progress_update.organisation_id", "=", organisationId)
    .where("progress_update.state", "=", "draft")
    .execute();
}

export function findDraft(db: Db, themeId: number, key: string, organisationId: number) {
  return updates(db)
    .where("progress_update.theme_id", "=", themeId)
    .where("progress_update.action_key", "=", key)
    .where("progress_update.organisation_id", "=", organisationId)
    .where("progress_update.state", "=", "draft")
    .executeTakeFirst();
}

export interface UpdateValues {
  status: ProgressStatus;
  percent: number;
  narrative: string;
  confidence: Confidence;
}

export async function insertUpdate(
  db: Db,
  row: UpdateValues & {
    theme_id: number;
    action_key: string;
    organisation_id: number;
    author_id: number | null;
    author_name: string;
    state: UpdateState;
  },
): Promise<number> {
  const { id } = await db
    .insertInto("progress_update")
    .values({ ...row, submitted_at: row.state === "submitted" ? sql`now()` : null })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function changeDraft(
  db: Db,
  id: number,
  values: UpdateValues & { author_id: number | null; author_name: string; state: UpdateState },
): Promise<void> {
  await db
    .updateTable("progress_update")
    .set({
      ...values,
      updated_at: sql`now()`,
      submitted_at: values.state === "submitted" ? sql`now()` : null,
    })
    .where("id", "=", id)
    .where("state", "=", "draft")
    .execute();
}

export async function requestEvidence(db: Db, id: number, note: string): Promise<void> {
  await db
    .updateTable("progress_update")
    .set({ evidence_requested_at: sql`now()`, evidence_request: note })
    .where("id", "=", id)
    .execute();
}

export async function insertEvidence(
  db: Db,
  rows: Array<{
    update_id: number;
    kind: EvidenceKind;
    title: string;
    url: string | null;
    body: string;
    file_name?: string;
    content_type?: string;
    byte_size?: number;
    data?: Uint8Array;
  }>,
): Promise<void> {
  if (rows.length > 0) await db.insertInto("progress_evidence").values(rows).execute();
}

export function listEvidence(db: Db, updateIds: number[]) {
  if (updateIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("progress_evidence")
    .select(["id", "update_id", "kind", "title", "url", "body", "created_at", "file_name", "byte_size"])
    .where("update_id", "in", updateIds)
    .orderBy("id")
    .execute();
}

/** Which action an update is about, by its theme's slug and the action's key. */
export function findUpdateAction(db: Db, id: number) {
  return db
    .selectFrom("progress_update")
    .innerJoin("theme", "theme.id", "progress_update.theme_id")
    .select(["theme.slug as theme_slug", "progress_update.action_key"])
    .where("progress_update.id", "=", id)
    .executeTakeFirst();
}

/**
 * The versions of organisations' updates: of every action one organisation reports on, or of
 * every organisation reporting on one action. A pair with no row is at version 0.
 */
export function listProgressVersions(
  db: Db,
  where: { organisationId: number } | { themeId: number; key: string },
) {
  let query = db
    .selectFrom("progress_version")
    .select(["theme_id", "action_key", "organisation_id", "version"]);
  if ("organisationId" in where) query = query.where("organisation_id", "=", where.organisationId);
  else query = query.where("theme_id", "=", where.themeId).where("action_key", "=", where.key);
  return query.execute();
}

/**
 * Moves one organisation's update of an action on from version `seen`, in one conditional update:
 * false if someone changed that organisation's update since (the caller then refuses with a
 * conflict, and nothing is saved). Other organisations' updates of the action are not touched.
 */
export async function bumpProgressVersion(
  db: Db,
  where: { themeId: number; key: string; organisationId: number },
  seen: number,
): Promise<boolean> {
  await db
    .insertInto("progress_version")
    .values({ theme_id: where.themeId, action_key: where.key, organisation_id: where.organisationId })
    .onConflict((oc) => oc.columns(["theme_id", "action_key", "organisation_id"]).doNothing())
    .execute();
  const result = await db
    .updateTable("progress_version")
    .set((eb) => ({ version: eb("version", "+", 1), updated_at: sql`now()` }))
    .where("theme_id", "=", where.themeId)
    .where("action_key", "=", where.key)
    .where("organisation_id", "=", where.organisationId)
    .where("version", "=", seen)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
