import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Db, Trx } from "../../platform/database.ts";
import { ConflictError, type FieldErrors, NotFoundError } from "../../platform/errors.ts";
import { authorize, can } from "../../platform/security/authorize.ts";
import type { StoredFile } from "../../platform/uploads.ts";
import { checkText, clean, optional, paragraph, short, throwIfInvalid } from "../../platform/validation.ts";
import * as repo from "./accountability.repository.ts";
import {
  type AccountOptions,
  getOrganisationAccount,
  type OwedAction,
  sortParties,
  toParty,
  withEvidence,
} from "./accountability.service.ts";
import type { ActionRef, Due, OrganisationSummary, Party, ProgressUpdate } from "./accountability.types.ts";
import type { UpdateValues } from "./progress.repository.ts";
import * as progressRepo from "./progress.repository.ts";
import {
  CONFIDENCE_LEVELS,
  type Confidence,
  isStatus,
  type ProgressStatus,
  statusInfo,
} from "./progress-status.ts";
import { type ActionDetail, findAction } from "./responsibility.service.ts";

// Progress updates. An organisation's contributor writes an update for an action the
// organisation is named on; it stays a draft, seen only by that organisation and the programme
// team, until submitted, when it becomes public. Every change moves the version of that
// organisation's update of the action on (progress_version), so two of its people updating the
// same action at once cannot overwrite each other: the second is told. Other organisations named
// on the action have versions of their own, so one's update never makes another's form stale.

export interface UpdateForm {
  organisation: OrganisationSummary;
  owed: OwedAction;
  draft: ProgressUpdate | null;
}

/** The update form for one organisation's action (needs progress.report for the organisation). */
export async function getUpdateForm(
  db: Db,
  actor: Actor,
  organisationSlug: string,
  themeSlug: string,
  key: string,
): Promise<UpdateForm> {
  const account = await getOrganisationAccount(db, actor, organisationSlug);
  authorize(actor, "progress.report", { organisationId: account.organisation.id });
  const owed = account.actions.find((a) => a.action.themeSlug === themeSlug && a.action.key === key);
  if (!owed)
    throw new NotFoundError(
      `${account.organisation.name} is not named on this action, so it has no update to give.`,
    );
  return { organisation: account.organisation, owed, draft: owed.draft };
}

/** What an organisation owes, with its drafts (needs progress.read_private for it). */
export async function getOwed(db: Db, actor: Actor, organisationSlug: string, options: AccountOptions = {}) {
  const account = await getOrganisationAccount(db, actor, organisationSlug, options);
  authorize(actor, "progress.read_private", { organisationId: account.organisation.id });
  return account;
}

export interface UpdateInput {
  organisationSlug: string;
  themeSlug: string;
  key: string;
  /** The version of the organisation's update of the action the form was made from. */
  version: number;
  /** "submit" makes it public; anything else keeps it a draft. */
  intent: string | undefined;
  status: string | undefined;
  percent: string | undefined;
  narrative: string | undefined;
  confidence: string | undefined;
  linkUrl?: string | undefined;
  linkTitle?: string | undefined;
  indicator?: string | undefined;
  voice?: string | undefined;
  /** An uploaded document, already checked by src/platform/uploads.ts, and what it is. */
  document?: StoredFile | undefined;
  documentTitle?: string | undefined;
}

function checkUrl(errors: FieldErrors, value: string | undefined): string | null {
  const text = clean(value);
  if (text === "") return null;
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:") || text.length > 2000) {
    errors.linkUrl = "Enter the web link in full, starting https://";
    return null;
  }
  return url.toString();
}

/** Checks an update's answers; every message names its field. */
export function checkUpdate(input: UpdateInput) {
  const errors: FieldErrors = {};
  const submit = input.intent === "submit";
  const statusText = clean(input.status);
  const status: ProgressStatus | null = isStatus(statusText) ? statusText : null;
  if (!status) errors.status = "Choose how the action is going";
  const percentText = clean(input.percent).replace(/%$/, "");
  let percent = status ? (statusInfo(status).percent ?? 0) : 0;
  if (percentText !== "") {
    if (/^\d{1,3}$/.test(percentText) && Number(percentText) <= 100) percent = Number(percentText);
    else
      errors.percent =
        "Enter how far through the action is as a whole number from 0 to 100, or leave it empty";
  }
  const narrative = checkText(
    errors,
    "narrative",
    input.narrative,
    paragraph("what has happened", submit ? {} : optional),
  );
  const confidenceText = clean(input.confidence);
  const confidence = CONFIDENCE_LEVELS.find((c) => c.code === confidenceText)?.code ?? null;
  if (!confidence) errors.confidence = "Choose how sure you are";
  const linkUrl = checkUrl(errors, input.linkUrl);
  const linkTitle = checkText(errors, "linkTitle", input.linkTitle, short("name of the link", optional));
  if (linkTitle !== "" && linkUrl === null && !errors.linkUrl)
    errors.linkUrl = "Enter the web link the name is for";
  const indicator = checkText(errors, "indicator", input.indicator, short("indicator", optional));
  const voice = checkText(errors, "voice", input.voice, paragraph("what people told you", optional));
  const documentTitle = checkText(
    errors,
    "documentTitle",
    input.documentTitle,
    short("name of the document", optional),
  );
  if (documentTitle !== "" && !input.document && !errors.document)
    errors.document = "Choose the document the name is for";
  throwIfInvalid(errors);
  const document = input.document;
  return {
    submit,
    values: { status: status!, percent, narrative, confidence: confidence as Confidence },
    evidence: [
      ...(linkUrl ? [{ kind: "link" as const, title: linkTitle, url: linkUrl, body: "" }] : []),
      ...(indicator ? [{ kind: "indicator" as const, title: indicator, url: null, body: "" }] : []),
      ...(voice ? [{ kind: "voice" as const, title: "", url: null, body: voice }] : []),
      ...(document
        ? [
            {
              kind: "document" as const,
              title: documentTitle,
              url: null,
              body: "",
              file: {
                file_name: document.fileName,
                content_type: document.mediaType,
                byte_size: document.content.length,
                data: document.content,
              },
            },
          ]
        : []),
    ],
  };
}

export const CONFLICT_MESSAGE =
  "Someone else updated this action for your organisation while you were writing. Your update was not saved: read what they said, then send yours again. Your answers are still in the form.";

/** A programme editor's request refused because the organisation changed its update meanwhile. */
export const REVIEW_CONFLICT_MESSAGE =
  "The organisation changed its update of this action while you were writing. Nothing was saved: read the update again, then ask again.";

export interface SavedUpdate {
  id: number;
  submitted: boolean;
  action: ActionRef;
  /** The version of the organisation's update of the action now: its next change must send it. */
  version: number;
  update: ProgressUpdate;
}

/** Saves an update as a draft, or submits it; returns it as saved. */
export async function saveUpdate(trx: Trx, actor: Actor, input: UpdateInput): Promise<SavedUpdate> {
  const form = await getUpdateForm(trx, actor, input.organisationSlug, input.themeSlug, input.key);
  const checked = checkUpdate(input);
  const { themeId } = form.owed.action;
  const pair = { themeId, key: input.key, organisationId: form.organisation.id };
  if (!(await progressRepo.bumpProgressVersion(trx, pair, input.version)))
    throw new ConflictError(CONFLICT_MESSAGE);
  const author =
    actor.kind === "user"
      ? { author_id: actor.id, author_name: actor.name }
      : { author_id: null, author_name: "" };
  const state = checked.submit ? ("submitted" as const) : ("draft" as const);
  let id: number;
  if (form.draft) {
    id = form.draft.id;
    await progressRepo.changeDraft(trx, id, { ...checked.values, ...author, state });
  } else {
    id = await progressRepo.insertUpdate(trx, {
      ...checked.values,
      ...author,
      state,
      theme_id: themeId,
      action_key: input.key,
      organisation_id: form.organisation.id,
    });
  }
  await progressRepo.insertEvidence(
    trx,
    checked.evidence.map(({ file, ...e }) => ({ ...e, ...file, update_id: id })),
  );
  await recordAudit(trx, actor, {
    action: checked.submit ? "progress.submit" : "progress.draft",
    entityType: "progress_update",
    entityId: id,
    before: form.draft ?? undefined,
    // A document is named in the trail, never copied into it.
    after: {
      ...checked.values,
      state,
      organisation: form.organisation.slug,
      evidence: checked.evidence.map(({ file, ...e }) => ({
        ...e,
        ...(file ? { fileName: file.file_name } : {}),
      })),
    },
  });
  const [update] = await withEvidence(trx, [(await progressRepo.findUpdate(trx, id))!]);
  return {
    id,
    submitted: checked.submit,
    action: form.owed.action,
    version: input.version + 1,
    update: update!,
  };
}

/** A programme editor asks for more evidence on a submitted update (needs progress.review). */
export async function requestMoreEvidence(
  trx: Trx,
  actor: Actor,
  input: { updateId: number; version: number; note: string | undefined },
): Promise<ProgressUpdate> {
  authorize(actor, "progress.review");
  const row = await progressRepo.findUpdate(trx, input.updateId);
  if (row?.state !== "submitted") throw new NotFoundError("There is no submitted update at this address.");
  const errors: FieldErrors = {};
  const note = checkText(
    errors,
    "note",
    input.note,
    paragraph("evidence you need", { emptyMessage: "Say what evidence you need" }),
  );
  throwIfInvalid(errors);
  // The update is the organisation's: the request moves that organisation's version, as its own
  // next change would, so neither overwrites the other unseen.
  const pair = { themeId: row.theme_id, key: row.action_key, organisationId: row.organisation_id };
  if (!(await progressRepo.bumpProgressVersion(trx, pair, input.version)))
    throw new ConflictError(REVIEW_CONFLICT_MESSAGE);
  await progressRepo.requestEvidence(trx, row.id, note);
  await recordAudit(trx, actor, {
    action: "progress.request_evidence",
    entityType: "progress_update",
    entityId: row.id,
    after: { note },
  });
  const [update] = await withEvidence(trx, [(await progressRepo.findUpdate(trx, row.id))!]);
  return update!;
}

/** The action an update is about: its route map's slug and its key. */
export async function getUpdateAction(db: Db, updateId: number): Promise<{ themeSlug: string; key: string }> {
  const row = await progressRepo.findUpdateAction(db, updateId);
  if (!row) throw new NotFoundError("There is no update at this address.");
  return { themeSlug: row.theme_slug, key: row.action_key };
}

export interface ActionStory extends ActionDetail {
  parties: Party[];
  due: Due;
  /**
   * The version of each organisation's update of the action, by organisation id (absent: 0): a
   * request for more evidence on an update sends its organisation's.
   */
  progressVersions: Record<number, number>;
  /** Newest first; drafts only those the reader may see. */
  updates: ProgressUpdate[];
  canReview: boolean;
}

/**
 * One action's story: who must act, by when, and every update, newest first. Submitted updates
 * are public; a draft shows only to readers allowed its organisation's private progress.
 */
export async function getActionStory(
  db: Db,
  actor: Actor,
  themeSlug: string,
  key: string,
): Promise<ActionStory> {
  const detail = await findAction(db, actor, themeSlug, key);
  const { themeId } = detail.action;
  const [tracking, rows, organisations, sectors, updateRows, versions] = await Promise.all([
    repo.findTracking(db, themeId, key),
    repo.listResponsibilities(db, { themeId, key }),
    repo.listOrganisations(db),
    repo.listSectors(db),
    progressRepo.listActionUpdates(db, themeId, key),
    progressRepo.listProgressVersions(db, { themeId, key }),
  ]);
  const visible = updateRows.filter(
    (u) =>
      u.state === "submitted" || can(actor, "progress.read_private", { organisationId: u.organisation_id }),
  );
  return {
    ...detail,
    parties: sortParties(rows.flatMap((r) => toParty(r, organisations, sectors) ?? [])),
    due: { year: tracking?.due_year ?? null, date: tracking?.due_date ?? null },
    progressVersions: Object.fromEntries(versions.map((v) => [v.organisation_id, v.version])),
    updates: await withEvidence(db, visible),
    canReview: can(actor, "progress.review"),
  };
}

/**
 * Writes one organisation's update of an action in the caller's transaction (bulk updates, row by
 * row): the version of that organisation's update moved on from `version` first; null when someone
 * changed it since (nothing written). Else the update's id and the draft it replaced, for the
 * caller's audit event. The caller authorises.
 */
export async function writeUpdate(
  trx: Trx,
  actor: Actor,
  input: {
    themeId: number;
    actionKey: string;
    version: number;
    organisationId: number;
    state: "draft" | "submitted";
    values: UpdateValues;
  },
): Promise<{ id: number; before: Awaited<ReturnType<typeof progressRepo.findDraft>> } | null> {
  const pair = { themeId: input.themeId, key: input.actionKey, organisationId: input.organisationId };
  if (!(await progressRepo.bumpProgressVersion(trx, pair, input.version))) return null;
  const author =
    actor.kind === "user"
      ? { author_id: actor.id, author_name: actor.name }
      : { author_id: null, author_name: "" };
  const draft = await progressRepo.findDraft(trx, input.themeId, input.actionKey, input.organisationId);
  if (draft) {
    await progressRepo.changeDraft(trx, draft.id, { ...input.values, ...author, state: input.state });
    return { id: draft.id, before: draft };
  }
  const id = await progressRepo.insertUpdate(trx, {
    ...input.values,
    ...author,
    state: input.state,
    theme_id: input.themeId,
    action_key: input.actionKey,
    organisation_id: input.organisationId,
  });
  return { id, before: undefined };
}
