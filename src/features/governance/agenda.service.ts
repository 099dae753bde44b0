import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Trx } from "../../platform/database.ts";
import {
  type FieldErrors,
  NotFoundError,
  StaleVersionError,
  ValidationError,
} from "../../platform/errors.ts";
import { checkFile, type StoredFile } from "../../platform/uploads.ts";
import {
  checkText,
  optional,
  paragraph,
  type Submitted,
  short,
  throwIfInvalid,
} from "../../platform/validation.ts";
import * as repo from "./agenda.repository.ts";
import { checkFlag, checkUrl, lines } from "./governance.validation.ts";
import { meetingToChange, refuseIfMinutesFixed } from "./meeting.service.ts";

// A meeting's agenda: items in order, each with its minute (notes), discussion points, decisions
// and papers. Changes need group.manage for the meeting's group, and minutes still in draft.

export interface AgendaItemInput {
  title: Submitted;
  notes?: Submitted;
  /** One point per line (leading bullets are dropped), or a list. */
  discussionPoints?: Submitted | readonly string[];
  decisions?: Submitted | readonly string[];
}

export interface PaperInput {
  title: Submitted;
  /** "paper 5/1" */
  reference?: Submitted;
  url?: Submitted;
  /** An uploaded file instead of (or as well as) a link; its kind is judged again here, by content. */
  file?: { fileName: string; mediaType?: string; content: Uint8Array } | undefined;
  public?: Submitted | boolean;
}

const MAX_POINTS = 100;

function checkItem(input: AgendaItemInput) {
  const errors: FieldErrors = {};
  const title = checkText(errors, "title", input.title, short("item's title"));
  const notes = checkText(errors, "notes", input.notes, paragraph("minute of the item", optional));
  const discussion = lines(input.discussionPoints);
  const decisions = lines(input.decisions);
  checkText(errors, "discussionPoints", discussion.join("\n"), paragraph("discussion points", optional));
  checkText(errors, "decisions", decisions.join("\n"), paragraph("decisions", optional));
  if (discussion.length > MAX_POINTS)
    errors.discussionPoints = `Keep to ${MAX_POINTS} discussion points or fewer`;
  if (decisions.length > MAX_POINTS) errors.decisions = `Keep to ${MAX_POINTS} decisions or fewer`;
  throwIfInvalid(errors);
  return { title, notes, discussion_points: discussion.join("\n"), decisions: decisions.join("\n") };
}

async function itemToChange(trx: Trx, actor: Actor, itemId: number) {
  const item = await repo.findItem(trx, itemId);
  if (!item) throw new NotFoundError("There is no such agenda item.");
  const found = await meetingToChange(trx, actor, item.meetingId);
  refuseIfMinutesFixed(found.meeting);
  return { item, ...found };
}

/** Adds an item at the end of a meeting's agenda. Returns its id. */
export async function addAgendaItem(
  trx: Trx,
  actor: Actor,
  meetingId: number,
  input: AgendaItemInput,
): Promise<number> {
  const { meeting } = await meetingToChange(trx, actor, meetingId);
  refuseIfMinutesFixed(meeting);
  const values = checkItem(input);
  const position = await repo.nextItemPosition(trx, meetingId);
  const id = await repo.insertItem(trx, { meeting_id: meetingId, position, ...values });
  await recordAudit(trx, actor, {
    action: "agenda_item.add",
    entityType: "agenda_item",
    entityId: id,
    after: values,
  });
  return id;
}

/**
 * Changes an item's title, minute, discussion points and decisions. The form was made from the
 * item at `version`: if someone has saved it since, nothing is saved (StaleVersionError).
 */
export async function updateAgendaItem(
  trx: Trx,
  actor: Actor,
  itemId: number,
  version: number,
  input: AgendaItemInput,
): Promise<void> {
  const { item } = await itemToChange(trx, actor, itemId);
  if (item.version !== version) throw new StaleVersionError();
  const values = checkItem(input);
  if (!(await repo.updateItem(trx, itemId, version, values))) throw new StaleVersionError();
  await recordAudit(trx, actor, {
    action: "agenda_item.update",
    entityType: "agenda_item",
    entityId: itemId,
    after: values,
  });
}

/**
 * Removes an item, with its papers; its actions stay with the meeting. Refused when the item has
 * changed since the page was made from it at `version` (StaleVersionError).
 */
export async function removeAgendaItem(
  trx: Trx,
  actor: Actor,
  itemId: number,
  version: number,
): Promise<void> {
  const { item } = await itemToChange(trx, actor, itemId);
  if (item.version !== version) throw new StaleVersionError("removal");
  if (!(await repo.deleteItem(trx, itemId, version))) throw new StaleVersionError("removal");
  const rest = await repo.listItems(trx, item.meetingId);
  await repo.renumberItems(
    trx,
    rest.map((i) => i.id),
  );
  await recordAudit(trx, actor, {
    action: "agenda_item.remove",
    entityType: "agenda_item",
    entityId: itemId,
  });
}

/** Moves an item one place up or down the agenda. */
export async function moveAgendaItem(
  trx: Trx,
  actor: Actor,
  itemId: number,
  direction: "up" | "down",
): Promise<void> {
  const { item } = await itemToChange(trx, actor, itemId);
  const ids = (await repo.listItems(trx, item.meetingId)).map((i) => i.id);
  const from = ids.indexOf(itemId);
  const to = direction === "up" ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= ids.length) return;
  [ids[from], ids[to]] = [ids[to] as number, ids[from] as number];
  await repo.renumberItems(trx, ids);
  await recordAudit(trx, actor, {
    action: "agenda_item.move",
    entityType: "agenda_item",
    entityId: itemId,
    after: { direction },
  });
}

/** Adds a paper to an agenda item: a title, a reference, and a link or a file. Private unless said. */
export async function addPaper(trx: Trx, actor: Actor, itemId: number, input: PaperInput): Promise<number> {
  await itemToChange(trx, actor, itemId);
  const errors: FieldErrors = {};
  const title = checkText(errors, "paperTitle", input.title, short("paper's title"));
  const reference = checkText(errors, "reference", input.reference, short("reference", optional));
  const url = checkUrl(errors, "url", input.url);
  let file: StoredFile | undefined;
  if (input.file && input.file.content.length > 0) {
    try {
      file = await checkFile(input.file, { field: "file", label: "the paper" });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      Object.assign(errors, error.fields);
    }
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  const id = await repo.insertPaper(trx, {
    agenda_item_id: itemId,
    position: await repo.nextPaperPosition(trx, itemId),
    title,
    reference,
    url,
    file_name: file ? file.fileName : null,
    media_type: file ? file.mediaType : null,
    content: file ? file.content : null,
    public: checkFlag(input.public),
  });
  await recordAudit(trx, actor, {
    action: "paper.add",
    entityType: "paper",
    entityId: id,
    // The file's name, kind and size, never its content.
    after: {
      title,
      reference,
      url,
      file: file ? { name: file.fileName, mediaType: file.mediaType, bytes: file.content.length } : null,
      public: checkFlag(input.public),
    },
  });
  return id;
}

async function paperToChange(trx: Trx, actor: Actor, paperId: number) {
  const paper = await repo.findPaper(trx, paperId);
  if (!paper) throw new NotFoundError("There is no such paper.");
  await meetingToChange(trx, actor, paper.meetingId);
  return paper;
}

/** Makes a paper public or private (allowed after the minutes are published: papers follow later). */
export async function setPaperPublic(
  trx: Trx,
  actor: Actor,
  paperId: number,
  isPublic: boolean,
): Promise<void> {
  const paper = await paperToChange(trx, actor, paperId);
  await repo.updatePaper(trx, paperId, { public: isPublic });
  await recordAudit(trx, actor, {
    action: "paper.visibility",
    entityType: "paper",
    entityId: paperId,
    before: { public: paper.public },
    after: { public: isPublic },
  });
}

/**
 * Puts a new file in place of a paper's file (or gives a paper its first file), while its minutes
 * are still a draft: a secretary who attached the wrong version need not remove the paper.
 */
export async function replacePaperFile(
  trx: Trx,
  actor: Actor,
  paperId: number,
  upload: PaperInput["file"],
): Promise<void> {
  const paper = await paperToChange(trx, actor, paperId);
  const { meeting } = await meetingToChange(trx, actor, paper.meetingId);
  refuseIfMinutesFixed(meeting);
  if (!upload) throw new ValidationError({ file: "Choose the paper's new file" });
  const file = await checkFile(upload, { field: "file", label: "the paper" });
  await repo.updatePaper(trx, paperId, {
    file_name: file.fileName,
    media_type: file.mediaType,
    content: file.content,
  });
  await recordAudit(trx, actor, {
    action: "paper.file",
    entityType: "paper",
    entityId: paperId,
    // The files' names and kinds, never their content.
    before: { file: paper.fileName ? { name: paper.fileName, mediaType: paper.mediaType } : null },
    after: { file: { name: file.fileName, mediaType: file.mediaType, bytes: file.content.length } },
  });
}

export async function removePaper(trx: Trx, actor: Actor, paperId: number): Promise<void> {
  const paper = await paperToChange(trx, actor, paperId);
  const { meeting } = await meetingToChange(trx, actor, paper.meetingId);
  refuseIfMinutesFixed(meeting);
  await repo.deletePaper(trx, paperId);
  await recordAudit(trx, actor, {
    action: "paper.remove",
    entityType: "paper",
    entityId: paperId,
    before: paper,
  });
}
