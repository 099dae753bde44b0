import type { Db } from "../../platform/database.ts";

// Imported documents: the source of every imported record, found again by the hash of its bytes.

export function findImportByHash(db: Db, contentHash: string) {
  return db
    .selectFrom("imported_document")
    .select(["id", "file_name", "edition_id", "imported_at"])
    .where("content_hash", "=", contentHash)
    .executeTakeFirst();
}

export function insertImportedDocument(
  trx: Db,
  row: {
    kind: "route_map";
    file_name: string;
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
