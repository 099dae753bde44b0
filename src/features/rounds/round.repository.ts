import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { ReminderOutcome, ResponsibilityRole } from "../../db/schema.ts";
import type { Db } from "../../platform/database.ts";

// The SQL of reporting rounds: the round, what each organisation owes in it (and whether it has
// answered: an update for the action submitted since the round opened, and before it closed), and
// its reminders.

const ROUND = [
  "reporting_round.id",
  "reporting_round.title",
  "reporting_round.due_date",
  "reporting_round.all_route_maps",
  "reporting_round.days_before",
  "reporting_round.days_after",
  "reporting_round.opened_at",
  "reporting_round.closed_at",
] as const;

export type RoundRow = {
  id: number;
  title: string;
  due_date: string;
  all_route_maps: boolean;
  days_before: number[];
  days_after: number[];
  opened_at: Date;
  closed_at: Date | null;
};

export async function insertRound(
  db: Db,
  row: {
    title: string;
    due_date: string;
    all_route_maps: boolean;
    days_before: number[];
    days_after: number[];
    opened_by: number | null;
  },
): Promise<number> {
  const { id } = await db
    .insertInto("reporting_round")
    .values({
      ...row,
      // Arrays as PostgreSQL array literals: the same on PGlite and pg.
      days_before: sql<number[]>`${`{${row.days_before.join(",")}}`}::integer[]`,
      days_after: sql<number[]>`${`{${row.days_after.join(",")}}`}::integer[]`,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertRoundThemes(db: Db, roundId: number, themeIds: number[]): Promise<void> {
  if (themeIds.length === 0) return;
  await db
    .insertInto("reporting_round_theme")
    .values(themeIds.map((theme_id) => ({ round_id: roundId, theme_id })))
    .execute();
}

export async function insertObligations(
  db: Db,
  rows: Array<{
    round_id: number;
    organisation_id: number;
    theme_id: number;
    action_key: string;
    role: ResponsibilityRole;
  }>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto("round_obligation")
      .values(rows.slice(i, i + 1000))
      .execute();
}

export async function insertReminders(
  db: Db,
  rows: Array<{ round_id: number; organisation_id: number; send_on: string }>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto("round_reminder")
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) => oc.doNothing())
      .execute();
}

export function findRound(db: Db, id: number): Promise<RoundRow | undefined> {
  return db.selectFrom("reporting_round").select(ROUND).where("id", "=", id).executeTakeFirst();
}

/** Every round, open ones first, newest first. */
export function listRounds(db: Db, where: { openOnly?: boolean; ids?: number[] } = {}): Promise<RoundRow[]> {
  let query = db
    .selectFrom("reporting_round")
    .select(ROUND)
    .orderBy(sql`closed_at is not null`)
    .orderBy("due_date", "desc")
    .orderBy("id", "desc");
  if (where.openOnly) query = query.where("closed_at", "is", null);
  if (where.ids) {
    if (where.ids.length === 0) return Promise.resolve([]);
    query = query.where("id", "in", where.ids);
  }
  return query.execute();
}

export function listRoundThemes(db: Db, roundIds: number[]) {
  if (roundIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("reporting_round_theme")
    .innerJoin("theme", "theme.id", "reporting_round_theme.theme_id")
    .select(["reporting_round_theme.round_id", "theme.id", "theme.slug", "theme.name"])
    .where("reporting_round_theme.round_id", "in", roundIds)
    .orderBy("theme.position")
    .execute();
}

export async function closeRound(db: Db, id: number, userId: number | null): Promise<boolean> {
  const result = await db
    .updateTable("reporting_round")
    .set({ closed_at: sql`now()`, closed_by: userId })
    .where("id", "=", id)
    .where("closed_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type ObligationRow = {
  round_id: number;
  organisation_id: number;
  theme_id: number;
  action_key: string;
  role: ResponsibilityRole;
  answered: boolean;
};

/** What organisations owe in rounds, each with whether it has answered. */
export function listObligations(
  db: Db,
  where: { roundIds: number[]; organisationId?: number },
): Promise<ObligationRow[]> {
  if (where.roundIds.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom("round_obligation as o")
    .innerJoin("reporting_round as r", "r.id", "o.round_id")
    .select((eb) => [
      "o.round_id",
      "o.organisation_id",
      "o.theme_id",
      "o.action_key",
      "o.role",
      eb
        .exists(
          eb
            .selectFrom("progress_update as u")
            .select(sql`1`.as("one"))
            .whereRef("u.organisation_id", "=", "o.organisation_id")
            .whereRef("u.theme_id", "=", "o.theme_id")
            .whereRef("u.action_key", "=", "o.action_key")
            .where("u.state", "=", "submitted")
            .whereRef("u.submitted_at", ">=", "r.opened_at")
            .where((w) =>
              w.or([w("r.closed_at", "is", null), w("u.submitted_at", "<=", w.ref("r.closed_at"))]),
            ),
        )
        .$castTo<boolean>()
        .as("answered"),
    ])
    .where("o.round_id", "in", where.roundIds)
    .orderBy("o.round_id")
    .orderBy("o.organisation_id")
    .orderBy("o.theme_id");
  if (where.organisationId !== undefined) query = query.where("o.organisation_id", "=", where.organisationId);
  return query.execute();
}

/** Rounds (open ones only, if asked) in which an organisation owes anything. */
export async function roundIdsOwedBy(db: Db, organisationId: number, openOnly: boolean): Promise<number[]> {
  let query = db
    .selectFrom("round_obligation")
    .innerJoin("reporting_round", "reporting_round.id", "round_obligation.round_id")
    .select("round_obligation.round_id")
    .distinct()
    .where("round_obligation.organisation_id", "=", organisationId);
  if (openOnly) query = query.where("reporting_round.closed_at", "is", null);
  return (await query.execute()).map((r) => r.round_id);
}

/** Each reminder day of the given rounds, with how many were sent, not needed, failing or waiting. */
export function reminderSummary(db: Db, roundIds: number[]) {
  if (roundIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("round_reminder")
    .select((eb) => [
      "round_id",
      "send_on",
      eb.fn.countAll<number>().as("total"),
      eb.fn.count<number>("id").filterWhere("outcome", "=", "sent").as("sent"),
      eb.fn
        .count<number>("id")
        .filterWhere("outcome", "in", ["answered", "superseded", "no_contributors"])
        .as("skipped"),
      eb.fn
        .count<number>("id")
        .filterWhere((w) => w.and([w("sent_at", "is", null), w("attempts", ">", 0)]))
        .as("failing"),
    ])
    .where("round_id", "in", roundIds)
    .groupBy(["round_id", "send_on"])
    .orderBy("round_id")
    .orderBy("send_on")
    .execute();
}

// --- The reminder pass ---

/**
 * Claims the next reminder that is due and not yet dealt with, in an open round, locking its row
 * for this transaction. SKIP LOCKED: a reminder another pass (or another instance) is working on
 * is passed over, never waited for, so no reminder is sent twice. The latest due comes first, so
 * after a long stop an organisation gets one reminder, not a backlog.
 */
/** How long a pass holds a reminder it has claimed; it renews the claim before each email. */
const CLAIM = "10 minutes";

export interface ClaimedReminder {
  id: number;
  round_id: number;
  organisation_id: number;
  send_on: string;
  /** This pass's claim: only the pass holding it may record what happened. */
  claim: string;
}

/**
 * Claims the next reminder due (send_on on or before today, its round open), not passed over and
 * not claimed by another pass, in a short transaction of its own: the emails then go out with no
 * transaction open. A claim runs out after CLAIM, so a pass that died leaves its reminder to the next.
 */
export function claimNextReminder(db: Db, today: string, passedOver: number[]) {
  return db.transaction().execute(async (trx): Promise<ClaimedReminder | undefined> => {
    let query = trx
      .selectFrom("round_reminder")
      .select(["id", "round_id", "organisation_id", "send_on"])
      .where("sent_at", "is", null)
      .where("send_on", "<=", today)
      .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<", sql<Date>`now()`)]))
      .where("round_id", "in", (eb) =>
        eb.selectFrom("reporting_round").select("id").where("closed_at", "is", null),
      )
      .orderBy("send_on", "desc")
      .orderBy("id")
      .limit(1)
      .forUpdate()
      .skipLocked();
    if (passedOver.length > 0) query = query.where("id", "not in", passedOver);
    const reminder = await query.executeTakeFirst();
    if (!reminder) return undefined;
    const claim = randomUUID();
    await trx
      .updateTable("round_reminder")
      .set({ claimed_by: claim, claimed_until: sql`now() + ${CLAIM}::interval` })
      .where("id", "=", reminder.id)
      .execute();
    return { ...reminder, claim };
  });
}

/** Extends this pass's claim; false when it ran out and another pass has taken the reminder. */
export async function renewClaim(db: Db, reminder: ClaimedReminder): Promise<boolean> {
  const result = await db
    .updateTable("round_reminder")
    .set({ claimed_until: sql`now() + ${CLAIM}::interval` })
    .where("id", "=", reminder.id)
    .where("claimed_by", "=", reminder.claim)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Marks a reminder dealt with and lets go of it; any earlier one for the same round and
 * organisation still waiting is no longer needed. Does nothing when the claim was lost.
 */
export async function markReminder(
  db: Db,
  reminder: ClaimedReminder,
  outcome: ReminderOutcome,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const mine = await trx
      .updateTable("round_reminder")
      .set({
        sent_at: sql`now()`,
        outcome,
        attempts: (eb) => eb("attempts", "+", 1),
        last_error: null,
        claimed_by: null,
        claimed_until: null,
      })
      .where("id", "=", reminder.id)
      .where("claimed_by", "=", reminder.claim)
      .executeTakeFirst();
    if (mine.numUpdatedRows === 0n) return;
    await trx
      .updateTable("round_reminder")
      .set({ sent_at: sql`now()`, outcome: "superseded" })
      .where("round_id", "=", reminder.round_id)
      .where("organisation_id", "=", reminder.organisation_id)
      .where("send_on", "<", reminder.send_on)
      .where("sent_at", "is", null)
      .execute();
  });
}

/** Records a failed attempt and lets go of the reminder, so the next pass tries again. */
export async function recordReminderFailure(db: Db, reminder: ClaimedReminder, error: string): Promise<void> {
  await db
    .updateTable("round_reminder")
    .set({
      attempts: (eb) => eb("attempts", "+", 1),
      last_error: error.slice(0, 2000),
      claimed_by: null,
      claimed_until: null,
    })
    .where("id", "=", reminder.id)
    .where("claimed_by", "=", reminder.claim)
    .execute();
}

/** The active contributors of an organisation, by name. */
export function listContributors(db: Db, organisationId: number) {
  return db
    .selectFrom("user_role")
    .innerJoin("app_user", "app_user.id", "user_role.user_id")
    .select(["app_user.id", "app_user.name", "app_user.email"])
    .distinct()
    .where("user_role.role", "=", "organisation_contributor")
    .where("user_role.organisation_id", "=", organisationId)
    .where("app_user.status", "=", "active")
    .orderBy("app_user.name")
    .orderBy("app_user.id")
    .execute();
}

export async function deliveredTo(db: Db, reminderId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("round_reminder_delivery")
    .select("user_id")
    .where("reminder_id", "=", reminderId)
    .execute();
  return rows.map((r) => r.user_id);
}

export async function recordDelivery(
  db: Db,
  row: { reminder_id: number; user_id: number; email: string },
): Promise<void> {
  await db.insertInto("round_reminder_delivery").values(row).execute();
}
