import { type Kysely, sql } from "kysely";

// Frozen in time: this migration must never change once released. Later changes get new files.
// Funding lines (features/funding): a fund's commitment over named Scottish financial years, its
// planned and actual amount each year, its allocations to organisations or council areas, and
// the route-map actions and commitments it pays for. Money is whole pence in bigint columns (never
// floating point); a financial year is the calendar year it starts in (2022 for "2022-23").

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("fund")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("owner_organisation_id", "integer", (c) => c.references("organisation.id"))
    .addColumn("commitment_pence", "bigint", (c) => c.notNull().check(sql`commitment_pence >= 0`))
    .addColumn("first_year", "integer", (c) => c.notNull())
    .addColumn("last_year", "integer", (c) => c.notNull())
    .addColumn("published", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("fund_years_in_order", sql`first_year <= last_year`)
    .execute();

  await db.schema
    .createTable("fund_year")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("fund_id", "integer", (c) => c.notNull().references("fund.id").onDelete("cascade"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("planned_pence", "bigint", (c) => c.notNull().check(sql`planned_pence >= 0`))
    .addColumn("actual_pence", "bigint", (c) => c.check(sql`actual_pence >= 0`))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('committed', 'paid', 'underspent')`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint("fund_year_fund_year_key", ["fund_id", "year"])
    .execute();

  await db.schema
    .createTable("fund_allocation")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("fund_id", "integer", (c) => c.notNull().references("fund.id").onDelete("cascade"))
    .addColumn("organisation_id", "integer", (c) => c.references("organisation.id"))
    .addColumn("area_code", "text")
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("planned_pence", "bigint", (c) => c.notNull().check(sql`planned_pence >= 0`))
    .addColumn("actual_pence", "bigint", (c) => c.check(sql`actual_pence >= 0`))
    // How many years the award this allocation belongs to covers: 1 is a single-year award.
    .addColumn("award_years", "integer", (c) =>
      c.notNull().defaultTo(1).check(sql`award_years between 1 and 10`),
    )
    .addColumn("purpose", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("published", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addCheckConstraint(
      "fund_allocation_one_recipient",
      sql`(organisation_id is null) <> (area_code is null)`,
    )
    .execute();
  await db.schema
    .createIndex("fund_allocation_fund_idx")
    .on("fund_allocation")
    .columns(["fund_id", "year"])
    .execute();

  // By action key, not edition row, as accountability does: a link carries over new editions.
  await db.schema
    .createTable("fund_action")
    .addColumn("fund_id", "integer", (c) => c.notNull().references("fund.id").onDelete("cascade"))
    .addColumn("theme_id", "integer", (c) => c.notNull().references("theme.id"))
    .addColumn("action_key", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("fund_action_pkey", ["fund_id", "theme_id", "action_key"])
    .execute();

  await db.schema
    .createTable("fund_commitment")
    .addColumn("fund_id", "integer", (c) => c.notNull().references("fund.id").onDelete("cascade"))
    .addColumn("commitment_id", "integer", (c) => c.notNull().references("commitment.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("fund_commitment_pkey", ["fund_id", "commitment_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["fund_commitment", "fund_action", "fund_allocation", "fund_year", "fund"]) {
    await db.schema.dropTable(table).execute();
  }
}
