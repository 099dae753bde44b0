import type { PendingProgressChange } from "../../db/schema.ts";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Db, Trx } from "../../platform/database.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../platform/errors.ts";
import { authorize } from "../../platform/security/authorize.ts";
import {
  getOrganisationAccount,
  getOrganisationSummary,
  listCurrentItems,
  type OrganisationAccount,
  organisationProgressVersions,
} from "../accountability/accountability.service.ts";
import type { OrganisationSummary } from "../accountability/accountability.types.ts";
import { writeUpdate } from "../accountability/progress.service.ts";
import { dueText } from "../accountability/progress-display.ts";
import { readSheet } from "./bulk.file.ts";
import * as bulkRepo from "./bulk.repository.ts";
import { type BulkChange, type BulkCheck, checkBulkRows, type KnownAction } from "./bulk.rows.ts";
import { actionReference, type SheetRow, sheetCsv, sheetXlsx } from "./bulk.sheet.ts";

// Bulk progress updates. An organisation downloads its actions as a spreadsheet (CSV or XLSX),
// fills in status, percent, confidence and narrative, and uploads it. The upload is read and every
// row checked first; with any error nothing is kept and the errors are listed by row. A clean file
// is kept server-side as a pending upload and shown as a preview of every change; confirming saves
// exactly those changes, all in one transaction, as drafts (or submitted, if asked), each with its
// audit event. A row whose organisation's update someone changed after the preview (a colleague,
// on the page, the API or another upload) is a conflict: the refusal names that row, and nothing
// is saved. Other organisations' updates of the same actions are no conflict.

/** The organisation's account, for someone who may report for it (progress.report, scoped). */
async function reportingAccount(
  db: Db,
  actor: Actor,
  organisationSlug: string,
): Promise<OrganisationAccount> {
  const account = await getOrganisationAccount(db, actor, organisationSlug);
  authorize(actor, "progress.report", { organisationId: account.organisation.id });
  return account;
}

/** The spreadsheet's rows: every action the organisation must act on, with its draft or latest update. */
export async function getSheetRows(
  db: Db,
  actor: Actor,
  organisationSlug: string,
): Promise<{ organisation: OrganisationSummary; rows: SheetRow[] }> {
  const account = await reportingAccount(db, actor, organisationSlug);
  const rows = account.actions.map((a): SheetRow => {
    const shown = a.draft ?? a.latest;
    return {
      reference: actionReference(a.action.themeSlug, a.action.key),
      routeMap: a.action.themeName,
      action: a.action.text,
      role: a.role === "lead" ? "Lead" : "Partner",
      due: dueText(a.due),
      current: shown && {
        status: shown.status,
        percent: shown.percent,
        confidence: shown.confidence,
        narrative: shown.narrative,
      },
      version: a.version,
    };
  });
  return { organisation: account.organisation, rows };
}

export async function downloadSheet(
  db: Db,
  actor: Actor,
  organisationSlug: string,
  kind: "csv" | "xlsx",
): Promise<{ fileName: string; body: string | Buffer }> {
  const { organisation, rows } = await getSheetRows(db, actor, organisationSlug);
  const fileName = `${organisation.slug}-actions.${kind}`;
  return { fileName, body: kind === "csv" ? sheetCsv(rows) : await sheetXlsx(rows, organisation.name) };
}

export type BulkPreview = BulkCheck & {
  organisation: OrganisationSummary;
  fileName: string;
  submit: boolean;
  /** Null when there are errors or nothing to change: there is nothing to confirm. */
  pendingId: number | null;
};

/** Every current action the file might name, and whether the organisation may change it. */
async function knownActions(db: Db, account: OrganisationAccount): Promise<Map<string, KnownAction>> {
  const known = new Map<string, KnownAction>();
  for (const item of await listCurrentItems(db))
    if (item.section === "action")
      known.set(actionReference(item.theme_slug, item.key), {
        themeId: item.theme_id,
        key: item.key,
        themeName: item.theme_name,
        text: item.text,
        version: 0,
        owed: false,
        current: null,
        hasDraft: false,
      });
  for (const a of account.actions) {
    const shown = a.draft ?? a.latest;
    known.set(actionReference(a.action.themeSlug, a.action.key), {
      themeId: a.action.themeId,
      key: a.action.key,
      themeName: a.action.themeName,
      text: a.action.text,
      version: a.version,
      owed: true,
      current: shown && {
        status: shown.status,
        percent: shown.percent,
        confidence: shown.confidence,
        narrative: shown.narrative,
      },
      hasDraft: a.draft !== null,
    });
  }
  return known;
}

/** Reads and checks an upload; if it is clean and changes something, keeps it to be confirmed. */
export async function previewBulkUpload(
  trx: Trx,
  actor: Actor,
  input: { organisationSlug: string; fileName: string; data: Buffer; submit: boolean },
): Promise<BulkPreview> {
  const account = await reportingAccount(trx, actor, input.organisationSlug);
  if (actor.kind !== "user") throw new ValidationError({ file: "Sign in to upload a spreadsheet." });
  const table = await readSheet(input.fileName, input.data);
  const checked = checkBulkRows(table, await knownActions(trx, account), {
    organisationName: account.organisation.name,
    submit: input.submit,
  });
  const base = {
    ...checked,
    organisation: account.organisation,
    fileName: input.fileName,
    submit: input.submit,
  };
  if (checked.errors.length > 0 || checked.changes.length === 0) return { ...base, pendingId: null };
  const changes: PendingProgressChange[] = checked.changes.map((c) => ({
    themeId: c.themeId,
    actionKey: c.actionKey,
    version: c.version,
    row: c.row,
    ...c.after,
  }));
  const pendingId = await bulkRepo.savePending(trx, {
    organisation_id: account.organisation.id,
    user_id: actor.id,
    file_name: input.fileName,
    submit: input.submit,
    changes,
  });
  await recordAudit(trx, actor, {
    action: "progress.bulk_preview",
    entityType: "organisation",
    entityId: account.organisation.id,
    after: {
      fileName: input.fileName,
      changes: changes.length,
      unchanged: checked.unchanged,
      submit: input.submit,
    },
  });
  return { ...base, pendingId };
}

/** The refusal of a confirmation: which rows' actions someone at the organisation changed since. */
export function stalePreviewMessage(organisationName: string, rows: Array<number | undefined>): string {
  const numbers = rows.filter((r) => r !== undefined);
  const which =
    numbers.length === 0
      ? "one of these actions"
      : numbers.length === 1
        ? `the action on row ${numbers[0]}`
        : `the actions on rows ${numbers.slice(0, -1).join(", ")} and ${numbers.at(-1)}`;
  return `Someone at ${organisationName} updated ${which} after you uploaded the file, so nothing was saved. Download the spreadsheet again, copy your changes into it and upload it again.`;
}

/** Saves a previewed upload, all or nothing. Only the person who previewed it may confirm it, once. */
export async function confirmBulkUpload(
  trx: Trx,
  actor: Actor,
  input: { organisationSlug: string; pendingId: number },
): Promise<{ saved: number; submitted: boolean }> {
  const organisation = await getOrganisationSummary(trx, input.organisationSlug);
  if (!organisation) throw new NotFoundError("There is no organisation at this address.");
  authorize(actor, "progress.report", { organisationId: organisation.id });
  const pending =
    actor.kind === "user"
      ? await bulkRepo.findPending(trx, input.pendingId, actor.id, organisation.id)
      : undefined;
  if (!pending)
    throw new NotFoundError("That upload has already been saved or was not found. Upload the file again.");
  const state = pending.submit ? ("submitted" as const) : ("draft" as const);
  // Every stale row is named at once, not only the first; the conditional writes below still
  // catch a change that lands between this read and them.
  const now = new Map(
    (await organisationProgressVersions(trx, organisation.id)).map((v) => [
      `${v.themeId}:${v.key}`,
      v.version,
    ]),
  );
  const stale = pending.changes.filter((c) => (now.get(`${c.themeId}:${c.actionKey}`) ?? 0) !== c.version);
  if (stale.length > 0)
    throw new ConflictError(
      stalePreviewMessage(
        organisation.name,
        stale.map((c) => c.row),
      ),
    );
  for (const change of pending.changes) {
    const values = {
      status: change.status,
      percent: change.percent,
      narrative: change.narrative,
      confidence: change.confidence,
    };
    const written = await writeUpdate(trx, actor, {
      themeId: change.themeId,
      actionKey: change.actionKey,
      version: change.version,
      organisationId: organisation.id,
      state,
      values,
    });
    if (!written) throw new ConflictError(stalePreviewMessage(organisation.name, [change.row]));
    const { id, before: draft } = written;
    await recordAudit(trx, actor, {
      action: pending.submit ? "progress.submit" : "progress.draft",
      entityType: "progress_update",
      entityId: id,
      before: draft ?? undefined,
      after: { ...values, state, organisation: organisation.slug, source: pending.file_name },
    });
  }
  await bulkRepo.deletePending(trx, pending.id);
  await recordAudit(trx, actor, {
    action: "progress.bulk_upload",
    entityType: "organisation",
    entityId: organisation.id,
    after: { fileName: pending.file_name, saved: pending.changes.length, submitted: pending.submit },
  });
  return { saved: pending.changes.length, submitted: pending.submit };
}

export type { BulkChange };
