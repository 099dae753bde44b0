import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Db, Trx } from "../../platform/database.ts";
import { authorize } from "../../platform/security/authorize.ts";
import * as repo from "./commitment.repository.ts";
import type { CommitmentSource, CommitmentsToSave } from "./commitment.types.ts";

// Commitments from imported progress updates: saved by the importer (route-map editors), read by
// anyone, since a progress update is a published document.

/**
 * Records a progress update's key actions as commitments of the imported document, each audited.
 * The importer calls it inside the import's transaction; the same document twice adds nothing.
 */
export async function saveCommitments(
  trx: Trx,
  actor: Actor,
  documentId: number,
  part: CommitmentsToSave,
): Promise<number> {
  authorize(actor, "route_map.edit");
  const saved = await repo.insertCommitments(trx, documentId, part);
  for (const row of saved) {
    await recordAudit(trx, actor, {
      action: "commitment.create",
      entityType: "commitment",
      entityId: row.id,
      after: { importedDocumentId: documentId, ordinal: row.ordinal, text: row.text },
    });
  }
  return saved.length;
}

/** Every imported progress update with its key actions: newest import first. Public. */
export async function listCommitmentSources(db: Db): Promise<CommitmentSource[]> {
  const rows = await repo.listCommitmentRows(db);
  const sources = new Map<number, CommitmentSource>();
  for (const row of rows) {
    let source = sources.get(row.imported_document_id);
    if (!source) {
      source = {
        documentId: row.imported_document_id,
        title: row.document_title,
        year: row.year,
        partNumber: row.part_number,
        partTitle: row.part_title,
        fileName: row.file_name,
        sourceAddress: row.source_address,
        importedAt: row.imported_at,
        commitments: [],
      };
      sources.set(row.imported_document_id, source);
    }
    source.commitments.push({
      id: row.id,
      ordinal: row.ordinal,
      number: row.number,
      text: row.text,
      details: row.details,
      subItems: row.sub_items,
      status: row.status,
    });
  }
  return [...sources.values()];
}
