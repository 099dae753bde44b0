import type { Db } from "../../platform/database.ts";
import { endOfLondonDay } from "../../platform/dates.ts";
import type { TagColour } from "../../platform/views/components/tag.ts";
import { actionPath, organisationPath } from "./accountability.paths.ts";
import { type ActionDataOptions, listActionRecords } from "./open-data.service.ts";
import { dueText } from "./progress-display.ts";
import { statusInfo } from "./progress-status.ts";
import { getProgrammeProgress } from "./rollup.service.ts";
import type { Rolled } from "./rollup.ts";

// What the route-map feature's public pages show of accountability, as data: how the programme,
// a foundation or a route map is going, and each action's who, when and how. Route maps' own view
// (route-maps/views/progress.view.ts) draws it.

/** A status as a tag reads: its words and colour. */
export interface StatusLabel {
  label: string;
  colour: TagColour;
}

/** One level rolled up; `status` null when there is nothing to measure yet. */
export interface ProgressSummary {
  status: StatusLabel | null;
  percent: number | null;
  counted: number;
}

/** How a programme or foundation is going, and each of its parts (foundations or route maps) by slug. */
export interface ProgressByPart {
  overall: ProgressSummary;
  parts: Map<string, ProgressSummary>;
}

/** One action of a route map on its public page. */
export interface ActionProgress {
  href: string;
  text: string;
  parties: Array<{ role: "lead" | "partner"; name: string; href: string | null }>;
  due: string;
  /** Null: nobody has reported on it yet. Percent null: superseded. */
  update: { status: StatusLabel; percent: number | null } | null;
  overdue: boolean;
}

function summary(rolled: Rolled | undefined): ProgressSummary {
  if (!rolled || rolled.counted === 0 || rolled.percent === null)
    return { status: null, percent: null, counted: rolled?.counted ?? 0 };
  return {
    status: rolled.status ? label(rolled.status) : null,
    percent: rolled.percent,
    counted: rolled.counted,
  };
}

function label(status: Parameters<typeof statusInfo>[0]): StatusLabel {
  const info = statusInfo(status);
  return { label: info.label, colour: info.colour };
}

/** How the programme is going, by foundation. */
export async function getProgrammeProgressSummary(db: Db): Promise<ProgressByPart> {
  const progress = await getProgrammeProgress(db);
  return {
    overall: summary(progress.programme),
    parts: new Map([...progress.foundations].map(([slug, rolled]) => [slug, summary(rolled)])),
  };
}

/** How the programme, each foundation and each route map is going, from one roll-up (for its CSV). */
export async function getProgressByLevel(db: Db): Promise<{
  programme: ProgressSummary;
  foundations: Map<string, ProgressSummary>;
  themes: Map<string, ProgressSummary>;
}> {
  const progress = await getProgrammeProgress(db);
  const each = (m: Map<string, Rolled>) => new Map([...m].map(([slug, rolled]) => [slug, summary(rolled)]));
  return {
    programme: summary(progress.programme),
    foundations: each(progress.foundations),
    themes: each(progress.themes),
  };
}

/** How a foundation is going, by route map. */
export async function getFoundationProgressSummary(db: Db, foundationSlug: string): Promise<ProgressByPart> {
  const progress = await getProgrammeProgress(db);
  return {
    overall: summary(progress.foundations.get(foundationSlug)),
    parts: new Map([...progress.themes].map(([slug, rolled]) => [slug, summary(rolled)])),
  };
}

/**
 * How a route map is going, and each of its actions: who must act, by when, the latest update.
 * With `asAt`, as it stood at the end of that day; with `editionId`, for that published edition's
 * actions (an earlier edition's page shows progress as at the day it was replaced).
 */
export async function getRouteMapProgress(
  db: Db,
  themeSlug: string,
  options: ActionDataOptions = {},
): Promise<{ overall: ProgressSummary; actions: ActionProgress[]; asAt: string | null }> {
  const asAt = options.asAt ?? null;
  // The roll-up in one query; the actions' details in another, only for this route map.
  const [progress, records] = await Promise.all([
    getProgrammeProgress(db, {
      ...(options.editionId === undefined ? {} : { editionId: options.editionId }),
      ...(asAt === null ? {} : { before: endOfLondonDay(asAt) }),
    }),
    listActionRecords(db, { kind: "theme", themeSlug }, options),
  ]);
  return {
    overall: summary(progress.themes.get(themeSlug)),
    asAt,
    actions: records.map((a) => ({
      href: actionPath(a.routeMap.slug, a.key),
      text: a.text,
      parties: a.parties.map((p) => ({
        role: p.role,
        name: p.kind === "organisation" ? p.name : `${p.name} (sector)`,
        href: p.kind === "organisation" ? organisationPath(p.slug) : null,
      })),
      due: dueText(a.due),
      update: a.latest
        ? {
            status: label(a.latest.status),
            percent: a.latest.status === "superseded" ? null : a.latest.percent,
          }
        : null,
      overdue: a.overdue,
    })),
  };
}
