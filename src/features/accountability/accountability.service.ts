import type { Actor } from "../../platform/actor.ts";
import type { Db, Trx } from "../../platform/database.ts";
import { endOfLondonDay } from "../../platform/dates.ts";
import { NotFoundError } from "../../platform/errors.ts";
import { can } from "../../platform/security/authorize.ts";
import * as repo from "./accountability.repository.ts";
import type {
  ActionAccount,
  ActionRef,
  Due,
  OrganisationSummary,
  Party,
  ProgressUpdate,
  ResponsibilityRole,
} from "./accountability.types.ts";
import { evidenceFilePath } from "./evidence.paths.ts";
import * as progressRepo from "./progress.repository.ts";

// Who must act on what, by when, and how it is going: the actions of every route map's latest
// published edition with their responsibilities, due dates and newest submitted update. Public
// reads: submitted updates are public; drafts are read through progress.service with permission.

/** An action is stale when nothing has been submitted for this long (the pages let readers change it). */
export const DEFAULT_STALE_DAYS = 180;

export interface AccountOptions {
  /** "YYYY-MM-DD"; today unless given (tests fix it). */
  today?: string;
  staleAfterDays?: number;
  /**
   * "YYYY-MM-DD": progress as it stood at the end of that day in Scotland (the newest update
   * submitted by then), with overdue and stale judged on that day. Reports use it.
   */
  asAt?: string;
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

type UpdateRow = NonNullable<Awaited<ReturnType<typeof progressRepo.findUpdate>>>;
type EvidenceRow = Awaited<ReturnType<typeof progressRepo.listEvidence>>[number];

export function toUpdate(row: UpdateRow, evidence: EvidenceRow[]): ProgressUpdate {
  return {
    id: row.id,
    themeId: row.theme_id,
    actionKey: row.action_key,
    organisation: { id: row.organisation_id, slug: row.organisation_slug, name: row.organisation_name },
    state: row.state,
    status: row.status,
    percent: row.percent,
    narrative: row.narrative,
    confidence: row.confidence,
    authorName: row.author_name,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    evidenceRequestedAt: row.evidence_requested_at,
    evidenceRequest: row.evidence_request,
    evidence: evidence
      .filter((e) => e.update_id === row.id)
      .map((e) =>
        // An uploaded document is read at its own address, by whoever may read the update.
        e.kind === "document" && e.file_name !== null
          ? { kind: e.kind, title: e.title || e.file_name, url: evidenceFilePath(e.id), body: e.body }
          : { kind: e.kind, title: e.title, url: e.url, body: e.body },
      ),
  };
}

/** Updates with their evidence, in one query for the evidence. */
export async function withEvidence(db: Db, rows: UpdateRow[]): Promise<ProgressUpdate[]> {
  const evidence = await progressRepo.listEvidence(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toUpdate(r, evidence));
}

export function isOverdue(due: Due, latest: ProgressUpdate | null, today: string): boolean {
  if (latest && (latest.status === "complete" || latest.status === "superseded")) return false;
  if (due.date) return due.date < today;
  if (due.year) return due.year < Number(today.slice(0, 4));
  return false;
}

export function isStale(latest: ProgressUpdate | null, today: string, staleAfterDays: number): boolean {
  if (!latest?.submittedAt) return true;
  if (latest.status === "complete" || latest.status === "superseded") return false;
  const days = (Date.parse(`${today}T00:00:00Z`) - latest.submittedAt.getTime()) / 86_400_000;
  return days > staleAfterDays;
}

const trackingKey = (themeId: number, key: string) => `${themeId}:${key}`;

/** Every action of the latest published editions (of one theme, or all) with who, when and how. */
export async function listActionAccounts(
  db: Db,
  options: AccountOptions & { themeId?: number } = {},
): Promise<ActionAccount[]> {
  const today = options.asAt ?? options.today ?? todayIso();
  const staleAfter = options.staleAfterDays ?? DEFAULT_STALE_DAYS;
  const items = (await repo.listCurrentItems(db, options.themeId)).filter((i) => i.section === "action");
  const themeIds = [...new Set(items.map((i) => i.theme_id))];
  const [tracking, responsibilities, organisations, sectors, latestRows] = await Promise.all([
    repo.listTracking(db, themeIds),
    repo.listResponsibilities(db, options.themeId === undefined ? undefined : { themeId: options.themeId }),
    repo.listOrganisations(db),
    repo.listSectors(db),
    progressRepo.latestSubmitted(
      db,
      themeIds,
      options.asAt === undefined ? undefined : endOfLondonDay(options.asAt),
    ),
  ]);
  const latest = await withEvidence(db, latestRows);
  const trackingOf = new Map(tracking.map((t) => [trackingKey(t.theme_id, t.action_key), t]));
  const latestOf = new Map(latest.map((u) => [trackingKey(u.themeId, u.actionKey), u]));
  const partiesOf = new Map<string, Party[]>();
  for (const r of responsibilities) {
    const party = toParty(r, organisations, sectors);
    if (!party) continue;
    const k = trackingKey(r.theme_id, r.action_key);
    partiesOf.set(k, [...(partiesOf.get(k) ?? []), party]);
  }
  return items.map((item) => {
    const k = trackingKey(item.theme_id, item.key);
    const t = trackingOf.get(k);
    const due = { year: t?.due_year ?? null, date: t?.due_date ?? null };
    const last = latestOf.get(k) ?? null;
    return {
      action: toActionRef(item),
      parties: sortParties(partiesOf.get(k) ?? []),
      due,
      weight: t?.weight ?? 1,
      outcomeKey: t?.outcome_key ?? null,
      latest: last,
      overdue: isOverdue(due, last, today),
      stale: isStale(last, today, staleAfter),
    };
  });
}

export function toActionRef(item: {
  theme_id: number;
  theme_slug: string;
  theme_name: string;
  foundation_slug: string;
  foundation_name: string;
  key: string;
  text: string;
}): ActionRef {
  return {
    themeId: item.theme_id,
    themeSlug: item.theme_slug,
    themeName: item.theme_name,
    foundationSlug: item.foundation_slug,
    foundationName: item.foundation_name,
    key: item.key,
    text: item.text,
  };
}

export function toParty(
  r: { role: ResponsibilityRole; organisation_id: number | null; sector_id: number | null },
  organisations: repo.OrganisationRow[],
  sectors: Array<{ id: number; slug: string; name: string }>,
): Party | null {
  if (r.organisation_id !== null) {
    const o = organisations.find((x) => x.id === r.organisation_id);
    return o ? { kind: "organisation", id: o.id, slug: o.slug, name: o.name, role: r.role } : null;
  }
  const s = sectors.find((x) => x.id === r.sector_id);
  return s ? { kind: "sector", id: s.id, slug: s.slug, name: s.name, role: r.role } : null;
}

/** Leads first, then partners; organisations before sectors; by name. */
export function sortParties(parties: Party[]): Party[] {
  return [...parties].sort(
    (a, b) =>
      (a.role === b.role ? 0 : a.role === "lead" ? -1 : 1) ||
      (a.kind === b.kind ? 0 : a.kind === "organisation" ? -1 : 1) ||
      a.name.localeCompare(b.name, "en-GB"),
  );
}

/** The register with each organisation's sectors, by name. */
export async function listOrganisationSummaries(db: Db): Promise<OrganisationSummary[]> {
  const [rows, links] = await Promise.all([repo.listOrganisations(db), repo.listOrganisationSectors(db)]);
  return rows.map((o) => ({
    id: o.id,
    slug: o.slug,
    name: o.name,
    type: o.type,
    areaCode: o.area_code,
    sectors: links
      .filter((l) => l.organisation_id === o.id)
      .map((l) => ({ id: l.id, slug: l.slug, name: l.name })),
  }));
}

export async function getOrganisationSummary(db: Db, slug: string): Promise<OrganisationSummary> {
  const row = await repo.findOrganisationBySlug(db, slug);
  if (!row) throw new NotFoundError("There is no organisation at this address.");
  const links = await repo.listOrganisationSectors(db, [row.id]);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    type: row.type,
    areaCode: row.area_code,
    sectors: links.map((l) => ({ id: l.id, slug: l.slug, name: l.name })),
  };
}

/** An action as one organisation must account for it: how it is named (itself or its sector), and its draft. */
export interface OwedAction extends ActionAccount {
  /** How the organisation is named: directly, or through one of its sectors. */
  namedAs: Party[];
  role: ResponsibilityRole;
  /** The organisation's own draft, when the reader may see it. */
  draft: ProgressUpdate | null;
  /**
   * The version of this organisation's update of the action, which its progress form, the API and
   * the spreadsheet send back: only this organisation's progress changes move it.
   */
  version: number;
}

export interface OrganisationAccount {
  organisation: OrganisationSummary;
  actions: OwedAction[];
  /** Whether drafts were read (the reader may see this organisation's private progress). */
  showsDrafts: boolean;
  staleAfterDays: number;
}

/**
 * Everything an organisation must act on across all route maps: actions naming it or one of its
 * sectors, leads first, each with its due date, last update, and whether it is overdue or stale.
 * Its drafts are included only for a reader allowed to see them (progress.read_private for it).
 */
export async function getOrganisationAccount(
  db: Db,
  actor: Actor,
  slug: string,
  options: AccountOptions = {},
): Promise<OrganisationAccount> {
  const organisation = await getOrganisationSummary(db, slug);
  const sectorIds = new Set(organisation.sectors.map((s) => s.id));
  const accounts = await listActionAccounts(db, options);
  const showsDrafts = can(actor, "progress.read_private", { organisationId: organisation.id });
  const drafts = showsDrafts
    ? await withEvidence(db, await progressRepo.listDrafts(db, organisation.id))
    : [];
  const versions = await progressRepo.listProgressVersions(db, { organisationId: organisation.id });
  const versionOf = new Map(versions.map((v) => [trackingKey(v.theme_id, v.action_key), v.version]));
  const actions: OwedAction[] = [];
  for (const account of accounts) {
    const namedAs = account.parties.filter(
      (p) =>
        (p.kind === "organisation" && p.id === organisation.id) ||
        (p.kind === "sector" && sectorIds.has(p.id)),
    );
    if (namedAs.length === 0) continue;
    actions.push({
      ...account,
      namedAs,
      role: namedAs.some((p) => p.role === "lead") ? "lead" : "partner",
      draft:
        drafts.find((d) => d.themeId === account.action.themeId && d.actionKey === account.action.key) ??
        null,
      version: versionOf.get(trackingKey(account.action.themeId, account.action.key)) ?? 0,
    });
  }
  actions.sort((a, b) => (a.role === b.role ? 0 : a.role === "lead" ? -1 : 1));
  return {
    organisation,
    actions,
    showsDrafts,
    staleAfterDays: options.staleAfterDays ?? DEFAULT_STALE_DAYS,
  };
}

// Reads and one write other features make through accountability rather than its repository:
// rounds, bulk updates, the register's pages and the demo.

/** The top-level actions and outcomes of the latest published editions (of one theme, or all), in order. */
export function listCurrentItems(db: Db, themeId?: number): Promise<repo.CurrentItemRow[]> {
  return repo.listCurrentItems(db, themeId);
}

/** The organisations with these ids, by name. */
export function findOrganisationsByIds(db: Db, ids: number[]) {
  return repo.findOrganisationsByIds(db, ids);
}

/** Sector links for the given organisations (all when no ids given), in the sectors' order. */
export function listOrganisationSectors(db: Db, organisationIds?: number[]) {
  return repo.listOrganisationSectors(db, organisationIds);
}

/** Every sector of the programme, in order. */
export function listSectors(db: Db) {
  return repo.listSectors(db);
}

/** Links an organisation to sectors (links it already has are kept); the caller audits. */
export function linkSectors(trx: Trx, organisationId: number, sectorIds: number[]): Promise<void> {
  return repo.linkSectors(trx, organisationId, sectorIds);
}

/** The versions of an organisation's updates, one per action it has changed (others are at 0). */
export async function organisationProgressVersions(
  db: Db,
  organisationId: number,
): Promise<Array<{ themeId: number; key: string; version: number }>> {
  const rows = await progressRepo.listProgressVersions(db, { organisationId });
  return rows.map((r) => ({ themeId: r.theme_id, key: r.action_key, version: r.version }));
}

/**
 * The version a progress change by this organisation on this action must send: 0 before its
 * first. Other organisations' changes on the action do not move it.
 */
export async function progressVersion(
  db: Db,
  themeId: number,
  key: string,
  organisationId: number,
): Promise<number> {
  const rows = await progressRepo.listProgressVersions(db, { themeId, key });
  return rows.find((r) => r.organisation_id === organisationId)?.version ?? 0;
}
