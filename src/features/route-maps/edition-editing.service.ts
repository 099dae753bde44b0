import type { EditionItemRow, EditionRow, Framework, Section } from "../../db/schema.ts";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Db } from "../../platform/database.ts";
import {
  ConflictError,
  type FieldErrors,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from "../../platform/errors.ts";
import { authorize } from "../../platform/security/authorize.ts";
import * as repo from "./edition-editing.repository.ts";
import * as readRepo from "./route-map.repository.ts";
import { getEditionById, listSectors, toSummary } from "./route-map.service.ts";
import {
  type Edition,
  type EditionLayout,
  type EditionSummary,
  FRAMEWORKS,
  MILESTONE_YEARS,
  type Sector,
} from "./route-map.types.ts";
import { fullDate, monthYear } from "./views/format.ts";

// Changing route maps: start a draft edition, edit every section, publish or discard it.
// Every function authorises first, checks the edition's version (optimistic concurrency),
// applies the rules, writes through the repository and records an audit event, all in the
// caller's transaction, so a refused change leaves nothing behind.

/** Text limits: a heading or reference, and a paragraph. */
export const SHORT_TEXT = 200;
export const PARAGRAPH_TEXT = 10_000;

/** A new draft's label until the editor names it; publishing replaces it with the month and year. */
export const NEW_EDITION_LABEL = "New edition";

export const CONFLICT_MESSAGE =
  "Someone else saved this edition since you opened it. Your change has not been saved. " +
  "Here is the current version: check it, then make your change again.";

export const SECTIONS: readonly Section[] = [
  "outcome",
  "action",
  "milestone",
  "sector",
  "helping",
  "what_matters",
  "mapping",
];

export function isSection(value: unknown): value is Section {
  return typeof value === "string" && (SECTIONS as readonly string[]).includes(value);
}

/** Which edition a change is for, and the version the editor's form was made from. */
export interface EditionTarget {
  editionId: number;
  /** The edition's version when the form was shown; NaN or a stale number is a conflict. */
  version: number;
  requestId?: string | undefined;
}

/** Form fields as submitted: strings, or absent. The service checks and converts them. */
type Submitted = string | undefined;

export interface DetailsInput extends EditionTarget {
  label: Submitted;
  introduction: Submitted;
  stateOfPlayTitle: Submitted;
  stateOfPlay: Submitted;
  ambitionSummary: Submitted;
  routeMapIntro: Submitted;
  layout: Submitted;
}

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

export interface PublishInput extends EditionTarget {
  day: Submitted;
  month: Submitted;
  year: Submitted;
}

export interface ManagedRouteMap {
  theme: { slug: string; name: string; foundationName: string };
  latest: EditionSummary | null;
  draft: (EditionSummary & { updatedAt: Date }) | null;
}

/** One item as its edit form needs it. */
export interface EditableItem {
  id: number;
  section: Section;
  text: string;
  pageRefs: string;
  year: number | null;
  framework: Framework | null;
  sectorId: number | null;
  parentId: number | null;
}

export interface EditingView {
  edition: Edition;
  sectors: Sector[];
  /** The last-updated date of the latest published edition before this one, "YYYY-MM-DD". */
  previousLastUpdated: string | null;
}

// ---------------------------------------------------------------------------------------------
// Checking input

function clean(value: Submitted): string {
  // Postgres text cannot hold NUL, and lone surrogates are not text: drop the one, mend the other.
  return (value ?? "").toWellFormed().replace(/\r\n?/g, "\n").replaceAll("\u0000", "").trim();
}

/** Route-map slugs as the app makes them; anything else cannot name a route map. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Checks a text field; adds a message naming the field to `errors` and returns the clean text. */
function checkText(
  errors: FieldErrors,
  field: string,
  value: Submitted,
  rule: { what: string; limit: number; required: boolean; emptyMessage?: string },
): string {
  const text = clean(value);
  if (rule.required && text === "") errors[field] = rule.emptyMessage ?? `Enter the ${rule.what}`;
  else if (text.length > rule.limit) {
    errors[field] =
      `The ${rule.what} must be ${rule.limit.toLocaleString("en-GB")} characters or fewer; it has ${text.length.toLocaleString("en-GB")}`;
  }
  return text;
}

/** A whole number written in a form, or null. Bounded so it always fits a database integer. */
function wholeNumber(value: Submitted): number | null {
  const text = clean(value);
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}

/** Ids in URLs: anything but a positive whole number that fits an integer is "not found". */
export function parseId(value: unknown): number | null {
  if (typeof value !== "string" || !/^[1-9]\d{0,9}$/.test(value)) return null;
  const id = Number(value);
  return id <= 2_147_483_647 ? id : null;
}

function checkYear(errors: FieldErrors, value: Submitted): number | null {
  const year = wholeNumber(value);
  if (year === null || !(MILESTONE_YEARS as readonly number[]).includes(year)) {
    errors.year = `Choose a year from ${MILESTONE_YEARS[0]} to ${MILESTONE_YEARS[MILESTONE_YEARS.length - 1]}`;
    return null;
  }
  return year;
}

function checkFramework(errors: FieldErrors, value: Submitted): Framework | null {
  const found = FRAMEWORKS.find((f) => f.code === clean(value));
  if (!found) {
    errors.framework = "Choose one of the four frameworks";
    return null;
  }
  return found.code;
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
  if (!sector) {
    errors.sectorId = "Choose a sector from the list";
    return null;
  }
  const items = await readRepo.listItems(db, editionId);
  if (items.some((i) => i.section === "sector" && i.sector_id === sector.id && i.id !== exceptItemId)) {
    errors.sectorId = `${sector.name} is already listed`;
    return null;
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
    errors.parentId = "Choose one of this edition's main actions, or none to make this a main action";
    return null;
  }
  return parent.id;
}

function paragraph(what: string, required = true) {
  return { what, limit: PARAGRAPH_TEXT, required };
}

function short(what: string, required = true) {
  return { what, limit: SHORT_TEXT, required };
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
  switch (section) {
    case "outcome":
      values.text = checkText(errors, "text", fields.text, paragraph("outcome"));
      values.page_refs = checkText(errors, "pageRefs", fields.pageRefs, short("page references", false));
      break;
    case "action":
      values.text = checkText(errors, "text", fields.text, paragraph("action"));
      break;
    case "milestone":
      values.year = checkYear(errors, fields.year);
      values.text = checkText(errors, "text", fields.text, paragraph("milestone"));
      break;
    case "sector":
      values.sector_id = await checkSector(db, errors, editionId, fields.sectorId, exceptItemId);
      break;
    case "helping":
      values.text = checkText(errors, "text", fields.text, {
        ...paragraph("statement"),
        emptyMessage: "Enter what is helping",
      });
      break;
    case "what_matters":
      values.text = checkText(errors, "text", fields.text, {
        ...paragraph("statement"),
        emptyMessage: "Enter what matters to children and families",
      });
      break;
    case "mapping":
      values.framework = checkFramework(errors, fields.framework);
      values.text = checkText(errors, "text", fields.text, {
        ...short("mapping"),
        emptyMessage: "Enter the mapping, for example Articles 3; 4; 19",
      });
      break;
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return values;
}

// ---------------------------------------------------------------------------------------------
// Loading and guarding the edition

/**
 * The edition a change is for, if it may still be changed with the submitted version. Order
 * matters: a missing edition is "not found"; a stale version is a conflict, whatever happened
 * since; a published edition the editor saw as published is simply not editable.
 */
async function draftToChange(db: Db, target: EditionTarget): Promise<EditionRow> {
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
async function takeVersion(
  trx: Db,
  target: EditionTarget,
  changes: Parameters<typeof repo.bumpVersion>[3] = {},
): Promise<EditionRow> {
  const row = await repo.bumpVersion(trx, target.editionId, target.version, changes);
  if (!row) throw new ConflictError(CONFLICT_MESSAGE);
  return row;
}

async function itemOf(db: Db, edition: EditionRow, itemId: number): Promise<EditionItemRow> {
  const item = await repo.findItem(db, itemId);
  if (!item || item.edition_id !== edition.id) {
    throw new NotFoundError(`There is no item ${itemId} in edition ${edition.id}. It may have been removed.`);
  }
  return item;
}

function editionAudit(row: EditionRow) {
  const { created_at: _created, updated_at: _updated, ...rest } = row;
  return rest;
}

// ---------------------------------------------------------------------------------------------
// Reading, for the editing pages

/** Every route map with its latest published edition and its draft, for the editors' overview. */
export async function listRouteMapsForEditing(db: Db, actor: Actor): Promise<ManagedRouteMap[]> {
  authorize(actor, "route_map.edit");
  const [themes, latest, drafts] = await Promise.all([
    readRepo.listThemes(db),
    readRepo.latestPublishedEditions(db),
    repo.listDrafts(db),
  ]);
  const latestByTheme = new Map(latest.map((e) => [e.theme_id, e]));
  const draftByTheme = new Map(drafts.map((e) => [e.theme_id, e]));
  return themes.map((t) => {
    const published = latestByTheme.get(t.id);
    const draft = draftByTheme.get(t.id);
    return {
      theme: { slug: t.slug, name: t.name, foundationName: t.foundation_name },
      latest: published ? toSummary(published) : null,
      draft: draft ? { ...toSummary(draft), updatedAt: draft.updated_at } : null,
    };
  });
}

/** An edition with everything its edit page needs. Editors only. */
export async function getEditionForEditing(db: Db, actor: Actor, editionId: number): Promise<EditingView> {
  authorize(actor, "route_map.edit");
  const edition = await getEditionById(db, actor, editionId);
  const row = (await readRepo.findEdition(db, editionId))!;
  const [sectors, previous] = await Promise.all([
    listSectors(db),
    repo.findLatestPublished(db, row.theme_id, row.id),
  ]);
  return { edition, sectors, previousLastUpdated: previous?.last_updated ?? null };
}

/** One item of an edition, for its edit form. Editors only. */
export async function getItemForEditing(
  db: Db,
  actor: Actor,
  editionId: number,
  itemId: number,
): Promise<{ view: EditingView; item: EditableItem }> {
  const view = await getEditionForEditing(db, actor, editionId);
  const row = await repo.findItem(db, itemId);
  if (!row || row.edition_id !== editionId) {
    throw new NotFoundError(`There is no item ${itemId} in edition ${editionId}. It may have been removed.`);
  }
  return {
    view,
    item: {
      id: row.id,
      section: row.section,
      text: row.text,
      pageRefs: row.page_refs,
      year: row.year,
      framework: row.framework,
      sectorId: row.sector_id,
      parentId: row.parent_id,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Changing

/**
 * Starts a new edition of a route map as a draft: a copy of the latest published edition (every
 * item keeps its key, so the editions can be compared), or an empty draft if there is none. A
 * route map has at most one draft: if there is one already, it is returned with `created: false`.
 */
export async function startDraft(
  trx: Db,
  actor: Actor,
  input: { themeSlug: string; requestId?: string | undefined },
): Promise<{ editionId: number; created: boolean }> {
  authorize(actor, "route_map.edit");
  const theme =
    input.themeSlug.length <= 100 && SLUG.test(input.themeSlug)
      ? await readRepo.findThemeBySlug(trx, input.themeSlug)
      : undefined;
  if (!theme) throw new NotFoundError(`There is no route map called "${input.themeSlug}".`);
  await repo.lockTheme(trx, theme.id);
  const existing = await repo.findDraft(trx, theme.id);
  if (existing) return { editionId: existing.id, created: false };

  const source = await repo.findLatestPublished(trx, theme.id);
  const edition = await repo.insertEdition(trx, {
    theme_id: theme.id,
    status: "draft",
    layout: source?.layout ?? "outcomes",
    label: NEW_EDITION_LABEL,
    last_updated: null,
    introduction: source?.introduction ?? "",
    state_of_play_title: source?.state_of_play_title ?? "Where is Scotland now?",
    state_of_play: source?.state_of_play ?? "",
    ambition_summary: source?.ambition_summary ?? "",
    route_map_intro: source?.route_map_intro ?? "",
    copied_from_id: source?.id ?? null,
    published_at: null,
    source: null,
  });
  const copied = source ? await copyItems(trx, source.id, edition.id) : 0;
  await recordAudit(trx, actor, {
    action: "route_map_edition.start_draft",
    entityType: "route_map_edition",
    entityId: edition.id,
    after: { ...editionAudit(edition), copiedItems: copied },
    requestId: input.requestId,
  });
  return { editionId: edition.id, created: true };
}

/** Copies every item, parents before their children, keeping keys and remapping parent links. */
async function copyItems(trx: Db, fromId: number, toId: number): Promise<number> {
  const items = await readRepo.listItems(trx, fromId);
  const newIdByOldId = new Map<number, number>();
  let pending = items;
  while (pending.length > 0) {
    const ready = pending.filter((i) => i.parent_id === null || newIdByOldId.has(i.parent_id));
    if (ready.length === 0) break; // a parent outside the edition cannot happen; never loop forever
    const inserted = await repo.insertItems(
      trx,
      ready.map((i) => ({
        edition_id: toId,
        section: i.section,
        key: i.key,
        parent_id: i.parent_id === null ? null : newIdByOldId.get(i.parent_id)!,
        position: i.position,
        text: i.text,
        page_refs: i.page_refs,
        year: i.year,
        framework: i.framework,
        sector_id: i.sector_id,
      })),
    );
    const newIdByKey = new Map(inserted.map((r) => [r.key, r.id]));
    for (const i of ready) newIdByOldId.set(i.id, newIdByKey.get(i.key)!);
    pending = pending.filter((i) => !newIdByOldId.has(i.id));
  }
  return newIdByOldId.size;
}

/** Saves the edition's own text: label, introduction, state of play, summaries and layout. */
export async function updateDetails(
  trx: Db,
  actor: Actor,
  input: DetailsInput,
): Promise<{ version: number }> {
  authorize(actor, "route_map.edit");
  const before = await draftToChange(trx, input);
  const errors: FieldErrors = {};
  const label = checkText(errors, "label", input.label, {
    ...short("label"),
    emptyMessage: "Enter a label for this edition, for example December 2025",
  });
  const introduction = checkText(
    errors,
    "introduction",
    input.introduction,
    paragraph("introduction", false),
  );
  const stateOfPlayTitle = checkText(errors, "stateOfPlayTitle", input.stateOfPlayTitle, {
    ...short("state of play heading"),
    emptyMessage: "Enter the state of play heading, for example Where is Scotland now?",
  });
  const stateOfPlay = checkText(errors, "stateOfPlay", input.stateOfPlay, paragraph("state of play", false));
  const ambitionSummary = checkText(
    errors,
    "ambitionSummary",
    input.ambitionSummary,
    paragraph("2030 summary", false),
  );
  const routeMapIntro = checkText(
    errors,
    "routeMapIntro",
    input.routeMapIntro,
    paragraph("route map introduction", false),
  );
  const layout = clean(input.layout);
  if (layout !== "outcomes" && layout !== "ambitions") {
    errors.layout = "Choose how the 2030 section is set out: outcomes, or ambitions with page references";
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);

  const after = await takeVersion(trx, input, {
    label,
    introduction,
    state_of_play_title: stateOfPlayTitle,
    state_of_play: stateOfPlay,
    ambition_summary: ambitionSummary,
    route_map_intro: routeMapIntro,
    layout: layout as EditionLayout,
  });
  await recordAudit(trx, actor, {
    action: "route_map_edition.update_details",
    entityType: "route_map_edition",
    entityId: after.id,
    before: editionAudit(before),
    after: editionAudit(after),
    requestId: input.requestId,
  });
  return { version: after.version };
}

/** Adds an item to the end of its section (for a sub-item, the end of its parent's list). */
export async function addItem(
  trx: Db,
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
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
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
  trx: Db,
  actor: Actor,
  input: ItemTarget & ItemFields,
): Promise<{ version: number; section: Section }> {
  authorize(actor, "route_map.edit");
  const edition = await draftToChange(trx, input);
  const before = await itemOf(trx, edition, input.itemId);
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
  trx: Db,
  actor: Actor,
  input: ItemTarget & { direction: Submitted },
): Promise<{ version: number; section: Section; moved: boolean }> {
  authorize(actor, "route_map.edit");
  const edition = await draftToChange(trx, input);
  const item = await itemOf(trx, edition, input.itemId);
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
  trx: Db,
  actor: Actor,
  input: ItemTarget,
): Promise<{ version: number; section: Section; removedSubItems: number }> {
  authorize(actor, "route_map.edit");
  const edition = await draftToChange(trx, input);
  const item = await itemOf(trx, edition, input.itemId);
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

/** Checks day, month and year as typed; returns "YYYY-MM-DD". */
function checkDate(errors: FieldErrors, field: string, input: PublishInput): string | null {
  const day = clean(input.day);
  const month = clean(input.month);
  const year = clean(input.year);
  if (!day && !month && !year) {
    errors[field] = "Enter the date this edition was last updated";
    return null;
  }
  const missing = [!day && "day", !month && "month", !year && "year"].filter(Boolean);
  if (missing.length > 0) {
    errors[field] = `The date must include a ${missing.join(" and a ")}`;
    return null;
  }
  const number = (v: string) => (/^\d{1,4}$/.test(v) ? Number(v) : Number.NaN);
  const [d, m, y] = [number(day), number(month), number(year)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (
    !Number.isInteger(d) ||
    !Number.isInteger(m) ||
    !Number.isInteger(y) ||
    y < 2000 ||
    y > 2100 ||
    date.getUTCFullYear() !== y ||
    date.getUTCMonth() !== m - 1 ||
    date.getUTCDate() !== d
  ) {
    errors[field] = "Enter a real date, for example 1 12 2025";
    return null;
  }
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * Publishes a draft with its "last updated" date, which may not be before the previous edition's.
 * From then on the edition is public, is the route map's latest, and can no longer be changed.
 */
export async function publishEdition(
  trx: Db,
  actor: Actor,
  input: PublishInput,
): Promise<{ themeSlug: string; label: string; lastUpdated: string }> {
  authorize(actor, "route_map.edit");
  const before = await draftToChange(trx, input);
  const errors: FieldErrors = {};
  const lastUpdated = checkDate(errors, "lastUpdated", input);
  if (lastUpdated) {
    const previous = await repo.findLatestPublished(trx, before.theme_id, before.id);
    if (previous?.last_updated && lastUpdated < previous.last_updated) {
      errors.lastUpdated = `The date must be on or after ${fullDate(previous.last_updated)}, when the previous edition was last updated`;
    }
  }
  if (Object.keys(errors).length > 0 || !lastUpdated) throw new ValidationError(errors);

  const label = before.label === NEW_EDITION_LABEL ? monthYear(lastUpdated) : before.label;
  // One statement: the version check sees the draft, the row it leaves is published.
  const after = await takeVersion(trx, input, {
    label,
    last_updated: lastUpdated,
    status: "published",
    published_at: new Date(),
  });
  await recordAudit(trx, actor, {
    action: "route_map_edition.publish",
    entityType: "route_map_edition",
    entityId: after.id,
    before: editionAudit(before),
    after: editionAudit(after),
    requestId: input.requestId,
  });
  const theme = (await readRepo.findThemeById(trx, after.theme_id))!;
  return { themeSlug: theme.slug, label: after.label, lastUpdated };
}

/** Deletes a draft and all its items. The audit event keeps a full copy of what was discarded. */
export async function discardDraft(
  trx: Db,
  actor: Actor,
  input: EditionTarget,
): Promise<{ themeSlug: string; themeName: string }> {
  authorize(actor, "route_map.edit");
  const before = await draftToChange(trx, input);
  const items = await readRepo.listItems(trx, before.id);
  await takeVersion(trx, input);
  await repo.deleteEdition(trx, before.id);
  await recordAudit(trx, actor, {
    action: "route_map_edition.discard",
    entityType: "route_map_edition",
    entityId: before.id,
    before: { ...editionAudit(before), items },
    requestId: input.requestId,
  });
  const theme = (await readRepo.findThemeById(trx, before.theme_id))!;
  return { themeSlug: theme.slug, themeName: theme.name };
}
