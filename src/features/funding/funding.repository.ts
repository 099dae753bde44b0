import { type Insertable, sql, type Updateable } from "kysely";
import type { FundAllocationTable, FundTable, FundYearTable } from "../../db/schema.ts";
import type { Db } from "../../platform/database.ts";

// All of funding's SQL. Every update is one conditional statement on the version the form was
// made from: it changes one row, or none when someone else saved first (the service then refuses
// with a conflict). Amounts are whole pence (bigint columns, read as numbers).

const changed = (result: { numUpdatedRows: bigint }) => Number(result.numUpdatedRows) === 1;

function fundColumns(db: Db) {
  return db
    .selectFrom("fund")
    .leftJoin("organisation", "organisation.id", "fund.owner_organisation_id")
    .select([
      "fund.id",
      "fund.slug",
      "fund.name",
      "fund.description",
      "fund.owner_organisation_id",
      "organisation.name as owner_name",
      "organisation.slug as owner_slug",
      "fund.commitment_pence",
      "fund.first_year",
      "fund.last_year",
      "fund.published",
      "fund.version",
    ]);
}

export type FundRow = Awaited<ReturnType<typeof findFund>> & {};

export function listFunds(db: Db, publishedOnly: boolean) {
  let query = fundColumns(db).orderBy("fund.name").orderBy("fund.id");
  if (publishedOnly) query = query.where("fund.published", "=", true);
  return query.execute();
}

export function findFund(db: Db, slug: string) {
  return fundColumns(db).where("fund.slug", "=", slug).executeTakeFirst();
}

export function slugTaken(db: Db, slug: string): Promise<boolean> {
  return db
    .selectFrom("fund")
    .select("id")
    .where("slug", "=", slug)
    .executeTakeFirst()
    .then((row) => row !== undefined);
}

export function insertFund(db: Db, values: Insertable<FundTable>): Promise<{ id: number }> {
  return db.insertInto("fund").values(values).returning("id").executeTakeFirstOrThrow();
}

export async function updateFund(
  db: Db,
  id: number,
  version: number,
  values: Updateable<FundTable>,
): Promise<boolean> {
  return changed(
    await db
      .updateTable("fund")
      .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst(),
  );
}

/** The years of funds, in order: of one fund, or of every fund with these ids. */
export function listYears(db: Db, fundIds: number[]) {
  if (fundIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("fund_year")
    .select(["id", "fund_id", "year", "planned_pence", "actual_pence", "status", "version"])
    .where("fund_id", "in", fundIds)
    .orderBy("fund_id")
    .orderBy("year")
    .execute();
}

export function findYear(db: Db, fundId: number, id: number) {
  return db
    .selectFrom("fund_year")
    .selectAll()
    .where("fund_id", "=", fundId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export function yearTaken(db: Db, fundId: number, year: number, exceptId?: number): Promise<boolean> {
  let query = db.selectFrom("fund_year").select("id").where("fund_id", "=", fundId).where("year", "=", year);
  if (exceptId !== undefined) query = query.where("id", "<>", exceptId);
  return query.executeTakeFirst().then((row) => row !== undefined);
}

export function insertYear(db: Db, values: Insertable<FundYearTable>): Promise<{ id: number }> {
  return db.insertInto("fund_year").values(values).returning("id").executeTakeFirstOrThrow();
}

export async function updateYear(
  db: Db,
  id: number,
  version: number,
  values: Updateable<FundYearTable>,
): Promise<boolean> {
  return changed(
    await db
      .updateTable("fund_year")
      .set({ ...values, version: sql`version + 1` })
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst(),
  );
}

/** Allocations of funds (all, or published only), with the organisation's name when it has one. */
export function listAllocations(db: Db, fundIds: number[], publishedOnly: boolean) {
  if (fundIds.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom("fund_allocation")
    .leftJoin("organisation", "organisation.id", "fund_allocation.organisation_id")
    .select([
      "fund_allocation.id",
      "fund_allocation.fund_id",
      "fund_allocation.organisation_id",
      "organisation.name as organisation_name",
      "organisation.slug as organisation_slug",
      "fund_allocation.area_code",
      "fund_allocation.year",
      "fund_allocation.planned_pence",
      "fund_allocation.actual_pence",
      "fund_allocation.award_years",
      "fund_allocation.purpose",
      "fund_allocation.published",
      "fund_allocation.version",
    ])
    .where("fund_allocation.fund_id", "in", fundIds)
    .orderBy("fund_allocation.fund_id")
    .orderBy("fund_allocation.year")
    .orderBy("fund_allocation.id");
  if (publishedOnly) query = query.where("fund_allocation.published", "=", true);
  return query.execute();
}

export type AllocationRow = Awaited<ReturnType<typeof listAllocations>>[number];

export function findAllocation(db: Db, fundId: number, id: number) {
  return db
    .selectFrom("fund_allocation")
    .selectAll()
    .where("fund_id", "=", fundId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export function insertAllocation(db: Db, values: Insertable<FundAllocationTable>): Promise<{ id: number }> {
  return db.insertInto("fund_allocation").values(values).returning("id").executeTakeFirstOrThrow();
}

export async function updateAllocation(
  db: Db,
  id: number,
  version: number,
  values: Updateable<FundAllocationTable>,
): Promise<boolean> {
  return changed(
    await db
      .updateTable("fund_allocation")
      .set({ ...values, version: sql`version + 1` })
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst(),
  );
}

/** The actions a fund pays for, by theme and key (the action's words come from accountability). */
export function listActionLinks(db: Db, fundIds: number[]) {
  if (fundIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("fund_action")
    .select(["fund_id", "theme_id", "action_key"])
    .where("fund_id", "in", fundIds)
    .execute();
}

export async function insertActionLink(
  db: Db,
  fundId: number,
  themeId: number,
  key: string,
): Promise<boolean> {
  const result = await db
    .insertInto("fund_action")
    .values({ fund_id: fundId, theme_id: themeId, action_key: key })
    .onConflict((c) => c.doNothing())
    .returning("fund_id")
    .executeTakeFirst();
  return result !== undefined;
}

export async function deleteActionLink(
  db: Db,
  fundId: number,
  themeId: number,
  key: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom("fund_action")
    .where("fund_id", "=", fundId)
    .where("theme_id", "=", themeId)
    .where("action_key", "=", key)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** The funds (published only, or all) linked to one action. */
export function listFundsForAction(db: Db, themeId: number, key: string) {
  return fundColumns(db)
    .innerJoin("fund_action", "fund_action.fund_id", "fund.id")
    .where("fund_action.theme_id", "=", themeId)
    .where("fund_action.action_key", "=", key)
    .where("fund.published", "=", true)
    .orderBy("fund.name")
    .execute();
}

/** The commitments (key actions of imported progress updates) a fund pays for, in their documents' order. */
export function listCommitmentLinks(db: Db, fundIds: number[]) {
  if (fundIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("fund_commitment")
    .innerJoin("commitment", "commitment.id", "fund_commitment.commitment_id")
    .select(["fund_commitment.fund_id", "commitment.id", "commitment.text", "commitment.document_title"])
    .where("fund_commitment.fund_id", "in", fundIds)
    .orderBy("commitment.imported_document_id")
    .orderBy("commitment.ordinal")
    .execute();
}

export async function insertCommitmentLink(db: Db, fundId: number, commitmentId: number): Promise<boolean> {
  const result = await db
    .insertInto("fund_commitment")
    .values({ fund_id: fundId, commitment_id: commitmentId })
    .onConflict((c) => c.doNothing())
    .returning("fund_id")
    .executeTakeFirst();
  return result !== undefined;
}

export async function deleteCommitmentLink(db: Db, fundId: number, commitmentId: number): Promise<boolean> {
  const result = await db
    .deleteFrom("fund_commitment")
    .where("fund_id", "=", fundId)
    .where("commitment_id", "=", commitmentId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
