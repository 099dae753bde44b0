import type { Actor } from "../../platform/actor.ts";
import { recordAudit, withoutVersion } from "../../platform/audit.ts";
import type { Db, Trx } from "../../platform/database.ts";
import { ConflictError, NotFoundError, StaleVersionError } from "../../platform/errors.ts";
import { authorize, can } from "../../platform/security/authorize.ts";
import * as repo from "./timeline.repository.ts";
import type {
  Audience,
  TimelineFilter,
  TimelineItem,
  TimelineItemInput,
  TimelineKind,
  TimelineStatus,
} from "./timeline.types.ts";
import { type ClashNotice, clashNotices, noticesFor } from "./timeline-clash.ts";
import { lastDayOf } from "./timeline-dates.ts";
import { checkInput, type TimelineChoices } from "./timeline-input.ts";

// The forward timeline's rules. Anyone reads published items; drafts are not found (404) unless
// the reader may edit the timeline (timeline.edit: programme editors and administrators), who
// add, change, publish and withdraw items. Every change is one conditional update on the item's
// version and is audited. Saving an item whose asks would clash with others (an audience asked
// more than the threshold in a week) is refused with ClashWarning, naming the other items, until
// the editor says to save anyway.

/**
 * Saving would give an audience too many asks at once. Nothing was saved; the form shows the
 * notices and a "Save anyway" button.
 */
export class ClashWarning extends ConflictError {
  readonly notices: ClashNotice[];

  constructor(notices: ClashNotice[]) {
    super(
      "Saving this would ask some people too many things at once. Check the other items, then save anyway if you still mean to.",
    );
    this.notices = notices;
  }
}

/** The audiences, in their order. Public. */
export async function listAudiences(db: Db): Promise<Audience[]> {
  return repo.listAudiences(db);
}

/** Everything the public filters and the editors' form choose from. Public: these are public registers. */
export async function listChoices(db: Db): Promise<TimelineChoices> {
  const [audiences, themes, groups, organisations] = await Promise.all([
    repo.listAudiences(db),
    repo.listThemes(db),
    repo.listGroups(db),
    repo.listOrganisations(db),
  ]);
  return { audiences, themes, groups, organisations };
}

async function assemble(db: Db, rows: repo.ItemRow[]): Promise<TimelineItem[]> {
  const links = await repo.listLinkRows(
    db,
    rows.map((r) => r.id),
  );
  const of = (list: repo.LinkRow[], id: number) =>
    list.filter((l) => l.item_id === id).map(({ id: linkId, slug, name }) => ({ id: linkId, slug, name }));
  const audiences = new Map((await repo.listAudiences(db)).map((a) => [a.id, a]));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    summary: r.summary,
    kind: r.kind as TimelineKind,
    organisation: { id: r.organisation_id, slug: r.organisation_slug, name: r.organisation_name },
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    approximate: r.approximate,
    status: r.status as TimelineStatus,
    link: r.link,
    published: r.published,
    version: r.version,
    audiences: of(links.audiences, r.id).map((a) => audiences.get(a.id) as Audience),
    themes: of(links.themes, r.id),
    groups: of(links.groups, r.id),
    updatedAt: r.updated_at,
  }));
}

function matches(item: TimelineItem, filter: TimelineFilter): boolean {
  if (filter.audience && !item.audiences.some((a) => a.slug === filter.audience)) return false;
  if (filter.theme && !item.themes.some((t) => t.slug === filter.theme)) return false;
  if (filter.kind && item.kind !== filter.kind) return false;
  if (filter.organisation && item.organisation.slug !== filter.organisation) return false;
  if (filter.from && lastDayOf(item) < filter.from) return false;
  return true;
}

/** The published timeline, filtered, by date, with every clash among all published items. Public. */
export async function listTimeline(
  db: Db,
  filter: TimelineFilter,
  threshold: number,
): Promise<{ items: TimelineItem[]; clashes: ClashNotice[] }> {
  const all = await assemble(db, await repo.listItemRows(db, false));
  const clashes = clashNotices(all, await repo.listAudiences(db), threshold);
  return { items: all.filter((i) => matches(i, filter)), clashes };
}

/** Every item, drafts too, for the editors' list (timeline.edit), with clashes among them all. */
export async function listForEditing(
  db: Db,
  actor: Actor,
  threshold: number,
): Promise<{ items: TimelineItem[]; clashes: ClashNotice[] }> {
  authorize(actor, "timeline.edit");
  const all = await assemble(db, await repo.listItemRows(db, true));
  return { items: all, clashes: clashNotices(all, await repo.listAudiences(db), threshold) };
}

/**
 * One item with the clashes it is part of. A draft is not found unless the reader may edit the
 * timeline; the public's clashes are among published items only.
 */
export async function getItem(
  db: Db,
  actor: Actor,
  id: number,
  threshold: number,
): Promise<{ item: TimelineItem; clashes: ClashNotice[] }> {
  const row = await repo.findItemRow(db, id);
  const editor = can(actor, "timeline.edit");
  if (!row || (!row.published && !editor))
    throw new NotFoundError("There is nothing on the timeline at this address.");
  const all = await assemble(db, await repo.listItemRows(db, editor));
  const item = all.find((i) => i.id === id) ?? (await assemble(db, [row]))[0];
  if (!item) throw new NotFoundError("There is nothing on the timeline at this address.");
  const clashes = noticesFor(id, clashNotices(all, await repo.listAudiences(db), threshold));
  return { item, clashes };
}

/** Refuses with ClashWarning when the item, as it would be saved, clashes with others. */
async function warnOfClashes(
  trx: Trx,
  itemId: number,
  checked: repo.ItemValues & repo.ItemLinks,
  choices: TimelineChoices,
  threshold: number,
): Promise<void> {
  // Drafts count too: they are plans that will land on the same people.
  const others = (await assemble(trx, await repo.listItemRows(trx, true))).filter((i) => i.id !== itemId);
  const proposed: TimelineItem = {
    id: itemId,
    title: checked.title,
    summary: checked.summary,
    kind: checked.kind as TimelineKind,
    organisation: { id: checked.organisation_id, slug: "", name: "" },
    startsOn: checked.starts_on,
    endsOn: checked.ends_on,
    approximate: checked.approximate,
    status: checked.status as TimelineStatus,
    link: checked.link,
    published: false,
    version: 0,
    audiences: choices.audiences.filter((a) => checked.audienceIds.includes(a.id)),
    themes: [],
    groups: [],
    updatedAt: new Date(0),
  };
  const notices = noticesFor(itemId, clashNotices([...others, proposed], choices.audiences, threshold));
  if (notices.length > 0) throw new ClashWarning(notices);
}

export interface SaveOptions {
  /** The clash threshold (config). */
  threshold: number;
  /** The editor has seen the clash warning and saves anyway. */
  saveAnyway: boolean;
}

function auditOf(item: TimelineItem) {
  return withoutVersion({
    title: item.title,
    summary: item.summary,
    kind: item.kind,
    organisation_id: item.organisation.id,
    starts_on: item.startsOn,
    ends_on: item.endsOn,
    approximate: item.approximate,
    status: item.status,
    link: item.link,
    published: item.published,
    audienceIds: item.audiences.map((a) => a.id),
    themeIds: item.themes.map((t) => t.id),
    groupIds: item.groups.map((g) => g.id),
    version: item.version,
  });
}

/** The id a new item has while its clashes are checked: after every saved one, so it is named last. */
const NEW_ITEM = Number.MAX_SAFE_INTEGER;

/** Adds a timeline item as a draft (timeline.edit). Returns its id. */
export async function addItem(
  trx: Trx,
  actor: Actor,
  input: TimelineItemInput,
  options: SaveOptions,
): Promise<number> {
  authorize(actor, "timeline.edit");
  const choices = await listChoices(trx);
  const checked = checkInput(input, choices);
  if (!options.saveAnyway) await warnOfClashes(trx, NEW_ITEM, checked, choices, options.threshold);
  const { audienceIds, themeIds, groupIds, ...values } = checked;
  const id = await repo.insertItem(trx, values);
  await repo.setLinks(trx, id, { audienceIds, themeIds, groupIds });
  await recordAudit(trx, actor, {
    action: "timeline_item.create",
    entityType: "timeline_item",
    entityId: id,
    after: { ...checked, published: false },
  });
  return id;
}

/** The item as its change form shows it (timeline.edit), drafts too. */
export async function getItemToChange(db: Db, actor: Actor, id: number): Promise<TimelineItem> {
  authorize(actor, "timeline.edit");
  const row = await repo.findItemRow(db, id);
  const item = row && (await assemble(db, [row]))[0];
  if (!item) throw new NotFoundError("There is nothing on the timeline at this address.");
  return item;
}

/**
 * Changes an item from a form made at `version` (timeline.edit); if it has changed since,
 * nothing is saved (StaleVersionError).
 */
export async function changeItem(
  trx: Trx,
  actor: Actor,
  id: number,
  version: number,
  input: TimelineItemInput,
  options: SaveOptions,
): Promise<void> {
  const before = await getItemToChange(trx, actor, id);
  const choices = await listChoices(trx);
  const checked = checkInput(input, choices);
  if (!(await repo.updateItem(trx, id, version, {}))) throw new StaleVersionError();
  if (!options.saveAnyway) await warnOfClashes(trx, id, checked, choices, options.threshold);
  const { audienceIds, themeIds, groupIds, ...values } = checked;
  await repo.writeItem(trx, id, values);
  await repo.setLinks(trx, id, { audienceIds, themeIds, groupIds });
  await recordAudit(trx, actor, {
    action: "timeline_item.change",
    entityType: "timeline_item",
    entityId: id,
    before: auditOf(before),
    after: { ...checked, published: before.published },
  });
}

/** Publishes an item, or takes it off the public timeline (back to a draft), from a page made at `version`. */
export async function setPublished(
  trx: Trx,
  actor: Actor,
  id: number,
  version: number,
  published: boolean,
): Promise<void> {
  const before = await getItemToChange(trx, actor, id);
  if (!(await repo.updateItem(trx, id, version, { published }))) throw new StaleVersionError();
  await recordAudit(trx, actor, {
    action: published ? "timeline_item.publish" : "timeline_item.unpublish",
    entityType: "timeline_item",
    entityId: id,
    before: { published: before.published },
    after: { published },
  });
}
