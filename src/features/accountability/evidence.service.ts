import type { Actor } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";
import { NotFoundError } from "../../platform/errors.ts";
import { can } from "../../platform/security/authorize.ts";
import type { StoredFile } from "../../platform/uploads.ts";

// Evidence documents, read back. A document goes where its update goes: a submitted update's
// documents are public; a draft's are seen only by those who may read the organisation's private
// progress (its contributors and the programme team). To anyone else a draft's document is not
// found, so its existence does not leak.

export async function getEvidenceFile(
  db: Db,
  actor: Actor,
  evidenceId: number,
): Promise<StoredFile & { forAnyone: boolean }> {
  const row = await db
    .selectFrom("progress_evidence")
    .innerJoin("progress_update", "progress_update.id", "progress_evidence.update_id")
    .select([
      "progress_evidence.file_name",
      "progress_evidence.content_type",
      "progress_evidence.data",
      "progress_update.state",
      "progress_update.organisation_id",
    ])
    .where("progress_evidence.id", "=", evidenceId)
    .where("progress_evidence.kind", "=", "document")
    .executeTakeFirst();
  const forAnyone = row?.state === "submitted";
  if (
    !row?.data ||
    !row.file_name ||
    !row.content_type ||
    !(forAnyone || can(actor, "progress.read_private", { organisationId: row.organisation_id }))
  )
    throw new NotFoundError("There is no document at this address.");
  return { fileName: row.file_name, mediaType: row.content_type, content: row.data, forAnyone };
}
