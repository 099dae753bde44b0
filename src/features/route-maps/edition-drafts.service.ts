import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Db, Trx } from "../../platform/database.ts";
import { fullDate, monthYear } from "../../platform/dates.ts";
import { type FieldErrors, NotFoundError, ValidationError } from "../../platform/errors.ts";
import { authorize } from "../../platform/security/authorize.ts";
import { isSlug } from "../../platform/slugs.ts";
import {
  checkDate,
  checkText,
  clean,
  optional,
  paragraph,
  type Submitted,
  short,
  type TextRule,
  throwIfInvalid,
} from "../../platform/validation.ts";
import { draftToChange, type EditionTarget, editionAudit, takeVersion } from "./edition-editing.guard.ts";
import * as repo from "./edition-editing.repository.ts";
import * as readRepo from "./route-map.repository.ts";
import type { EditionLayout } from "./route-map.types.ts";

// Changing an edition as a whole: start a draft, save its details, publish or discard it. Every
// function authorises first, checks the edition's version (optimistic concurrency), applies the
// rules, writes through the repository and records an audit event, all in the caller's
// transaction, so a refused change leaves nothing behind.

/** A new draft's label until the editor names it; publishing replaces it with the month and year. */
export const NEW_EDITION_LABEL = "New edition";

export interface DetailsInput extends EditionTarget {
  label: Submitted;
  introduction: Submitted;
  stateOfPlayTitle: Submitted;
  stateOfPlay: Submitted;
  ambitionSummary: Submitted;
  routeMapIntro: Submitted;
  layout: Submitted;
}

export interface PublishInput extends EditionTarget {
  day: Submitted;
  month: Submitted;
  year: Submitted;
}

/**
 * Starts a new edition of a route map as a draft: a copy of the latest published edition (every
 * item keeps its key, so the editions can be compared), or an empty draft if there is none. A
 * route map has at most one draft: if there is one already, it is returned with `created: false`.
 */
export async function startDraft(
  trx: Trx,
  actor: Actor,
  input: { themeSlug: string; requestId?: string | undefined },
): Promise<{ editionId: number; created: boolean }> {
  authorize(actor, "route_map.edit");
  const theme = isSlug(input.themeSlug) ? await readRepo.findThemeBySlug(trx, input.themeSlug) : undefined;
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
async function copyItems(trx: Trx, fromId: number, toId: number): Promise<number> {
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
  trx: Trx,
  actor: Actor,
  input: DetailsInput,
): Promise<{ version: number }> {
  authorize(actor, "route_map.edit");
  const before = await draftToChange(trx, input);
  const errors: FieldErrors = {};
  const text = (field: Exclude<keyof DetailsInput, keyof EditionTarget | "layout">, rule: TextRule) =>
    checkText(errors, field, input[field], rule);
  const label = text(
    "label",
    short("label", { emptyMessage: "Enter a label for this edition, for example December 2025" }),
  );
  const introduction = text("introduction", paragraph("introduction", optional));
  const stateOfPlayTitle = text(
    "stateOfPlayTitle",
    short("state of play heading", {
      emptyMessage: "Enter the state of play heading, for example Where is Scotland now?",
    }),
  );
  const stateOfPlay = text("stateOfPlay", paragraph("state of play", optional));
  const ambitionSummary = text("ambitionSummary", paragraph("2030 summary", optional));
  const routeMapIntro = text("routeMapIntro", paragraph("route map introduction", optional));
  const layout = clean(input.layout);
  if (layout !== "outcomes" && layout !== "ambitions") {
    errors.layout = "Choose how the 2030 section is set out: outcomes, or ambitions with page references";
  }
  throwIfInvalid(errors);

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

/**
 * Publishes a draft with its "last updated" date, which may not be before the previous edition's.
 * From then on the edition is public, is the route map's latest, and can no longer be changed.
 */
export async function publishEdition(
  trx: Trx,
  actor: Actor,
  input: PublishInput,
): Promise<{ themeSlug: string; label: string; lastUpdated: string }> {
  authorize(actor, "route_map.edit");
  const before = await draftToChange(trx, input);
  const errors: FieldErrors = {};
  const lastUpdated = checkDate(errors, "lastUpdated", input, "Enter the date this edition was last updated");
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
  trx: Trx,
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

/** A route map's draft edition, if it has one: its id and label (the importer leaves it alone). */
export async function findDraftOf(
  db: Db,
  themeId: number,
): Promise<{ id: number; label: string } | undefined> {
  const draft = await repo.findDraft(db, themeId);
  return draft && { id: draft.id, label: draft.label };
}
