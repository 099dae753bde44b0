import type { PendingRow } from "../../db/schema.ts";
import type { Actor } from "../../platform/actor.ts";
import { actorLabel } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Db, Trx } from "../../platform/database.ts";
import { NotFoundError, ValidationError } from "../../platform/errors.ts";
import { authorize } from "../../platform/security/authorize.ts";
import { findIndicator } from "./framework.repository.ts";
import * as obsRepo from "./observation.repository.ts";
import { readUploadFile } from "./upload-file.ts";
import { checkUploadRows, type RowError } from "./upload-rows.ts";

// Loading observations: the file is read and every row checked first; with any error nothing is
// saved and the errors are listed by row. A clean file is kept as a pending upload and shown as a
// preview (how many rows are new, changed, the same); confirming saves exactly those rows. The
// command line checks and saves in one go through the same functions.

export interface UploadCounts {
  added: number;
  replaced: number;
  unchanged: number;
}

export type UploadPreview =
  | { ok: false; fileName: string; errors: RowError[]; rowCount: number }
  | {
      ok: true;
      fileName: string;
      pendingId: number;
      rowCount: number;
      counts: UploadCounts;
      sample: PendingRow[];
    };

async function indicatorFor(db: Db, slug: string) {
  const indicator = await findIndicator(db, slug);
  if (!indicator) throw new NotFoundError(`There is no indicator called "${slug}".`);
  return indicator;
}

/** Reads and checks a file against the indicator: its rows, or its row-level errors. */
export async function checkUploadFile(
  db: Db,
  actor: Actor,
  input: { indicatorSlug: string; fileName: string; data: Buffer },
): Promise<{ indicatorId: number; rows: PendingRow[]; errors: RowError[]; rowCount: number }> {
  authorize(actor, "indicator.edit");
  const indicator = await indicatorFor(db, input.indicatorSlug);
  const table = await readUploadFile(input.fileName, input.data);
  const checked = checkUploadRows(table, indicator.breakdowns);
  return {
    indicatorId: indicator.id,
    rows: checked.rows,
    errors: checked.errors,
    rowCount: Math.max(0, table.length - 1),
  };
}

/** Checks an upload and, if it is clean, keeps it for the analyst to confirm. Saves no observation. */
export async function previewUpload(
  trx: Trx,
  actor: Actor,
  input: { indicatorSlug: string; fileName: string; data: Buffer },
): Promise<UploadPreview> {
  const checked = await checkUploadFile(trx, actor, input);
  if (checked.errors.length > 0)
    return { ok: false, fileName: input.fileName, errors: checked.errors, rowCount: checked.rowCount };
  if (actor.kind !== "user") throw new ValidationError({ file: "Sign in to upload data." });
  const counts = await obsRepo.compareWithStored(trx, checked.indicatorId, checked.rows);
  const pendingId = await obsRepo.savePending(trx, {
    indicator_id: checked.indicatorId,
    user_id: actor.id,
    file_name: input.fileName,
    rows: checked.rows,
  });
  await recordAudit(trx, actor, {
    action: "indicator.upload_preview",
    entityType: "indicator",
    entityId: checked.indicatorId,
    after: { fileName: input.fileName, rows: checked.rows.length, ...counts },
  });
  return {
    ok: true,
    fileName: input.fileName,
    pendingId,
    rowCount: checked.rows.length,
    counts,
    sample: checked.rows.slice(0, 10),
  };
}

const BATCH = 10_000;

/**
 * Saves checked rows as observations: new ones are added, changed ones replaced with their old
 * value kept in the revision history, identical ones left alone. In the caller's transaction.
 * `embedded`: the database is PGlite (see the checkpoint below); never on a server, where the
 * checkpointer does this and the command needs a privilege the app need not have.
 */
export async function saveObservations(
  trx: Trx,
  actor: Actor,
  input: { indicatorId: number; fileName: string; rows: readonly PendingRow[] },
  onProgress?: (done: number, total: number) => void,
  options: { embedded?: boolean } = {},
): Promise<UploadCounts & { uploadId: number }> {
  authorize(actor, "indicator.edit");
  const uploadId = await obsRepo.insertUpload(trx, {
    indicator_id: input.indicatorId,
    file_name: input.fileName,
    rows: input.rows.length,
    uploaded_by: actorLabel(actor),
  });
  const fresh = !(await obsRepo.hasObservations(trx, input.indicatorId));
  let added = 0;
  let replaced = 0;
  for (let i = 0; i < input.rows.length; i += BATCH) {
    const batch = input.rows.slice(i, i + BATCH);
    const done = await obsRepo.applyBatch(trx, input.indicatorId, uploadId, batch, { fresh });
    added += done.added;
    replaced += done.replaced;
    // Embedded PGlite runs PostgreSQL in single-user mode, with no checkpointer: without a
    // checkpoint its write-ahead log (kept in memory) would grow by the whole load, about 800 MB
    // for a million rows. One between batches lets it recycle the log (and is faster, too).
    if (options.embedded && i + BATCH < input.rows.length) await obsRepo.checkpoint(trx);
    onProgress?.(Math.min(i + BATCH, input.rows.length), input.rows.length);
  }
  const counts = { added, replaced, unchanged: input.rows.length - added - replaced };
  await obsRepo.finishUpload(trx, uploadId, counts);
  await recordAudit(trx, actor, {
    action: "indicator.upload",
    entityType: "indicator",
    entityId: input.indicatorId,
    after: { uploadId, fileName: input.fileName, rows: input.rows.length, ...counts },
  });
  return { uploadId, ...counts };
}

/** Saves a previewed upload. Only the analyst who previewed it can confirm it, once. */
export async function confirmUpload(
  trx: Trx,
  actor: Actor,
  input: { indicatorSlug: string; pendingId: number },
): Promise<UploadCounts & { fileName: string }> {
  authorize(actor, "indicator.edit");
  const indicator = await indicatorFor(trx, input.indicatorSlug);
  const pending =
    actor.kind === "user"
      ? await obsRepo.findPending(trx, input.pendingId, actor.id, indicator.id)
      : undefined;
  if (!pending)
    throw new NotFoundError("That upload has already been saved or was not found. Upload the file again.");
  const counts = await saveObservations(trx, actor, {
    indicatorId: indicator.id,
    fileName: pending.file_name,
    rows: pending.rows,
  });
  await obsRepo.deletePending(trx, pending.id);
  return {
    fileName: pending.file_name,
    added: counts.added,
    replaced: counts.replaced,
    unchanged: counts.unchanged,
  };
}
