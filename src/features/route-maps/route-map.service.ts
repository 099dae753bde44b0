import type { EditionItemRow, EditionRow, EditionStatus } from "../../db/schema.ts";
import type { Actor } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";
import { NotFoundError } from "../../platform/errors.ts";
import { can } from "../../platform/security/authorize.ts";
import * as repo from "./route-map.repository.ts";
import {
  type ActionItem,
  type Counts,
  type Edition,
  type EditionSummary,
  type FoundationView,
  FRAMEWORKS,
  MILESTONE_YEARS,
  type ProgrammeView,
  type Sector,
  type TextItem,
  type ThemeSummary,
} from "./route-map.types.ts";

function visibleStatuses(actor: Actor): EditionStatus[] {
  return can(actor, "route_map.read_draft") ? ["published", "draft"] : ["published"];
}

export function toSummary(row: EditionRow): EditionSummary {
  return {
    id: row.id,
    status: row.status,
    layout: row.layout,
    label: row.label,
    lastUpdated: row.last_updated,
    version: row.version,
  };
}

function textItem(row: EditionItemRow): TextItem {
  return { id: row.id, key: row.key, text: row.text };
}

/** Builds the full edition from its row and its items. */
function assembleEdition(
  row: EditionRow,
  theme: repo.ThemeRow,
  items: EditionItemRow[],
  sectors: Map<number, { slug: string; name: string }>,
): Edition {
  const of = (section: EditionItemRow["section"]) => items.filter((i) => i.section === section);
  const actionRows = of("action");
  const actions: ActionItem[] = actionRows
    .filter((a) => a.parent_id === null)
    .map((a) => ({
      ...textItem(a),
      children: actionRows.filter((c) => c.parent_id === a.id).map(textItem),
    }));
  return {
    ...toSummary(row),
    theme: {
      slug: theme.slug,
      name: theme.name,
      foundationSlug: theme.foundation_slug,
      foundationName: theme.foundation_name,
    },
    introduction: row.introduction,
    stateOfPlayTitle: row.state_of_play_title,
    stateOfPlay: row.state_of_play,
    ambitionSummary: row.ambition_summary,
    routeMapIntro: row.route_map_intro,
    copiedFromId: row.copied_from_id,
    updatedAt: row.updated_at,
    outcomes: of("outcome").map((o) => ({ ...textItem(o), pageRefs: o.page_refs })),
    actions,
    milestones: MILESTONE_YEARS.map((year) => ({
      year,
      items: of("milestone")
        .filter((m) => m.year === year)
        .map(textItem),
    })),
    sectors: of("sector").map((s) => ({
      id: s.id,
      key: s.key,
      sectorId: s.sector_id!,
      slug: sectors.get(s.sector_id!)?.slug ?? "",
      name: sectors.get(s.sector_id!)?.name ?? "",
    })),
    helping: of("helping").map(textItem),
    whatMatters: of("what_matters").map(textItem),
    mappings: FRAMEWORKS.map(({ code, label }) => ({
      framework: code,
      label,
      items: of("mapping")
        .filter((m) => m.framework === code)
        .map(textItem),
    })),
  };
}

/** Whole editions in two queries however many there are: their items, then the sectors named. */
async function loadEditions(
  db: Db,
  rows: EditionRow[],
  themeOf: (row: EditionRow) => repo.ThemeRow,
): Promise<Edition[]> {
  const items = await repo.listItems(
    db,
    rows.map((r) => r.id),
  );
  const sectorIds = [...new Set(items.flatMap((i) => (i.sector_id === null ? [] : [i.sector_id])))];
  const sectors = new Map((await repo.sectorNames(db, sectorIds)).map((s) => [s.id, s]));
  return rows.map((row) =>
    assembleEdition(
      row,
      themeOf(row),
      items.filter((i) => i.edition_id === row.id),
      sectors,
    ),
  );
}

async function loadEdition(db: Db, row: EditionRow, theme: repo.ThemeRow): Promise<Edition> {
  const [edition] = await loadEditions(db, [row], () => theme);
  return edition!;
}

async function themeOrNotFound(db: Db, slug: string): Promise<repo.ThemeRow> {
  const theme = await repo.findThemeBySlug(db, slug);
  if (!theme) throw new NotFoundError(`There is no route map called "${slug}".`);
  return theme;
}

function countsByEdition(rows: Awaited<ReturnType<typeof repo.countItems>>): Map<number, Counts> {
  const counts = new Map<number, Counts>();
  for (const row of rows) {
    const c = counts.get(row.edition_id) ?? { outcomes: 0, actions: 0, milestones: 0 };
    if (row.section === "outcome") c.outcomes = row.n;
    if (row.section === "action") c.actions = row.n;
    if (row.section === "milestone") c.milestones = row.n;
    counts.set(row.edition_id, c);
  }
  return counts;
}

/** The programme with its foundations and themes, each theme with its latest published edition. Public. */
export async function getProgramme(db: Db): Promise<ProgrammeView> {
  const programme = await repo.findProgramme(db);
  if (!programme)
    throw new NotFoundError("There is no programme yet. Run `npx waymark demo` to load the demo data.");
  const [foundations, themes, latest] = await Promise.all([
    repo.listFoundations(db),
    repo.listThemes(db),
    repo.latestPublishedEditions(db),
  ]);
  const counts = countsByEdition(
    await repo.countItems(
      db,
      latest.map((e) => e.id),
    ),
  );
  const latestByTheme = new Map(latest.map((e) => [e.theme_id, e]));
  const summaries: ThemeSummary[] = themes.map((t) => {
    const edition = latestByTheme.get(t.id);
    return {
      slug: t.slug,
      name: t.name,
      summary: t.summary,
      foundationSlug: t.foundation_slug,
      latest: edition
        ? {
            ...toSummary(edition),
            counts: counts.get(edition.id) ?? { outcomes: 0, actions: 0, milestones: 0 },
          }
        : null,
    };
  });
  return {
    slug: programme.slug,
    name: programme.name,
    summary: programme.summary,
    startYear: programme.start_year,
    endYear: programme.end_year,
    foundations: foundations.map(
      (f): FoundationView => ({
        slug: f.slug,
        name: f.name,
        summary: f.summary,
        themes: summaries.filter((t) => t.foundationSlug === f.slug),
      }),
    ),
  };
}

/** One foundation with its themes. Public. */
export async function getFoundation(db: Db, slug: string): Promise<FoundationView> {
  const programme = await getProgramme(db);
  const foundation = programme.foundations.find((f) => f.slug === slug);
  if (!foundation) throw new NotFoundError(`There is no foundation called "${slug}".`);
  return foundation;
}

/** The editions of a route map the actor may see, newest first (a draft, if visible, comes first). */
export async function listEditions(
  db: Db,
  actor: Actor,
  themeSlug: string,
): Promise<{ theme: { slug: string; name: string }; editions: EditionSummary[] }> {
  const theme = await themeOrNotFound(db, themeSlug);
  const rows = await repo.listEditions(db, theme.id, visibleStatuses(actor));
  return { theme: { slug: theme.slug, name: theme.name }, editions: rows.map(toSummary) };
}

/** The latest published edition of a route map, with every section. Public. */
export async function getLatestEdition(db: Db, themeSlug: string): Promise<Edition> {
  const theme = await themeOrNotFound(db, themeSlug);
  const [row] = await repo.listEditions(db, theme.id, ["published"]);
  if (!row) throw new NotFoundError(`The ${theme.name} route map has not been published yet.`);
  return loadEdition(db, row, theme);
}

/**
 * One edition at its stable address. A draft is answered as "not found" to anyone who may not
 * read drafts, so its existence does not leak.
 */
export async function getEdition(
  db: Db,
  actor: Actor,
  themeSlug: string,
  editionId: number,
): Promise<Edition> {
  const theme = await themeOrNotFound(db, themeSlug);
  const row = await repo.findEdition(db, editionId);
  if (!row || row.theme_id !== theme.id || !visibleStatuses(actor).includes(row.status)) {
    throw new NotFoundError(`There is no edition ${editionId} of the ${theme.name} route map.`);
  }
  return loadEdition(db, row, theme);
}

/** Loads an edition by id alone (for editing pages and the CLI export); drafts need permission. */
export async function getEditionById(db: Db, actor: Actor, editionId: number): Promise<Edition> {
  const row = await repo.findEdition(db, editionId);
  if (!row || !visibleStatuses(actor).includes(row.status)) {
    throw new NotFoundError(`There is no edition ${editionId}.`);
  }
  const theme = await repo.findThemeById(db, row.theme_id);
  return loadEdition(db, row, theme!);
}

export async function listSectors(db: Db): Promise<Sector[]> {
  return (await repo.listSectors(db)).map((s) => ({ id: s.id, slug: s.slug, name: s.name }));
}

export interface SectorActions {
  sector: Sector;
  routeMaps: Array<{ edition: Edition }>;
}

/** Every action in every route map (latest published edition) where the sector must act. Public. */
export async function getSectorActions(db: Db, slug: string): Promise<SectorActions> {
  const sector = await repo.findSectorBySlug(db, slug);
  if (!sector) throw new NotFoundError(`There is no sector called "${slug}".`);
  const latest = await repo.latestPublishedEditions(db);
  const naming = new Set(
    (
      await repo.editionIdsNamingSector(
        db,
        sector.id,
        latest.map((e) => e.id),
      )
    ).map((r) => r.edition_id),
  );
  const themes = new Map((await repo.listThemes(db)).map((t) => [t.id, t]));
  const editions = await loadEditions(
    db,
    latest.filter((e) => naming.has(e.id)),
    (row) => themes.get(row.theme_id)!,
  );
  const routeMaps = editions.map((edition) => ({ edition }));
  routeMaps.sort((a, b) => a.edition.theme.name.localeCompare(b.edition.theme.name));
  return { sector: { id: sector.id, slug: sector.slug, name: sector.name }, routeMaps };
}

export interface SectorSummary extends Sector {
  /** Route maps whose latest published edition names the sector among who must act. */
  routeMaps: number;
  /** Actions (not counting sub-items) in those route maps. */
  actions: number;
}

/** Every sector with the number of route maps (latest published editions) naming it and their actions. Public. */
export async function listSectorSummaries(db: Db): Promise<SectorSummary[]> {
  const [sectors, latest] = await Promise.all([repo.listSectors(db), repo.latestPublishedEditions(db)]);
  const ids = latest.map((e) => e.id);
  const [named, counted] = await Promise.all([
    repo.sectorsNamedInEditions(db, ids),
    repo.countItems(db, ids),
  ]);
  const counts = countsByEdition(counted);
  const editionsBySector = new Map<number, Set<number>>();
  for (const row of named) {
    if (row.sector_id === null) continue;
    const editions = editionsBySector.get(row.sector_id) ?? new Set<number>();
    editions.add(row.edition_id);
    editionsBySector.set(row.sector_id, editions);
  }
  return sectors.map((s) => {
    const editions = [...(editionsBySector.get(s.id) ?? [])];
    return {
      id: s.id,
      slug: s.slug,
      name: s.name,
      routeMaps: editions.length,
      actions: editions.reduce((n, id) => n + (counts.get(id)?.actions ?? 0), 0),
    };
  });
}

// Small reads other features make through route maps rather than its repository (the demo, the
// importer, governance's actions).

/** The programme's name, or undefined while the database holds no programme. */
export async function findProgrammeName(db: Db): Promise<string | undefined> {
  return (await repo.findProgramme(db))?.name;
}

/** Every theme (route map), in the programme's order: its id, address and name. */
export async function listThemeNames(db: Db): Promise<Array<{ id: number; slug: string; name: string }>> {
  return (await repo.listThemes(db)).map((t) => ({ id: t.id, slug: t.slug, name: t.name }));
}

/** One theme by its address, or undefined. */
export async function findThemeName(
  db: Db,
  slug: string,
): Promise<{ id: number; slug: string; name: string } | undefined> {
  const theme = await repo.findThemeBySlug(db, slug);
  return theme && { id: theme.id, slug: theme.slug, name: theme.name };
}

/** The version an edition is at (a change must send it), or undefined if there is no such edition. */
export async function findEditionVersion(db: Db, editionId: number): Promise<number | undefined> {
  return (await repo.findEdition(db, editionId))?.version;
}

/** The stable key of one of an edition's items, or undefined. */
export async function findItemKey(db: Db, editionId: number, itemId: number): Promise<string | undefined> {
  return (await repo.listItems(db, editionId)).find((i) => i.id === itemId)?.key;
}
