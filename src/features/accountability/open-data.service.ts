import type { Db } from "../../platform/database.ts";
import { endOfLondonDay, fullDate, londonToday, parseIsoDate } from "../../platform/dates.ts";
import { NotFoundError, ValidationError } from "../../platform/errors.ts";
import * as repo from "./accountability.repository.ts";
import type { Due } from "./accountability.types.ts";
import * as openRepo from "./open-data.repository.ts";
import type { ProgressStatus } from "./progress-status.ts";

// The public data of accountability: every action of the published route maps (each one's latest
// edition, or one earlier edition) with who must act, by when, and how it was going, now or as it
// stood at the end of a day. Public reads only: submitted updates, published editions. The
// route-map page, its downloads and the API all read it from here, so they show the same numbers.

export type ActionScope = openRepo.ActionScope;

/** Who must act on an action: an organisation (with its address) or a whole sector. */
export interface NamedParty {
  role: "lead" | "partner";
  kind: "organisation" | "sector";
  slug: string;
  name: string;
}

/** One action as the public data gives it. */
export interface ActionRecord {
  foundation: { slug: string; name: string };
  routeMap: { id: number; slug: string; name: string };
  edition: { id: number; label: string; date: string | null };
  key: string;
  /** Its place among its edition's actions, from 1. */
  number: number;
  text: string;
  parties: NamedParty[];
  due: Due;
  weight: number;
  outcomeKey: string | null;
  /** The newest submitted update (as at the day asked for); null when nobody had reported. */
  latest: { status: ProgressStatus; percent: number; submittedOn: string; by: string } | null;
  /** The due date had passed (on the day asked for) and it was not complete or superseded. */
  overdue: boolean;
}

export interface ActionDataOptions {
  /** "YYYY-MM-DD": progress as it stood at the end of that day in Scotland; today when absent. */
  asAt?: string | null;
  /** One published edition of the route map instead of each route map's latest. */
  editionId?: number;
}

/**
 * Reads `?as_at=YYYY-MM-DD`: absent or empty is null (today); a real date from 2000 to 2100 is
 * itself; anything else is a 400 naming `as_at`.
 */
export function readAsAt(query: unknown): string | null {
  const value = (query as Record<string, unknown> | undefined)?.as_at;
  if (value === undefined || value === "") return null;
  const text = typeof value === "string" ? value : "";
  const parts = parseIsoDate(text);
  const real =
    parts !== null &&
    parts.year >= 2000 &&
    parts.year <= 2100 &&
    new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).toISOString().slice(0, 10) === text;
  if (!real) {
    const message = "Write the date as year, month and day, like as_at=2024-06-30.";
    throw new ValidationError({ as_at: message }, `The date in as_at is not a real date. ${message}`);
  }
  return text;
}

/** "as at 30 June 2024", for headings and captions. */
export function asAtWords(asAt: string): string {
  return `as at ${fullDate(asAt)}`;
}

function overdue(due: Due, latest: ActionRecord["latest"], today: string): boolean {
  if (latest && (latest.status === "complete" || latest.status === "superseded")) return false;
  if (due.date) return due.date < today;
  if (due.year) return due.year < Number(today.slice(0, 4));
  return false;
}

/** Leads first, then partners; organisations before sectors; by name (as accountability's pages list them). */
function sortParties(parties: NamedParty[]): NamedParty[] {
  return [...parties].sort(
    (a, b) =>
      (a.role === b.role ? 0 : a.role === "lead" ? -1 : 1) ||
      (a.kind === b.kind ? 0 : a.kind === "organisation" ? -1 : 1) ||
      a.name.localeCompare(b.name, "en-GB"),
  );
}

/** Makes sure the scope's route map, sector or organisation exists: else "not found". */
async function checkScope(db: Db, scope: ActionScope): Promise<void> {
  if (scope.kind === "theme" && (await repo.findThemeId(db, scope.themeSlug)) === undefined)
    throw new NotFoundError("There is no route map at this address.");
  if (scope.kind === "sector" && !(await repo.listSectors(db)).some((s) => s.slug === scope.sectorSlug))
    throw new NotFoundError("There is no sector at this address.");
  if (scope.kind === "organisation" && !(await repo.findOrganisationBySlug(db, scope.organisationSlug)))
    throw new NotFoundError("There is no organisation at this address.");
}

/**
 * Every action of the published route maps in the scope (all, one route map, the route maps naming
 * a sector, or the actions naming an organisation or its sectors), with who must act, by when, and
 * the newest submitted update as at the day asked for. Public: drafts never appear.
 */
export async function listActionRecords(
  db: Db,
  scope: ActionScope,
  options: ActionDataOptions = {},
): Promise<ActionRecord[]> {
  await checkScope(db, scope);
  const asAt = options.asAt ?? null;
  const rows = await openRepo.listActionData(db, {
    scope,
    ...(options.editionId === undefined ? {} : { editionId: options.editionId }),
    ...(asAt === null ? {} : { before: endOfLondonDay(asAt) }),
  });
  const today = asAt ?? londonToday();
  return rows.map((r) => {
    const due = { year: r.due_year, date: r.due_date };
    const latest =
      r.status === null || r.submitted_at === null
        ? null
        : {
            status: r.status,
            percent: r.percent ?? 0,
            submittedOn: londonToday(r.submitted_at),
            by: r.updated_by ?? "",
          };
    return {
      foundation: { slug: r.foundation_slug, name: r.foundation_name },
      routeMap: { id: r.theme_id, slug: r.theme_slug, name: r.theme_name },
      edition: { id: r.edition_id, label: r.edition_label, date: r.edition_date },
      key: r.key,
      number: r.number,
      text: r.text,
      parties: sortParties(r.parties),
      due,
      weight: r.weight,
      outcomeKey: r.outcome_key,
      latest,
      overdue: overdue(due, latest, today),
    };
  });
}

/**
 * When an earlier published edition of a route map stopped being current: the day the next one
 * was published. Null when it is still the latest; "not found" when it is no published edition.
 */
export async function editionEndedOn(db: Db, themeSlug: string, editionId: number): Promise<string | null> {
  const found = await openRepo.findEditionEnd(db, themeSlug, editionId);
  if (!found) throw new NotFoundError("There is no published edition of this route map at this address.");
  return found.endedOn;
}
