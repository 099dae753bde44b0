import type { EditionItemRow, EditionRow } from "../../db/schema.ts";
import type { Db, Trx } from "../../platform/database.ts";
import { ConflictError, ForbiddenError, NotFoundError } from "../../platform/errors.ts";
import * as repo from "./edition-editing.repository.ts";
import * as readRepo from "./route-map.repository.ts";

// What every change to an edition checks first, and the one write that guards it: the edition
// must exist, be a draft, and still be at the version the editor's form was made from
// (optimistic concurrency); the change then takes the next version, or fails as a conflict.

export const CONFLICT_MESSAGE =
  "Someone else saved this edition since you opened it. Your change has not been saved. " +
  "Here is the current version: check it, then make your change again.";

/** Which edition a change is for, and the version the editor's form was made from. */
export interface EditionTarget {
  editionId: number;
  /** The edition's version when the form was shown; a malformed (-1) or stale number is a conflict. */
  version: number;
  requestId?: string | undefined;
}

/**
 * The edition a change is for, if it may still be changed with the submitted version. Order
 * matters: a missing edition is "not found"; a stale version is a conflict, whatever happened
 * since; a published edition the editor saw as published is simply not editable.
 */
export async function draftToChange(db: Db, target: EditionTarget): Promise<EditionRow> {
  const row = await readRepo.findEdition(db, target.editionId);
  if (!row) throw new NotFoundError(`There is no edition ${target.editionId}. It may have been discarded.`);
  if (row.version !== target.version) {
    throw new ConflictError(
      row.status === "published"
        ? "Someone else published this edition since you opened it. Your change has not been saved. " +
            "Published editions cannot be changed: start a new edition to make more changes."
        : CONFLICT_MESSAGE,
    );
  }
  if (row.status !== "draft") {
    throw new ForbiddenError(
      "This edition is published, and published editions cannot be changed. Start a new edition to make changes.",
    );
  }
  return row;
}

/** Takes the next version, or fails with a conflict if someone else took it first. */
export async function takeVersion(
  trx: Trx,
  target: EditionTarget,
  changes: Parameters<typeof repo.bumpVersion>[3] = {},
): Promise<EditionRow> {
  const row = await repo.bumpVersion(trx, target.editionId, target.version, changes);
  if (!row) throw new ConflictError(CONFLICT_MESSAGE);
  return row;
}

/** An item of the edition; an item of another edition is not found through this one. */
export async function itemOf(db: Db, editionId: number, itemId: number): Promise<EditionItemRow> {
  const item = await repo.findItem(db, itemId);
  if (!item || item.edition_id !== editionId) {
    throw new NotFoundError(`There is no item ${itemId} in edition ${editionId}. It may have been removed.`);
  }
  return item;
}

/** An edition row as the audit trail keeps it: without its timestamps. */
export function editionAudit(row: EditionRow) {
  const { created_at: _created, updated_at: _updated, ...rest } = row;
  return rest;
}
