import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import type { PendingRow } from "../../db/schema.ts";
import type { Actor } from "../../platform/actor.ts";
import type { DatabaseHandle, Db } from "../../platform/database.ts";
import { GEOGRAPHIES } from "./geography.ts";
import { actorWithRole, createTestIndicator } from "./indicator.test-support.ts";
import { listBreakdowns, listObservations, listPeriods } from "./observation.repository.ts";
import { saveObservations } from "./upload.service.ts";

// The reads the indicator page makes at scale, which skip through indexes rather than reading
// every row: they must still find every period and every breakdown, wherever it appears.

let handle: DatabaseHandle;
let db: Db;
let analyst: Actor;

beforeAll(async () => {
  handle = await createTestDatabase("empty");
  db = handle.db;
  analyst = await actorWithRole(db, "analyst");
}, 60_000);
afterAll(async () => {
  await handle?.close();
});

const row = (
  period: string,
  geography: string,
  value: number,
  breakdown: Record<string, string> = {},
): PendingRow => ({
  period,
  geography,
  breakdown,
  value,
  flag: null,
});

async function save(indicatorId: number, rows: PendingRow[]) {
  return db
    .transaction()
    .execute((trx) => saveObservations(trx, analyst, { indicatorId, fileName: "t.csv", rows }));
}

describe("reading observations by index", () => {
  it("lists every period newest first by when it starts, whatever its kind, and every breakdown in use", async () => {
    const { id } = await createTestIndicator(db, analyst, { breakdowns: ["age band", "sex"] });
    const other = await createTestIndicator(db, analyst);
    await save(other.id, [row("1999", "S92000003", 1, {}), row("2030", "S92000003", 1)]);
    const counts = await save(id, [
      row("2023", "S92000003", 10),
      row("2022-23", "S92000003", 11),
      row("2023-07-31", "S92000003", 12),
      row("2023-01-01", "S92000003", 13),
      row("2019", "S12000036", 14),
      // A breakdown found in one council area only, and one in Scotland only.
      row("2023", "S12000049", 15, { "age band": "0-4" }),
      row("2023", "S92000003", 16, { "age band": "5-11", sex: "female" }),
    ]);
    expect(counts).toMatchObject({ added: 7, replaced: 0, unchanged: 0 });

    // Two periods that start the same day ("2023" and "2023-01-01") are put in a fixed order.
    expect(await listPeriods(db, id)).toEqual(["2023-07-31", "2023-01-01", "2023", "2022-23", "2019"]);
    const breakdowns = await listBreakdowns(db, id);
    expect(breakdowns).toHaveLength(3);
    expect(breakdowns).toEqual(
      expect.arrayContaining([{}, { "age band": "0-4" }, { "age band": "5-11", sex: "female" }]),
    );
    expect(await listPeriods(db, (await createTestIndicator(db, analyst)).id)).toEqual([]);
    expect(await listBreakdowns(db, (await createTestIndicator(db, analyst)).id)).toEqual([]);

    const scotland = await listObservations(db, id, { geographies: ["S92000003"], breakdown: {} });
    expect(scotland.map((r) => r.period_start)).toEqual([
      "2022-04-01",
      "2023-01-01",
      "2023-01-01",
      "2023-07-31",
    ]);
    expect(scotland.map((r) => r.value).sort()).toEqual([10, 11, 12, 13]);
  });

  it("a second load into the same indicator replaces values and keeps the old ones as revisions", async () => {
    const { id } = await createTestIndicator(db, analyst);
    await save(id, [row("2022", "S92000003", 100), row("2023", "S92000003", 200)]);
    const counts = await save(id, [
      row("2022", "S92000003", 100),
      row("2023", "S92000003", 210),
      row("2024", "S92000003", 220),
    ]);
    expect(counts).toMatchObject({ added: 1, replaced: 1, unchanged: 1 });
    const revisions = await db
      .selectFrom("observation_revision")
      .innerJoin("observation", "observation.id", "observation_revision.observation_id")
      .select(["observation.period", "observation_revision.value"])
      .where("observation.indicator_id", "=", id)
      .execute();
    expect(revisions).toEqual([{ period: "2023", value: 200 }]);
  });

  it("a load of more than one batch on embedded PGlite checkpoints between batches and saves every row", async () => {
    const { id } = await createTestIndicator(db, analyst);
    const rows: PendingRow[] = [];
    for (let year = 1800; rows.length <= 10_000; year++)
      for (const area of GEOGRAPHIES) rows.push(row(String(year), area.code, year));
    const counts = await db.transaction().execute((trx) =>
      saveObservations(trx, analyst, { indicatorId: id, fileName: "big.csv", rows }, undefined, {
        embedded: handle.kind === "pglite",
      }),
    );
    expect(counts).toMatchObject({ added: rows.length, replaced: 0, unchanged: 0 });
    const stored = await db
      .selectFrom("observation")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("indicator_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(rows.length);
  });
});
