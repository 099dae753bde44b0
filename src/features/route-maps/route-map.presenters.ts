import type { Static } from "typebox";
import { API_ROOT, type FoundationReference, type ThemeReference } from "../../platform/api/common.schema.ts";
import type { ComparedItem, Comparison, DiffPart } from "./comparison.schema.ts";
import type { Action, Edition, EditionList, EditionSummary, Item } from "./edition.schema.ts";
import type {
  ComparedItem as ComparedItemView,
  DiffPart as DiffPartView,
  EditionComparison,
} from "./edition-compare.ts";
import type { Foundation, FoundationList } from "./foundation.schema.ts";
import type { Programme } from "./programme.schema.ts";
import type { SectorActions as SectorActionsView } from "./route-map.service.ts";
import type {
  ActionItem,
  EditionSummary as EditionSummaryView,
  Edition as EditionView,
  FoundationView,
  ProgrammeView,
  Sector as SectorView,
  TextItem,
  ThemeSummary as ThemeSummaryView,
} from "./route-map.types.ts";
import type { Sector, SectorActions, SectorList } from "./sector.schema.ts";
import type { Theme, ThemeList, ThemeSummary } from "./theme.schema.ts";

// Presenters decide what JSON leaves the app: each takes domain types from the route-map services
// and returns exactly what its schema describes (the types are the schemas' static types).

const segment = (value: string | number) => encodeURIComponent(String(value));

export const apiUrls = {
  programme: () => `${API_ROOT}/programme`,
  foundations: () => `${API_ROOT}/foundations`,
  foundation: (slug: string) => `${API_ROOT}/foundations/${segment(slug)}`,
  themes: () => `${API_ROOT}/themes`,
  theme: (slug: string) => `${API_ROOT}/themes/${segment(slug)}`,
  editions: (slug: string) => `${API_ROOT}/themes/${segment(slug)}/editions`,
  edition: (slug: string, id: number) => `${API_ROOT}/themes/${segment(slug)}/editions/${segment(id)}`,
  compare: (slug: string) => `${API_ROOT}/themes/${segment(slug)}/compare`,
  sectors: () => `${API_ROOT}/sectors`,
  sector: (slug: string) => `${API_ROOT}/sectors/${segment(slug)}`,
};

function foundationReference(slug: string, name: string): Static<typeof FoundationReference> {
  return { slug, name, url: apiUrls.foundation(slug) };
}

function themeReference(slug: string, name: string): Static<typeof ThemeReference> {
  return { slug, name, url: apiUrls.theme(slug) };
}

export function presentEditionSummary(
  themeSlug: string,
  e: EditionSummaryView,
): Static<typeof EditionSummary> {
  return {
    id: e.id,
    status: e.status,
    layout: e.layout,
    label: e.label,
    lastUpdated: e.lastUpdated,
    version: e.version,
    url: apiUrls.edition(themeSlug, e.id),
  };
}

function presentThemeSummary(t: ThemeSummaryView, foundationName: string): Static<typeof ThemeSummary> {
  return {
    slug: t.slug,
    name: t.name,
    summary: t.summary,
    foundation: foundationReference(t.foundationSlug, foundationName),
    url: apiUrls.theme(t.slug),
    latestEdition: t.latest
      ? { ...presentEditionSummary(t.slug, t.latest), counts: { ...t.latest.counts } }
      : null,
  };
}

export function presentFoundation(f: FoundationView): Static<typeof Foundation> {
  return {
    slug: f.slug,
    name: f.name,
    summary: f.summary,
    url: apiUrls.foundation(f.slug),
    themes: f.themes.map((t) => presentThemeSummary(t, f.name)),
  };
}

export function presentFoundationList(programme: ProgrammeView): Static<typeof FoundationList> {
  return { foundations: programme.foundations.map(presentFoundation) };
}

export function presentProgramme(p: ProgrammeView): Static<typeof Programme> {
  return {
    slug: p.slug,
    name: p.name,
    summary: p.summary,
    startYear: p.startYear,
    endYear: p.endYear,
    url: apiUrls.programme(),
    foundations: p.foundations.map(presentFoundation),
  };
}

export function presentThemeList(programme: ProgrammeView): Static<typeof ThemeList> {
  return {
    themes: programme.foundations.flatMap((f) => f.themes.map((t) => presentThemeSummary(t, f.name))),
  };
}

/** Finds a theme, with its foundation's name, in the programme. */
export function findThemeSummary(
  programme: ProgrammeView,
  slug: string,
): { theme: ThemeSummaryView; foundationName: string } | undefined {
  for (const f of programme.foundations) {
    const theme = f.themes.find((t) => t.slug === slug);
    if (theme) return { theme, foundationName: f.name };
  }
  return undefined;
}

export function presentTheme(
  theme: ThemeSummaryView,
  foundationName: string,
  editions: EditionSummaryView[],
): Static<typeof Theme> {
  return {
    slug: theme.slug,
    name: theme.name,
    summary: theme.summary,
    foundation: foundationReference(theme.foundationSlug, foundationName),
    url: apiUrls.theme(theme.slug),
    latestPublishedEditionId: theme.latest?.id ?? null,
    editions: editions.map((e) => presentEditionSummary(theme.slug, e)),
  };
}

export function presentEditionList(
  theme: { slug: string; name: string },
  editions: EditionSummaryView[],
): Static<typeof EditionList> {
  return {
    theme: themeReference(theme.slug, theme.name),
    editions: editions.map((e) => presentEditionSummary(theme.slug, e)),
  };
}

function presentItem(i: TextItem): Static<typeof Item> {
  return { id: i.id, key: i.key, text: i.text };
}

function presentAction(a: ActionItem): Static<typeof Action> {
  return { ...presentItem(a), children: a.children.map(presentItem) };
}

export function presentEdition(e: EditionView): Static<typeof Edition> {
  return {
    ...presentEditionSummary(e.theme.slug, e),
    theme: themeReference(e.theme.slug, e.theme.name),
    foundation: foundationReference(e.theme.foundationSlug, e.theme.foundationName),
    copiedFromId: e.copiedFromId,
    updatedAt: e.updatedAt.toISOString(),
    introduction: e.introduction,
    stateOfPlay: { title: e.stateOfPlayTitle, text: e.stateOfPlay },
    ambitionSummary: e.ambitionSummary,
    routeMapIntro: e.routeMapIntro,
    outcomes: e.outcomes.map((o) => ({ ...presentItem(o), pageRefs: o.pageRefs })),
    actions: e.actions.map(presentAction),
    milestones: e.milestones.map((m) => ({ year: m.year, items: m.items.map(presentItem) })),
    sectors: e.sectors.map((s) => ({
      id: s.id,
      key: s.key,
      slug: s.slug,
      name: s.name,
      url: apiUrls.sector(s.slug),
    })),
    helping: e.helping.map(presentItem),
    whatMatters: e.whatMatters.map(presentItem),
    mappings: e.mappings.map((m) => ({
      framework: m.framework,
      label: m.label,
      items: m.items.map(presentItem),
    })),
  };
}

export function presentSector(s: SectorView): Static<typeof Sector> {
  return { slug: s.slug, name: s.name, url: apiUrls.sector(s.slug) };
}

export function presentSectorList(sectors: SectorView[]): Static<typeof SectorList> {
  return { sectors: sectors.map(presentSector) };
}

export function presentSectorActions(view: SectorActionsView): Static<typeof SectorActions> {
  return {
    sector: presentSector(view.sector),
    routeMaps: view.routeMaps.map(({ edition }) => ({
      theme: themeReference(edition.theme.slug, edition.theme.name),
      edition: presentEditionSummary(edition.theme.slug, edition),
      actions: edition.actions.map(presentAction),
    })),
  };
}

function presentDiff(parts: DiffPartView[]): Array<Static<typeof DiffPart>> {
  return parts.map((p) => ({ kind: p.kind, text: p.text }));
}

function presentComparedItem(i: ComparedItemView): Static<typeof ComparedItem> {
  return { key: i.key, text: i.text, detail: i.detail, context: i.context };
}

export function presentComparison(
  theme: { slug: string; name: string },
  c: EditionComparison,
): Static<typeof Comparison> {
  return {
    theme: themeReference(theme.slug, theme.name),
    from: presentEditionSummary(theme.slug, c.from),
    to: presentEditionSummary(theme.slug, c.to),
    layoutChange: c.layoutChange ? { from: c.layoutChange.from, to: c.layoutChange.to } : null,
    sections: c.sections.map((s) => ({
      id: s.id,
      title: s.title,
      fields: s.fields.map((f) => ({
        field: f.field,
        label: f.label,
        before: f.before,
        after: f.after,
        status: f.status,
        diff: presentDiff(f.diff),
      })),
      hasItems: s.hasItems,
      added: s.added.map(presentComparedItem),
      removed: s.removed.map(presentComparedItem),
      changed: s.changed.map((change) => ({
        before: presentComparedItem(change.before),
        after: presentComparedItem(change.after),
        textDiff: presentDiff(change.textDiff),
        detailDiff: change.detailDiff ? presentDiff(change.detailDiff) : null,
      })),
      unchanged: s.unchanged.map(presentComparedItem),
    })),
    totals: { ...c.totals },
    hasChanges: c.hasChanges,
  };
}
