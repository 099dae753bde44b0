import { sql } from "kysely";
import type { ObservationFlag, PendingRow, PeriodType } from "../../db/schema.ts";
import type { Db, Trx } from "../../platform/database.ts";
import { comparePeriods, parsePeriod } from "./period.ts";

// SQL for observations. Uploads travel as one JSON parameter read with jsonb_to_recordset, so a
// batch of thousands of rows is two statements: keep the old values of the rows that change
// (observation_revision), then insert or update them.

export interface ObservationRow {
  period: string;
  period_type: PeriodType;
  period_start: string;
  geography: string;
  breakdown: Record<string, string>;
  value: number | null;
  flag: ObservationFlag | null;
}

export interface ObservationFilter {
  geographies?: readonly string[];
  /** Exactly this breakdown; {} is the total (no breakdown). Absent: every breakdown. */
  breakdown?: Record<string, string>;
  period?: string;
}

export function listObservations(db: Db, indicatorId: number, filter: ObservationFilter = {}) {
  let q = db
    .selectFrom("observation")
    .select(["period", "period_type", "period_start", "geography", "breakdown", "value", "flag"])
    .where("indicator_id", "=", indicatorId);
  if (filter.geographies) {
    if (filter.geographies.length === 0) return Promise.resolve([] as ObservationRow[]);
    q = q.where("geography", "in", filter.geographies);
  }
  if (filter.breakdown) q = q.where(sql<boolean>`breakdown = ${JSON.stringify(filter.breakdown)}::jsonb`);
  if (filter.period) q = q.where("period", "=", filter.period);
  return q.orderBy("period_start").orderBy("geography").orderBy(sql`breakdown::text`).execute() as Promise<
    ObservationRow[]
  >;
}

/**
 * The breakdowns an indicator's observations use, e.g. [{}, {"age band": "0-4"}]. Read by skipping
 * through the series index one (area, breakdown) pair at a time: a few thousand index probes at
 * most, however many periods there are, rather than every row.
 */
export async function listBreakdowns(db: Db, indicatorId: number): Promise<Array<Record<string, string>>> {
  const result = await sql<{ breakdown: Record<string, string> }>`
    with recursive pair(geography, breakdown) as (
      (select geography, breakdown from observation where indicator_id = ${indicatorId}
        order by geography, breakdown limit 1)
      union all
      select next.geography, next.breakdown from pair, lateral (
        select o.geography, o.breakdown from observation o
        where o.indicator_id = ${indicatorId} and (o.geography, o.breakdown) > (pair.geography, pair.breakdown)
        order by o.geography, o.breakdown limit 1) next
    )
    select distinct breakdown from pair`.execute(db);
  return result.rows.map((r) => r.breakdown);
}

/**
 * The periods an indicator has data for, newest first. Read by skipping through the unique index
 * (indicator_id, period, …) one period at a time, then put in order by when each period starts.
 */
export async function listPeriods(db: Db, indicatorId: number): Promise<string[]> {
  const result = await sql<{ period: string }>`
    with recursive p(period) as (
      (select period from observation where indicator_id = ${indicatorId} order by period limit 1)
      union all
      select (select o.period from observation o
              where o.indicator_id = ${indicatorId} and o.period > p.period order by o.period limit 1)
      from p where p.period is not null
    )
    select period from p where period is not null`.execute(db);
  return result.rows.map((r) => r.period).sort((a, b) => comparePeriods(b, a) || (a < b ? 1 : -1));
}

function batchJson(rows: readonly PendingRow[]): string {
  return JSON.stringify(
    rows.map((r) => {
      const p = parsePeriod(r.period)!;
      return {
        period: p.text,
        period_type: p.type,
        period_start: p.start,
        geography: r.geography,
        breakdown: r.breakdown,
        value: r.value,
        flag: r.flag,
      };
    }),
  );
}

const recordset = (json: string) =>
  sql`jsonb_to_recordset(${json}::jsonb) as v(period text, period_type text, period_start date, geography text, breakdown jsonb, value numeric, flag text)`;

/** How an upload would change what is stored: new rows, changed rows, rows the same as now. */
export async function compareWithStored(
  db: Db,
  indicatorId: number,
  rows: readonly PendingRow[],
): Promise<{ added: number; replaced: number; unchanged: number }> {
  let matched = 0;
  let replaced = 0;
  for (let i = 0; i < rows.length; i += 5000) {
    const batch = rows.slice(i, i + 5000);
    const result = await sql<{ matched: number; changed: number }>`
      select count(o.id)::int as matched,
             count(o.id) filter (where (o.value, o.flag) is distinct from (v.value, v.flag))::int as changed
      from ${recordset(batchJson(batch))}
      left join observation o on o.indicator_id = ${indicatorId} and o.period = v.period
        and o.geography = v.geography and o.breakdown = v.breakdown`.execute(db);
    matched += result.rows[0]!.matched;
    replaced += result.rows[0]!.changed;
  }
  return { added: rows.length - matched, replaced, unchanged: matched - replaced };
}

/**
 * Saves one batch: the old value of every observation the batch changes goes into its revision
 * history, then the batch is inserted or updated. Rows that are the same as stored are left alone.
 */
export async function applyBatch(
  trx: Db,
  indicatorId: number,
  uploadId: number,
  rows: readonly PendingRow[],
  options: { fresh?: boolean } = {},
): Promise<{ added: number; replaced: number }> {
  const json = batchJson(rows);
  if (options.fresh) {
    // Nothing was stored for this indicator when the upload began: there is nothing to revise or
    // replace (the rows were checked for duplicates), so a plain insert, the cheapest there is.
    const inserted = await sql`
      insert into observation (indicator_id, period, period_type, period_start, geography, breakdown, value, flag, upload_id)
      select ${indicatorId}, v.period, v.period_type, v.period_start, v.geography, v.breakdown, v.value, v.flag, ${uploadId}
      from ${recordset(json)}`.execute(trx);
    return { added: Number(inserted.numAffectedRows ?? 0), replaced: 0 };
  }
  const revised = await sql`
    insert into observation_revision (observation_id, value, flag, upload_id, replaced_by_upload_id)
    select o.id, o.value, o.flag, o.upload_id, ${uploadId}
    from ${recordset(json)}
    join observation o on o.indicator_id = ${indicatorId} and o.period = v.period
      and o.geography = v.geography and o.breakdown = v.breakdown
    where (o.value, o.flag) is distinct from (v.value, v.flag)`.execute(trx);
  const written = await sql`
    insert into observation (indicator_id, period, period_type, period_start, geography, breakdown, value, flag, upload_id)
    select ${indicatorId}, v.period, v.period_type, v.period_start, v.geography, v.breakdown, v.value, v.flag, ${uploadId}
    from ${recordset(json)}
    on conflict (indicator_id, period, geography, breakdown) do update
      set value = excluded.value, flag = excluded.flag, upload_id = excluded.upload_id, updated_at = now()
      where (observation.value, observation.flag) is distinct from (excluded.value, excluded.flag)`.execute(
    trx,
  );
  const replaced = Number(revised.numAffectedRows ?? 0);
  return { added: Number(written.numAffectedRows ?? 0) - replaced, replaced };
}

/** Writes a checkpoint, so PGlite (which has no checkpointer) can recycle its write-ahead log. */
export async function checkpoint(trx: Trx): Promise<void> {
  await sql`checkpoint`.execute(trx);
}

/** Whether an indicator has any observation stored. */
export async function hasObservations(db: Db, indicatorId: number): Promise<boolean> {
  const row = await db
    .selectFrom("observation")
    .select("id")
    .where("indicator_id", "=", indicatorId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertUpload(
  trx: Db,
  values: { indicator_id: number; file_name: string; rows: number; uploaded_by: string },
): Promise<number> {
  const row = await trx
    .insertInto("indicator_upload")
    .values({ ...values, added: 0, replaced: 0, unchanged: 0 })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function finishUpload(
  trx: Db,
  uploadId: number,
  counts: { added: number; replaced: number; unchanged: number },
): Promise<void> {
  await trx.updateTable("indicator_upload").set(counts).where("id", "=", uploadId).execute();
}

/** An observation's earlier values, newest first (for analysts). */
export function listRevisions(db: Db, indicatorId: number) {
  return db
    .selectFrom("observation_revision")
    .innerJoin("observation", "observation.id", "observation_revision.observation_id")
    .select([
      "observation.period",
      "observation.geography",
      "observation.breakdown",
      "observation_revision.value",
      "observation_revision.flag",
      "observation_revision.replaced_at",
    ])
    .where("observation.indicator_id", "=", indicatorId)
    .orderBy("observation_revision.id", "desc")
    .execute();
}

export function listUploads(db: Db, indicatorId: number) {
  return db
    .selectFrom("indicator_upload")
    .selectAll()
    .where("indicator_id", "=", indicatorId)
    .orderBy("id", "desc")
    .execute();
}

export async function savePending(
  trx: Db,
  values: { indicator_id: number; user_id: number; file_name: string; rows: PendingRow[] },
): Promise<number> {
  // One pending upload per analyst and indicator: a newer file replaces one never confirmed.
  await trx
    .deleteFrom("indicator_upload_pending")
    .where("user_id", "=", values.user_id)
    .where("indicator_id", "=", values.indicator_id)
    .execute();
  const row = await trx
    .insertInto("indicator_upload_pending")
    .values({ ...values, rows: JSON.stringify(values.rows) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findPending(db: Db, id: number, userId: number, indicatorId: number) {
  return db
    .selectFrom("indicator_upload_pending")
    .selectAll()
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .where("indicator_id", "=", indicatorId)
    .executeTakeFirst();
}

export async function deletePending(trx: Db, id: number): Promise<void> {
  await trx.deleteFrom("indicator_upload_pending").where("id", "=", id).execute();
}
