import type { EditionItemRow } from "../../db/schema.ts";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Db, Trx } from "../../platform/database.ts";
import { type FieldErrors, ValidationError } from "../../platform/errors.ts";
import { authorize } from "../../platform/security/authorize.ts";
import {
  checkText,
  clean,
  optional,
  paragraph,
  parseId,
  refuse,
  type Submitted,
  short,
  type TextRule,
  throwIfInvalid,
} from "../../platform/validation.ts";
import { draftToChange, type EditionTarget, itemOf, takeVersion } from "./edition-editing.guard.ts";
import * as repo from "./edition-editing.repository.ts";
import { checkFramework, checkYear, isSection } from "./edition-editing.validation.ts";
import * as readRepo from "./route-map.repository.ts";
import type { Framework, Section } from "./route-map.types.ts";

// Changing the items of a draft edition: add, change, move and remove outcomes, actions and their
// sub-items, milestones, sectors, statements and mappings. Every function authorises first,
// checks the edition's version (optimistic concurrency), applies the rules, writes through the
// repository and records an audit event, all in the caller's transaction.

export interface ItemFields {
  text?: Submitted;
  pageRefs?: Submitted;
  year?: Submitted;
  framework?: Submitted;
  sectorId?: Submitted;
  parentId?: Submitted;
}

export interface AddItemInput extends EditionTarget, ItemFields {
  section: Submitted;
}

export interface ItemTarget extends EditionTarget {
  itemId: number;
}

async function checkSector(
  db: Db,
  errors: FieldErrors,
  editionId: number,
  value: Submitted,
  exceptItemId: number | null,
): Promise<number | null> {
  const id = parseId(clean(value));
  const sector = id === null ? undefined : await repo.findSector(db, id);
  if (!sector) return refuse(errors, "sectorId", "Choose a sector from the list");
  const items = await readRepo.listItems(db, editionId);
  if (items.some((i) => i.section === "sector" && i.sector_id === sector.id && i.id !== exceptItemId)) {
    return refuse(errors, "sectorId", `${sector.name} is already listed`);
  }
  return sector.id;
}

async function checkParent(
  db: Db,
  errors: FieldErrors,
  editionId: number,
  value: Submitted,
): Promise<number | null> {
  const text = clean(value);
  if (text === "") return null;
  const id = parseId(text);
  const parent = id === null ? undefined : await repo.findItem(db, id);
  if (
    !parent ||
    parent.edition_id !== editionId ||
    parent.section !== "action" ||
    parent.parent_id !== null
  ) {
    return refuse(
      errors,
      "parentId",
      "Choose one of this edition's main actions, or none to make this a main action",
    );
  }
  return parent.id;
}

/** The row values for an item's section, from the submitted fields; errors name the fields. */
async function itemValues(
  db: Db,
  editionId: number,
  section: Section,
  fields: ItemFields,
  exceptItemId: number | null,
): Promise<Pick<EditionItemRow, "text" | "page_refs" | "year" | "framework" | "sector_id">> {
  const errors: FieldErrors = {};
  const values = {
    text: "",
    page_refs: "",
    year: null as number | null,
    framework: null as Framework | null,
    sector_id: null as number | null,
  };
  const text = (rule: TextRule) => checkText(errors, "text", fields.text, rule);
  switch (section) {
    case "outcome":
      values.text = text(paragraph("outcome"));
      values.page_refs = checkText(errors, "pageRefs", fields.pageRefs, short("page references", optional));
      break;
    case "action":
      values.text = text(paragraph("action"));
      break;
    case "milestone":
      values.year = checkYear(errors, fields.year);
      values.text = text(paragraph("milestone"));
      break;
    case "sector":
      values.sector_id = await checkSector(db, errors, editionId, fields.sectorId, exceptItemId);
      break;
    case "helping":
      values.text = text(paragraph("statement", { emptyMessage: "Enter what is helping" }));
      break;
    case "what_matters":
      values.text = text(
        paragraph("statement", { emptyMessage: "Enter what matters to children and families" }),
      );
      break;
    case "mapping":
      values.framework = checkFramework(errors, fields.framework);
      values.text = text(
        short("mapping", { emptyMessage: "Enter the mapping, for example Articles 3; 4; 19" }),
      );
      break;
  }
  throwIfInvalid(errors);
  return values;
}

/** Adds an item to the end of its section (for a sub-item, the end of its parent's list). */
export async function addItem(
  trx: Trx,
  actor: Actor,
  input: AddItemInput,
): Promise<{ version: number; itemId: number; section: Section }> {
  authorize(actor, "route_map.edit");
  const edition = await draftToChange(trx, input);
  const section = clean(input.section);
  if (!isSection(section)) throw new ValidationError({ section: "Choose a section to add to" });
  const values = await itemValues(trx, edition.id, section, input, null);
  let parentId: number | null = null;
  if (section === "action") {
    const errors: FieldErrors = {};
    parentId = await checkParent(trx, errors, edition.id, input.parentId);
    throwIfInvalid(errors);
  }

  const after = await takeVersion(trx, input);
  const item = await repo.insertItem(trx, {
    edition_id: edition.id,
    section,
    parent_id: parentId,
    position: await repo.nextPosition(trx, edition.id, section),
    ...values,
  });
  await recordAudit(trx, actor, {
    action: "edition_item.add",
    entityType: "edition_item",
    entityId: item.id,
    after: item,
    requestId: input.requestId,
  });
  return { version: after.version, itemId: item.id, section };
}

/** Changes an item's text and other fields; its section, place and parent stay. */
export async function updateItem(
  trx: Trx,
  actor: Actor,
  input: ItemTarget & ItemFields,
): Promise<{ version: number; section: Section }> {
  authorize(actor, "route_map.edit");
  const edition = await draftToChange(trx, input);
  const before = await itemOf(trx, edition.id, input.itemId);
  const values = await itemValues(trx, edition.id, before.section, input, before.id);

  const after = await takeVersion(trx, input);
  const item = await repo.updateItem(trx, before.id, values);
  await recordAudit(trx, actor, {
    action: "edition_item.update",
    entityType: "edition_item",
    entityId: item.id,
    before,
    after: item,
    requestId: input.requestId,
  });
  return { version: after.version, section: item.section };
}

/**
 * Moves an item one place up or down within its list. At the top (or bottom) already, nothing
 * changes and the version stays, so the editor's other open forms remain valid.
 */
export async function moveItem(
  trx: Trx,
  actor: Actor,
  input: ItemTarget & { direction: Submitted },
): Promise<{ version: number; section: Section; moved: boolean }> {
  authorize(actor, "route_map.edit");
  const edition = await draftToChange(trx, input);
  const item = await itemOf(trx, edition.id, input.itemId);
  const direction = clean(input.direction);
  if (direction !== "up" && direction !== "down") {
    throw new ValidationError({ direction: "Choose whether to move the item up or down" });
  }
  const siblings = await repo.listSiblings(trx, item);
  const from = siblings.findIndex((s) => s.id === item.id);
  const to = direction === "up" ? from - 1 : from + 1;
  if (to < 0 || to >= siblings.length)
    return { version: edition.version, section: item.section, moved: false };

  const after = await takeVersion(trx, input);
  const order = [...siblings];
  [order[from], order[to]] = [order[to]!, order[from]!];
  // Renumber the list from its first position: robust even if earlier positions were equal.
  const base = siblings[0]!.position;
  for (const [index, sibling] of order.entries()) {
    if (sibling.position !== base + index) await repo.setPosition(trx, sibling.id, base + index);
  }
  await recordAudit(trx, actor, {
    action: "edition_item.move",
    entityType: "edition_item",
    entityId: item.id,
    before: { position: from, of: siblings.length },
    after: { position: to, of: siblings.length, direction },
    requestId: input.requestId,
  });
  return { version: after.version, section: item.section, moved: true };
}

/** Removes an item; an action's sub-items go with it. */
export async function deleteItem(
  trx: Trx,
  actor: Actor,
  input: ItemTarget,
): Promise<{ version: number; section: Section; removedSubItems: number }> {
  authorize(actor, "route_map.edit");
  const edition = await draftToChange(trx, input);
  const item = await itemOf(trx, edition.id, input.itemId);
  const removed = await repo.itemWithChildren(trx, item.id);

  const after = await takeVersion(trx, input);
  await repo.deleteItem(trx, item.id);
  await recordAudit(trx, actor, {
    action: "edition_item.delete",
    entityType: "edition_item",
    entityId: item.id,
    before: removed,
    requestId: input.requestId,
  });
  return { version: after.version, section: item.section, removedSubItems: removed.length - 1 };
}
