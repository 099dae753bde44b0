import type { Db } from "../../platform/database.ts";

// Imported documents: the source of every imported record, found again by the hash of its bytes.

export function findImportByHash(db: Db, contentHash: string) {
  return db
    .selectFrom("imported_document")
    .select(["id", "kind", "file_name", "edition_id", "meeting_id", "imported_at"])
    .where("content_hash", "=", contentHash)
    .executeTakeFirst();
}

export function insertImportedDocument(
  trx: Db,
  row: {
    kind: "route_map" | "minutes" | "progress_update";
    file_name: string;
    source_address?: string | null;
    meeting_id?: number | null;
    content_hash: string;
    text: string;
    edition_id: number | null;
    details: unknown;
  },
) {
  return trx
    .insertInto("imported_document")
    .values({ ...row, details: JSON.stringify(row.details) })
    .returning(["id"])
    .executeTakeFirstOrThrow();
}

export function countImportedDocuments(db: Db): Promise<number> {
  return db
    .selectFrom("imported_document")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

export function findEditorByEmail(db: Db, email: string) {
  return db
    .selectFrom("app_user")
    .select(["id", "email", "name"])
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.trim().toLowerCase()))
    .executeTakeFirst();
}

/** Everyone's name, for matching the names documents print (no other detail is read). */
export async function personNames(db: Db): Promise<string[]> {
  const rows = await db.selectFrom("person").select("name").orderBy("id").execute();
  return rows.map((r) => r.name);
}

/** Every organisation's name and the other names it goes by. */
export async function organisationNames(db: Db): Promise<string[]> {
  const names = await db.selectFrom("organisation").select("name").orderBy("id").execute();
  const aliases = await db.selectFrom("organisation_alias").select("name").orderBy("id").execute();
  return [...names, ...aliases].map((r) => r.name);
}

/** The documents imported for a meeting, newest first. */
export function importsForMeeting(db: Db, meetingId: number) {
  return db
    .selectFrom("imported_document")
    .select(["id", "kind", "file_name", "source_address", "content_hash", "imported_at"])
    .where("meeting_id", "=", meetingId)
    .orderBy("id", "desc")
    .execute();
}

/** The group's meeting on that date, if it has one. */
export async function findMeetingOn(db: Db, groupId: number, date: string): Promise<number | undefined> {
  const row = await db
    .selectFrom("meeting")
    .select("id")
    .where("group_id", "=", groupId)
    .where("meeting_date", "=", date)
    .orderBy("id")
    .executeTakeFirst();
  return row?.id;
}
