import type { Actor } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";
import { authorize } from "../../platform/security/authorize.ts";
import { itemOf } from "./edition-editing.guard.ts";
import * as repo from "./edition-editing.repository.ts";
import * as readRepo from "./route-map.repository.ts";
import { getEditionById, listSectors, toSummary } from "./route-map.service.ts";
import type { Edition, EditionSummary, Framework, Section, Sector } from "./route-map.types.ts";

// What the editing pages read: the editors' overview, an edition's edit page and an item's edit
// form. Editors only. The changes themselves are in edition-drafts.service.ts (start, details,
// publish, discard) and edition-items.service.ts (add, change, move, remove items).

export interface ManagedRouteMap {
  theme: { slug: string; name: string; foundationName: string };
  latest: EditionSummary | null;
  draft: EditionSummary | null;
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
      draft: draft ? toSummary(draft) : null,
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
  const row = await itemOf(db, editionId, itemId);
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
