import type { Db } from "../../platform/database.ts";
import type { CommitmentsToSave } from "./commitment.types.ts";

// SQL for commitments. Rows never leave this file and the service.

/** Saves a document's key actions, one row each in order; one already there (same place) is left. */
export function insertCommitments(trx: Db, documentId: number, part: CommitmentsToSave) {
  if (part.commitments.length === 0) return Promise.resolve([]);
  return trx
    .insertInto("commitment")
    .values(
      part.commitments.map((c, i) => ({
        imported_document_id: documentId,
        document_title: part.title,
        year: part.year,
        part_number: part.partNumber,
        part_title: part.partTitle,
        ordinal: i + 1,
        number: c.number,
        text: c.text,
        details: JSON.stringify(c.details),
        sub_items: JSON.stringify(c.subItems),
        status: c.status,
      })),
    )
    .onConflict((oc) => oc.columns(["imported_document_id", "ordinal"]).doNothing())
    .returning(["id", "ordinal", "text"])
    .execute();
}

/** Every commitment with its source document, newest document first, key actions in order. */
export function listCommitmentRows(db: Db) {
  return db
    .selectFrom("commitment as c")
    .innerJoin("imported_document as d", "d.id", "c.imported_document_id")
    .select([
      "c.id",
      "c.imported_document_id",
      "c.document_title",
      "c.year",
      "c.part_number",
      "c.part_title",
      "c.ordinal",
      "c.number",
      "c.text",
      "c.details",
      "c.sub_items",
      "c.status",
      "d.file_name",
      "d.source_address",
      "d.imported_at",
    ])
    .orderBy("d.imported_at", "desc")
    .orderBy("d.id", "desc")
    .orderBy("c.ordinal")
    .execute();
}
