import type { Actor } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";
import { NotFoundError, ValidationError } from "../../platform/errors.ts";
import { can } from "../../platform/security/authorize.ts";
import type { IndicatorRow } from "./framework.repository.ts";
import * as repo from "./framework.repository.ts";
import { findGeography, type Geography, geographyName, isCouncilArea, SCOTLAND } from "./geography.ts";
import type {
  Evidence,
  FrameworkVision,
  IndicatorMeta,
  LinkedAction,
  ObservationView,
} from "./indicator.types.ts";
import type { ObservationRow } from "./observation.repository.ts";
import * as obsRepo from "./observation.repository.ts";
import { progressStatus, type StatusResult } from "./progress-status.ts";
import { isSuppressed } from "./suppression.ts";

// Reading the framework. The public see published indicators only, and never a suppressed value:
// every observation passes through `present`, which blanks it for anyone without
// "indicator.read_private". The progress status is always worked out from what the public can
// see, so it gives nothing away either.

function meta(row: IndicatorRow): IndicatorMeta {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    definition: row.definition,
    unit: row.unit,
    better: row.better,
    kind: row.kind,
    measure: row.measure,
    source: row.source,
    sourceUrl: row.source_url,
    publisher: row.publisher,
    lastUpdated: row.last_updated,
    nextUpdate: row.next_update,
    baselinePeriod: row.baseline_period,
    baselineValue: row.baseline_value,
    targetValue: row.target_value,
    targetDate: row.target_date,
    story: row.story,
    breakdowns: row.breakdowns,
    suppressBelow: row.suppress_below,
    published: row.published,
    outcome: { id: row.outcome_id, slug: row.outcome_slug, title: row.outcome_title },
    vision: { id: row.vision_id, slug: row.vision_slug, title: row.vision_title },
  };
}

/** An observation as this reader may see it. */
export function present(
  row: ObservationRow,
  suppressBelow: number | null,
  privateReader: boolean,
): ObservationView {
  const suppressed = isSuppressed(row, suppressBelow);
  return {
    period: row.period,
    periodType: row.period_type,
    geography: row.geography,
    geographyName: geographyName(row.geography),
    breakdown: row.breakdown,
    value: suppressed && !privateReader ? null : row.value,
    flag: suppressed && !privateReader ? "suppressed" : row.flag,
    suppressed,
  };
}

function statusOf(indicator: IndicatorMeta, scotland: readonly ObservationRow[]): StatusResult {
  return progressStatus({
    better: indicator.better,
    baseline: indicator.baselinePeriod
      ? { period: indicator.baselinePeriod, value: indicator.baselineValue }
      : null,
    target: indicator.targetValue === null ? null : { value: indicator.targetValue },
    series: scotland.map((r) => ({
      period: r.period,
      value: r.value,
      suppressed: isSuppressed(r, indicator.suppressBelow),
    })),
  });
}

export function canSeePrivate(actor: Actor): boolean {
  return can(actor, "indicator.read_private");
}

/** One indicator; an unpublished one is "not found" to anyone who may not read private indicators. */
export async function getIndicator(db: Db, actor: Actor, slug: string): Promise<IndicatorMeta> {
  const row = await repo.findIndicator(db, slug);
  if (!row || (!row.published && !canSeePrivate(actor)))
    throw new NotFoundError("There is no indicator at this address.");
  return meta(row);
}

/** Every vision statement, its outcomes, and their indicators with the latest status. */
export async function getFramework(db: Db, actor: Actor): Promise<FrameworkVision[]> {
  const privateReader = canSeePrivate(actor);
  const [visions, outcomes, indicators] = await Promise.all([
    repo.listVisions(db),
    repo.listOutcomes(db),
    repo.listIndicators(db, { publishedOnly: !privateReader }),
  ]);
  const summaries = await Promise.all(
    indicators.map(async (row) => {
      const m = meta(row);
      const scotland = await obsRepo.listObservations(db, m.id, {
        geographies: [SCOTLAND.code],
        breakdown: {},
      });
      return {
        outcomeId: row.outcome_id,
        summary: {
          slug: m.slug,
          title: m.title,
          kind: m.kind,
          measure: m.measure,
          unit: m.unit,
          published: m.published,
          status: statusOf(m, scotland),
        },
      };
    }),
  );
  return visions.map((v) => ({
    slug: v.slug,
    title: v.title,
    summary: v.summary,
    outcomes: outcomes
      .filter((o) => o.vision_statement_id === v.id)
      .map((o) => ({
        slug: o.slug,
        title: o.title,
        indicators: summaries.filter((s) => s.outcomeId === o.id).map((s) => s.summary),
      })),
  }));
}

export interface BreakdownOption {
  /** "age band: 0-4; sex: female", or "" for the total. */
  key: string;
  label: string;
  breakdown: Record<string, string>;
}

export function breakdownKey(breakdown: Record<string, string>): string {
  return Object.keys(breakdown)
    .sort()
    .map((name) => `${name}: ${breakdown[name]}`)
    .join("; ");
}

export interface IndicatorFilters {
  geography?: string | undefined;
  breakdown?: string | undefined;
  period?: string | undefined;
}

export interface IndicatorPage {
  indicator: IndicatorMeta;
  privateReader: boolean;
  status: StatusResult;
  geography: Geography;
  breakdown: BreakdownOption;
  breakdowns: BreakdownOption[];
  /** The chosen geography and breakdown over time. */
  series: ObservationView[];
  periods: string[];
  /** The period the council-area comparison shows, or null when there is no data. */
  period: string | null;
  /** Every council area in that period, for the chosen breakdown. */
  byArea: ObservationView[];
  evidence: Evidence[];
  actions: LinkedAction[];
}

/** What the indicator page shows, for the filters in its address (bad ones are a clear 400). */
export async function getIndicatorPage(
  db: Db,
  actor: Actor,
  slug: string,
  filters: IndicatorFilters,
): Promise<IndicatorPage> {
  const indicator = await getIndicator(db, actor, slug);
  const privateReader = canSeePrivate(actor);
  const fields: Record<string, string> = {};
  const geography = filters.geography ? findGeography(filters.geography) : SCOTLAND;
  if (!geography) fields.geography = "Choose an area from the list.";
  const breakdowns = (await obsRepo.listBreakdowns(db, indicator.id))
    .map((b) => ({ key: breakdownKey(b), label: breakdownKey(b) || "All (no breakdown)", breakdown: b }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (!breakdowns.some((b) => b.key === ""))
    breakdowns.unshift({ key: "", label: "All (no breakdown)", breakdown: {} });
  const breakdown = breakdowns.find((b) => b.key === (filters.breakdown ?? ""));
  if (!breakdown) fields.breakdown = "Choose a breakdown from the list.";
  const periods = await obsRepo.listPeriods(db, indicator.id);
  if (filters.period && !periods.includes(filters.period)) fields.period = "Choose a period from the list.";
  if (Object.keys(fields).length > 0) throw new ValidationError(fields, Object.values(fields).join(" "));

  const period = filters.period ?? periods[0] ?? null;
  // Each query reads one index range: the chosen series, Scotland's total (the progress status;
  // the same series when that is what was chosen), and one period by area.
  const scotlandChosen = geography!.code === SCOTLAND.code && breakdown!.key === "";
  const scotlandSeries = () =>
    obsRepo.listObservations(db, indicator.id, { geographies: [SCOTLAND.code], breakdown: {} });
  const [series, scotland, byArea, evidence, actions] = await Promise.all([
    scotlandChosen
      ? scotlandSeries()
      : obsRepo.listObservations(db, indicator.id, {
          geographies: [geography!.code],
          breakdown: breakdown!.breakdown,
        }),
    scotlandChosen ? Promise.resolve(null) : scotlandSeries(),
    period
      ? obsRepo.listObservations(db, indicator.id, { breakdown: breakdown!.breakdown, period })
      : Promise.resolve([]),
    repo.listEvidence(db, indicator.id),
    repo.listLinkedActions(db, indicator.id, { publishedOnly: !can(actor, "route_map.read_draft") }),
  ]);
  return {
    indicator,
    privateReader,
    status: statusOf(indicator, scotland ?? series),
    geography: geography!,
    breakdown: breakdown!,
    breakdowns,
    series: series.map((r) => present(r, indicator.suppressBelow, privateReader)),
    periods,
    period,
    byArea: byArea
      .filter((r) => isCouncilArea(r.geography))
      .map((r) => present(r, indicator.suppressBelow, privateReader))
      .sort((a, b) => a.geographyName.localeCompare(b.geographyName)),
    evidence,
    actions: actions.map((a) => ({
      text: a.text,
      themeSlug: a.theme_slug,
      themeName: a.theme_name,
      editionId: a.edition_id,
      editionLabel: a.edition_label,
    })),
  };
}

/** Every observation of an indicator as this reader may see them (CSV and API). */
export async function getObservations(
  db: Db,
  actor: Actor,
  slug: string,
  filter: { geography?: string | undefined } = {},
): Promise<{ indicator: IndicatorMeta; observations: ObservationView[] }> {
  const indicator = await getIndicator(db, actor, slug);
  if (filter.geography && !findGeography(filter.geography))
    throw new ValidationError({
      geography: "Use an official geography code, such as S92000003 for Scotland.",
    });
  const rows = await obsRepo.listObservations(
    db,
    indicator.id,
    filter.geography ? { geographies: [filter.geography] } : {},
  );
  const privateReader = canSeePrivate(actor);
  return { indicator, observations: rows.map((r) => present(r, indicator.suppressBelow, privateReader)) };
}

export interface AreaComparison {
  indicator: { slug: string; title: string; unit: string; better: IndicatorMeta["better"] };
  period: string | null;
  area: number | null;
  areaSuppressed: boolean;
  scotland: number | null;
  scotlandSuppressed: boolean;
}

/** One council area beside Scotland: each indicator's latest period with a value for the area. */
export async function compareArea(db: Db, actor: Actor, areaCode: string): Promise<AreaComparison[]> {
  if (!isCouncilArea(areaCode)) throw new ValidationError({ area: "Choose a council area from the list." });
  const privateReader = canSeePrivate(actor);
  const indicators = await repo.listIndicators(db, { publishedOnly: !privateReader });
  return Promise.all(
    indicators.map(async (row) => {
      const m = meta(row);
      const rows = await obsRepo.listObservations(db, m.id, {
        geographies: [areaCode, SCOTLAND.code],
        breakdown: {},
      });
      const areaRows = rows.filter((r) => r.geography === areaCode);
      const latest = areaRows.at(-1) ?? null;
      const scotlandRow = latest
        ? rows.find((r) => r.geography === SCOTLAND.code && r.period === latest.period)
        : undefined;
      const a = latest ? present(latest, m.suppressBelow, privateReader) : null;
      const s = scotlandRow ? present(scotlandRow, m.suppressBelow, privateReader) : null;
      return {
        indicator: { slug: m.slug, title: m.title, unit: m.unit, better: m.better },
        period: latest?.period ?? null,
        area: a?.value ?? null,
        areaSuppressed: a?.suppressed ?? false,
        scotland: s?.value ?? null,
        scotlandSuppressed: s?.suppressed ?? false,
      };
    }),
  );
}
