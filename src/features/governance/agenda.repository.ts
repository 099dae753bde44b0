import { type Insertable, sql, type Updateable } from "kysely";
import type { AgendaItemTable, MeetingActionTable, PaperTable } from "../../db/schema.ts";
import type { Db } from "../../platform/database.ts";
import type { AgendaItem, MeetingAction, Paper } from "./governance.types.ts";
import { organisationRef, personRef } from "./row-refs.ts";

// Agenda items, papers and actions: the SQL.

const splitLines = (text: string) => text.split("\n").filter((line) => line.trim() !== "");

export async function listItems(
  db: Db,
  meetingId: number,
): Promise<Omit<AgendaItem, "papers" | "actions">[]> {
  const rows = await db
    .selectFrom("agenda_item")
    .select(["id", "position", "title", "notes", "discussion_points", "decisions", "version"])
    .where("meeting_id", "=", meetingId)
    .orderBy("position")
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    position: row.position,
    title: row.title,
    notes: row.notes,
    discussionPoints: splitLines(row.discussion_points),
    decisions: splitLines(row.decisions),
    version: row.version,
  }));
}

export async function findItem(
  db: Db,
  id: number,
): Promise<{ id: number; meetingId: number; position: number; version: number } | undefined> {
  const row = await db
    .selectFrom("agenda_item")
    .select(["id", "meeting_id", "position", "version"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row && { id: row.id, meetingId: row.meeting_id, position: row.position, version: row.version };
}

export async function nextItemPosition(db: Db, meetingId: number): Promise<number> {
  const row = await db
    .selectFrom("agenda_item")
    .select((eb) => eb.fn.max<number | null>("position").as("top"))
    .where("meeting_id", "=", meetingId)
    .executeTakeFirstOrThrow();
  return (row.top ?? 0) + 1;
}

export async function insertItem(db: Db, values: Insertable<AgendaItemTable>): Promise<number> {
  const { id } = await db.insertInto("agenda_item").values(values).returning("id").executeTakeFirstOrThrow();
  return id;
}

/**
 * Changes the item's words if it is still at `version` (the one the form was made from), moving
 * the version on; false when someone else saved first.
 */
export async function updateItem(
  db: Db,
  id: number,
  version: number,
  values: Updateable<AgendaItemTable>,
): Promise<boolean> {
  const result = await db
    .updateTable("agenda_item")
    .set({ ...values, version: sql<number>`version + 1` })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Removes the item if it is still at `version`; false when someone changed it since. */
export async function deleteItem(db: Db, id: number, version: number): Promise<boolean> {
  const result = await db
    .deleteFrom("agenda_item")
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Renumbers a meeting's items 1, 2, 3… in the order of `ids`. */
export async function renumberItems(db: Db, ids: number[]): Promise<void> {
  for (const [index, id] of ids.entries())
    await db
      .updateTable("agenda_item")
      .set({ position: index + 1 })
      .where("id", "=", id)
      .execute();
}

export async function listPapers(
  db: Db,
  meetingId: number,
  options: { publicOnly: boolean },
): Promise<Paper[]> {
  let query = db
    .selectFrom("paper as p")
    .innerJoin("agenda_item as i", "i.id", "p.agenda_item_id")
    .select(["p.id", "p.agenda_item_id", "p.title", "p.reference", "p.url", "p.file_name", "p.public"])
    .where("i.meeting_id", "=", meetingId);
  if (options.publicOnly) query = query.where("p.public", "=", true);
  const rows = await query.orderBy("p.position").orderBy("p.id").execute();
  return rows.map((row) => ({
    id: row.id,
    agendaItemId: row.agenda_item_id,
    title: row.title,
    reference: row.reference,
    url: row.url,
    fileName: row.file_name,
    public: row.public,
  }));
}

export async function findPaper(
  db: Db,
  id: number,
): Promise<
  | {
      id: number;
      agendaItemId: number;
      meetingId: number;
      public: boolean;
      fileName: string | null;
      mediaType: string | null;
    }
  | undefined
> {
  const row = await db
    .selectFrom("paper as p")
    .innerJoin("agenda_item as i", "i.id", "p.agenda_item_id")
    .select(["p.id", "p.agenda_item_id", "p.public", "p.file_name", "p.media_type", "i.meeting_id"])
    .where("p.id", "=", id)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      agendaItemId: row.agenda_item_id,
      meetingId: row.meeting_id,
      public: row.public,
      fileName: row.file_name,
      mediaType: row.media_type,
    }
  );
}

/** A paper's file, for download. */
export async function paperFile(
  db: Db,
  id: number,
): Promise<{ fileName: string; mediaType: string; content: Uint8Array } | undefined> {
  const row = await db
    .selectFrom("paper")
    .select(["file_name", "media_type", "content"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row || row.file_name === null || row.content === null) return undefined;
  return {
    fileName: row.file_name,
    mediaType: row.media_type ?? "application/octet-stream",
    content: new Uint8Array(row.content),
  };
}

export async function nextPaperPosition(db: Db, agendaItemId: number): Promise<number> {
  const row = await db
    .selectFrom("paper")
    .select((eb) => eb.fn.max<number | null>("position").as("top"))
    .where("agenda_item_id", "=", agendaItemId)
    .executeTakeFirstOrThrow();
  return (row.top ?? 0) + 1;
}

export async function insertPaper(db: Db, values: Insertable<PaperTable>): Promise<number> {
  const { id } = await db.insertInto("paper").values(values).returning("id").executeTakeFirstOrThrow();
  return id;
}

export async function updatePaper(db: Db, id: number, values: Updateable<PaperTable>): Promise<void> {
  await db.updateTable("paper").set(values).where("id", "=", id).execute();
}

export async function deletePaper(db: Db, id: number): Promise<void> {
  await db.deleteFrom("paper").where("id", "=", id).execute();
}

export function actionQuery(db: Db) {
  return db
    .selectFrom("meeting_action as a")
    .innerJoin("meeting as m", "m.id", "a.meeting_id")
    .leftJoin("person as p", "p.id", "a.owner_person_id")
    .leftJoin("organisation as o", "o.id", "a.owner_organisation_id")
    .select([
      "a.id",
      "a.meeting_id",
      "m.meeting_date",
      "a.agenda_item_id",
      "a.text",
      "a.due_date",
      "a.status",
      "a.closed_on",
      "a.edition_item_id",
      "a.edition_item_key",
      "p.id as person_id",
      "p.name as person_name",
      "o.id as organisation_id",
      "o.slug as organisation_slug",
      "o.name as organisation_name",
    ]);
}

type ActionRow = Awaited<ReturnType<ReturnType<typeof actionQuery>["executeTakeFirstOrThrow"]>>;

export function toAction(row: ActionRow): MeetingAction {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    meetingDate: row.meeting_date,
    agendaItemId: row.agenda_item_id,
    text: row.text,
    ownerPerson: personRef(row.person_id, row.person_name),
    ownerOrganisation: organisationRef(row.organisation_id, row.organisation_slug, row.organisation_name),
    dueDate: row.due_date,
    status: row.status,
    closedOn: row.closed_on,
    routeMapItem:
      row.edition_item_key !== null
        ? { editionItemId: row.edition_item_id, key: row.edition_item_key }
        : null,
  };
}

export async function listActions(db: Db, meetingId: number): Promise<MeetingAction[]> {
  const rows = await actionQuery(db).where("a.meeting_id", "=", meetingId).orderBy("a.id").execute();
  return rows.map(toAction);
}

/** Actions promoted into the route-map item with this key. */
export async function listActionsForItemKey(db: Db, key: string): Promise<MeetingAction[]> {
  const rows = await actionQuery(db).where("a.edition_item_key", "=", key).orderBy("a.id").execute();
  return rows.map(toAction);
}

export async function findAction(db: Db, id: number): Promise<MeetingAction | undefined> {
  const row = await actionQuery(db).where("a.id", "=", id).executeTakeFirst();
  return row && toAction(row);
}

/**
 * Matters arising at a meeting: actions from the group's earlier meetings still open, or closed
 * on or after this meeting's date (so a past meeting's page shows what was open then).
 */
export async function listMattersArising(
  db: Db,
  groupId: number,
  meeting: { id: number; date: string },
): Promise<MeetingAction[]> {
  const rows = await actionQuery(db)
    .where("m.group_id", "=", groupId)
    .where("m.id", "<>", meeting.id)
    .where((eb) =>
      eb.or([
        eb("m.meeting_date", "<", meeting.date),
        eb.and([eb("m.meeting_date", "=", meeting.date), eb("m.id", "<", meeting.id)]),
      ]),
    )
    .where((eb) => eb.or([eb("a.status", "=", "open"), eb("a.closed_on", ">=", meeting.date)]))
    .orderBy("m.meeting_date")
    .orderBy("a.id")
    .execute();
  return rows.map(toAction);
}

/** Every open action of a group, oldest meeting first (the action log). */
export async function listOpenActions(db: Db, groupId: number): Promise<MeetingAction[]> {
  const rows = await actionQuery(db)
    .where("m.group_id", "=", groupId)
    .where("a.status", "=", "open")
    .orderBy("m.meeting_date")
    .orderBy("a.id")
    .execute();
  return rows.map(toAction);
}

export async function insertAction(db: Db, values: Insertable<MeetingActionTable>): Promise<number> {
  const { id } = await db
    .insertInto("meeting_action")
    .values(values)
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateAction(
  db: Db,
  id: number,
  values: Updateable<MeetingActionTable>,
): Promise<void> {
  await db.updateTable("meeting_action").set(values).where("id", "=", id).execute();
}

export async function deleteAction(db: Db, id: number): Promise<void> {
  await db.deleteFrom("meeting_action").where("id", "=", id).execute();
}
