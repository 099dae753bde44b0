import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Db, Trx } from "../../platform/database.ts";
import { type FieldErrors, NotFoundError } from "../../platform/errors.ts";
import { authorize } from "../../platform/security/authorize.ts";
import { throwIfInvalid } from "../../platform/validation.ts";
import * as accountability from "../accountability/accountability.service.ts";
import { listActionAccounts, todayIso } from "../accountability/accountability.service.ts";
import type { ResponsibilityRole } from "../accountability/accountability.types.ts";
import * as rounds from "./round.repository.ts";
import type { RoundDetail, RoundOrganisation, RoundSummary, RoundTotals } from "./round.types.ts";
import { checkRound, type RoundInput, reminderDays } from "./round.validation.ts";

// Reporting rounds. A programme editor (progress.review) opens a round: a title, a due date, all
// route maps or chosen ones, and reminder days before and after the due date. What each
// responsible organisation owes is kept as the round opens, with the days its reminders go on
// (reminder.service.ts sends them). An organisation has answered an action when it submitted an
// update for it after the round opened (and before it closed). A round can be closed.

export interface RoundOptions {
  /** "YYYY-MM-DD"; today unless given (tests fix it). */
  today?: string;
}

export interface RoundForm {
  /** Route maps with a published edition, with how many of their actions name someone. */
  themes: Array<{ id: number; name: string; foundationName: string; named: number }>;
}

/** What the form to open a round offers (progress.review). */
export async function getRoundForm(db: Db, actor: Actor): Promise<RoundForm> {
  authorize(actor, "progress.review");
  const accounts = await listActionAccounts(db);
  const themes = new Map<number, RoundForm["themes"][number]>();
  for (const a of accounts) {
    const theme = themes.get(a.action.themeId) ?? {
      id: a.action.themeId,
      name: a.action.themeName,
      foundationName: a.action.foundationName,
      named: 0,
    };
    if (a.parties.length > 0) theme.named += 1;
    themes.set(theme.id, theme);
  }
  return { themes: [...themes.values()] };
}

type Obligation = { organisationId: number; themeId: number; key: string; role: ResponsibilityRole };

/** Who owes what: every organisation named on an action, itself or through one of its sectors. */
async function obligationsFor(db: Db, themeIds: number[] | null, today: string): Promise<Obligation[]> {
  const [accounts, links] = await Promise.all([
    listActionAccounts(db, { today }),
    accountability.listOrganisationSectors(db),
  ]);
  const inSector = new Map<number, number[]>();
  for (const l of links) inSector.set(l.id, [...(inSector.get(l.id) ?? []), l.organisation_id]);
  const owed = new Map<string, Obligation>();
  for (const a of accounts) {
    if (themeIds && !themeIds.includes(a.action.themeId)) continue;
    for (const party of a.parties) {
      const organisations = party.kind === "organisation" ? [party.id] : (inSector.get(party.id) ?? []);
      for (const organisationId of organisations) {
        const k = `${organisationId}:${a.action.themeId}:${a.action.key}`;
        const before = owed.get(k);
        if (before?.role === "lead") continue;
        owed.set(k, { organisationId, themeId: a.action.themeId, key: a.action.key, role: party.role });
      }
    }
  }
  return [...owed.values()];
}

/** Opens a round: checks the form, keeps who owes what and the reminder days. Returns its id. */
export async function openRound(
  trx: Trx,
  actor: Actor,
  input: RoundInput,
  options: RoundOptions = {},
): Promise<number> {
  authorize(actor, "progress.review");
  const today = options.today ?? todayIso();
  const form = await getRoundForm(trx, actor);
  const errors: FieldErrors = {};
  const round = checkRound(
    errors,
    input,
    today,
    form.themes.map((t) => t.id),
  );
  const scopeFine = !errors.scope && !errors.themes;
  const owed = scopeFine ? await obligationsFor(trx, round.allRouteMaps ? null : round.themeIds, today) : [];
  if (scopeFine && owed.length === 0)
    errors[round.allRouteMaps ? "scope" : "themes"] =
      "No action in these route maps names an organisation yet, so nobody would owe an update. Say who must act on the actions first, or choose other route maps";
  throwIfInvalid(errors);

  const id = await rounds.insertRound(trx, {
    title: round.title,
    due_date: round.dueDate,
    all_route_maps: round.allRouteMaps,
    days_before: round.daysBefore,
    days_after: round.daysAfter,
    opened_by: actor.kind === "user" ? actor.id : null,
  });
  await rounds.insertRoundThemes(trx, id, round.themeIds);
  await rounds.insertObligations(
    trx,
    owed.map((o) => ({
      round_id: id,
      organisation_id: o.organisationId,
      theme_id: o.themeId,
      action_key: o.key,
      role: o.role,
    })),
  );
  const organisations = [...new Set(owed.map((o) => o.organisationId))];
  const days = reminderDays(round, today);
  await rounds.insertReminders(
    trx,
    organisations.flatMap((organisation_id) =>
      days.map((send_on) => ({ round_id: id, organisation_id, send_on })),
    ),
  );
  await recordAudit(trx, actor, {
    action: "round.open",
    entityType: "reporting_round",
    entityId: id,
    after: {
      title: round.title,
      dueDate: round.dueDate,
      allRouteMaps: round.allRouteMaps,
      themeIds: round.themeIds,
      daysBefore: round.daysBefore,
      daysAfter: round.daysAfter,
      organisations: organisations.length,
      owed: owed.length,
      reminderDays: days,
    },
  });
  return id;
}

/** Closes a round: no more reminders, and later updates no longer count as answers to it. */
export async function closeRound(trx: Trx, actor: Actor, id: number): Promise<{ closed: boolean }> {
  authorize(actor, "progress.review");
  const round = await rounds.findRound(trx, id);
  if (!round) throw new NotFoundError("There is no reporting round at this address.");
  const closed = await rounds.closeRound(trx, id, actor.kind === "user" ? actor.id : null);
  if (closed) {
    const after = await rounds.findRound(trx, id);
    await recordAudit(trx, actor, {
      action: "round.close",
      entityType: "reporting_round",
      entityId: id,
      before: { title: round.title, closedAt: null },
      after: { title: round.title, closedAt: after?.closed_at ?? null },
    });
  }
  return { closed };
}

function percentOf(answered: number, owed: number): number {
  return owed === 0 ? 100 : Math.floor((answered * 100) / owed);
}

function totalsOf(rows: rounds.ObligationRow[]): RoundTotals {
  const byOrganisation = new Map<number, { owed: number; answered: number }>();
  for (const r of rows) {
    const t = byOrganisation.get(r.organisation_id) ?? { owed: 0, answered: 0 };
    t.owed += 1;
    if (r.answered) t.answered += 1;
    byOrganisation.set(r.organisation_id, t);
  }
  const answered = rows.filter((r) => r.answered).length;
  return {
    owed: rows.length,
    answered,
    percent: percentOf(answered, rows.length),
    organisations: byOrganisation.size,
    organisationsDone: [...byOrganisation.values()].filter((t) => t.answered === t.owed).length,
  };
}

async function summaries(db: Db, rows: rounds.RoundRow[], obligations: rounds.ObligationRow[]) {
  const themes = await rounds.listRoundThemes(
    db,
    rows.map((r) => r.id),
  );
  return rows.map(
    (r): RoundSummary => ({
      id: r.id,
      title: r.title,
      dueDate: r.due_date,
      allRouteMaps: r.all_route_maps,
      themes: themes.filter((t) => t.round_id === r.id).map((t) => ({ slug: t.slug, name: t.name })),
      daysBefore: r.days_before,
      daysAfter: r.days_after,
      openedAt: r.opened_at,
      closedAt: r.closed_at,
      totals: totalsOf(obligations.filter((o) => o.round_id === r.id)),
    }),
  );
}

/** Every round with its completion, open ones first (progress.review). */
export async function listRounds(db: Db, actor: Actor): Promise<RoundSummary[]> {
  authorize(actor, "progress.review");
  const rows = await rounds.listRounds(db);
  const obligations = await rounds.listObligations(db, { roundIds: rows.map((r) => r.id) });
  return summaries(db, rows, obligations);
}

/** Obligations grouped by organisation, with the actions' words from the latest published editions. */
async function byOrganisation(db: Db, obligations: rounds.ObligationRow[]): Promise<RoundOrganisation[]> {
  const [items, organisations] = await Promise.all([
    accountability.listCurrentItems(db),
    accountability.findOrganisationsByIds(db, [...new Set(obligations.map((o) => o.organisation_id))]),
  ]);
  const itemOf = new Map(items.map((i) => [`${i.theme_id}:${i.key}`, i]));
  return organisations.map((org) => {
    const mine = obligations.filter((o) => o.organisation_id === org.id);
    const answered = mine.filter((o) => o.answered).length;
    return {
      id: org.id,
      slug: org.slug,
      name: org.name,
      owed: mine.length,
      answered,
      percent: percentOf(answered, mine.length),
      items: mine.map((o) => {
        const item = itemOf.get(`${o.theme_id}:${o.action_key}`);
        return {
          themeSlug: item?.theme_slug ?? "",
          themeName: item?.theme_name ?? "",
          key: o.action_key,
          text: item?.text ?? "An action no longer in its route map",
          role: o.role,
          answered: o.answered,
        };
      }),
    };
  });
}

/** One round: each organisation, what it owes, whether it has answered; its reminders (progress.review). */
export async function getRound(db: Db, actor: Actor, id: number): Promise<RoundDetail> {
  authorize(actor, "progress.review");
  const row = await rounds.findRound(db, id);
  if (!row) throw new NotFoundError("There is no reporting round at this address.");
  const obligations = await rounds.listObligations(db, { roundIds: [id] });
  const [[summary], organisations, reminders] = await Promise.all([
    summaries(db, [row], obligations),
    byOrganisation(db, obligations),
    rounds.reminderSummary(db, [id]),
  ]);
  // Organisations furthest behind first, then by name.
  organisations.sort((a, b) => a.percent - b.percent || a.name.localeCompare(b.name, "en-GB"));
  return {
    ...summary!,
    organisations,
    reminders: reminders.map((r) => ({
      sendOn: r.send_on,
      total: Number(r.total),
      sent: Number(r.sent),
      skipped: Number(r.skipped),
      failing: Number(r.failing),
    })),
  };
}

export interface OwedInRound extends RoundSummary {
  organisation: RoundOrganisation;
}

/**
 * The open rounds an organisation owes updates in, with what it owes and has answered: for its
 * contributors and the programme team (progress.read_private for it).
 */
export async function openRoundsFor(db: Db, actor: Actor, organisationId: number): Promise<OwedInRound[]> {
  authorize(actor, "progress.read_private", { organisationId });
  const ids = await rounds.roundIdsOwedBy(db, organisationId, true);
  const [rows, obligations] = await Promise.all([
    rounds.listRounds(db, { ids }),
    rounds.listObligations(db, { roundIds: ids, organisationId }),
  ]);
  const list = await summaries(db, rows, obligations);
  const result: OwedInRound[] = [];
  for (const round of list) {
    const [organisation] = await byOrganisation(
      db,
      obligations.filter((o) => o.round_id === round.id),
    );
    if (organisation) result.push({ ...round, organisation });
  }
  return result.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}
