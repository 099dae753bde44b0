// The progress framework's part of `npm run bench`: one million generated observations loaded
// through the same service an upload uses (batched, with revision history), timed, with the peak
// memory of the process; then the indicator page and its CSV rendered from that data.
import { performance } from "node:perf_hooks";
import type { FastifyInstance } from "fastify";
import type { PendingRow } from "../src/db/schema.ts";
import {
  createIndicator,
  createOutcome,
  createVisionStatement,
} from "../src/features/indicators/framework.service.ts";
import { GEOGRAPHIES } from "../src/features/indicators/geography.ts";
import { saveObservations } from "../src/features/indicators/upload.service.ts";
import type { Actor } from "../src/platform/actor.ts";
import type { Db } from "../src/platform/database.ts";

const TARGET = Number(process.env.BENCH_OBSERVATIONS ?? 1_000_000);

const BREAKDOWNS: Array<Record<string, string>> = [{}];
for (const age of ["0-4", "5-11", "12-15", "16-17"])
  for (const sex of ["female", "male"])
    for (const placement of ["at home", "kinship", "foster", "residential", "other"])
      BREAKDOWNS.push({ "age band": age, sex, placement });

/** Monthly snapshot dates from January 1980: as many as the target needs. */
function period(i: number): string {
  const year = 1980 + Math.floor(i / 12);
  return `${year}-${String((i % 12) + 1).padStart(2, "0")}-01`;
}

function generate(count: number): PendingRow[] {
  const rows: PendingRow[] = [];
  for (let p = 0; rows.length < count; p++)
    for (const geography of GEOGRAPHIES)
      for (const [b, breakdown] of BREAKDOWNS.entries()) {
        if (rows.length >= count) break;
        rows.push({
          period: period(p),
          geography: geography.code,
          breakdown,
          value: (p * 7 + b * 13) % 500,
          flag: null,
        });
      }
  return rows;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

export async function benchIndicators(
  db: Db,
  app: FastifyInstance,
  analyst: Actor,
  kind: "pglite" | "postgres",
): Promise<void> {
  await db
    .transaction()
    .execute((trx) => createVisionStatement(trx, analyst, { slug: "bench-vision", title: "Bench vision" }));
  await db.transaction().execute((trx) =>
    createOutcome(trx, analyst, {
      visionSlug: "bench-vision",
      slug: "bench-outcome",
      title: "Bench outcome",
    }),
  );
  const indicatorId = await db.transaction().execute((trx) =>
    createIndicator(trx, analyst, {
      outcomeSlug: "bench-outcome",
      slug: "bench-observations",
      title: "Generated observations",
      unit: "children",
      better: "lower",
      kind: "core",
      measure: "outcome",
      baselinePeriod: period(0),
      breakdowns: ["age band", "sex", "placement"],
      suppressBelow: 5,
      published: true,
    }),
  );
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const start = performance.now();
  const rows = generate(TARGET);
  const counts = await db.transaction().execute((trx) =>
    saveObservations(
      trx,
      analyst,
      { indicatorId, fileName: "bench", rows },
      (done, total) => {
        process.stderr.write(`\r  ${done}/${total} observations`);
      },
      { embedded: kind === "pglite" },
    ),
  );
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  process.stderr.write("\n");
  console.log(`\n## Progress framework\n`);
  console.log(
    `Loaded ${counts.added.toLocaleString("en-GB")} generated observations (${GEOGRAPHIES.length} areas × ${BREAKDOWNS.length} breakdowns × monthly periods) in ${seconds.toFixed(1)} s (${Math.round(counts.added / seconds).toLocaleString("en-GB")} a second); peak memory of the process ${mb(peak)} (${mb(before)} before the load began).\n`,
  );
  console.log("With the observations loaded, each address rendered from the database (no page cache):\n");
  console.log("| address | first ms | median of 5 ms |");
  console.log("|---|---:|---:|");
  for (const url of [
    "/indicators",
    "/indicators/bench-observations",
    "/indicators/bench-observations?geography=S12000036",
    "/indicators/bench-observations?geography=S12000036&breakdown=age%20band%3A%200-4%3B%20placement%3A%20foster%3B%20sex%3A%20female",
    // The thirteenth month, or the last there is when BENCH_OBSERVATIONS is small.
    `/indicators/bench-observations?period=${period(Math.min(12, Math.ceil(TARGET / (GEOGRAPHIES.length * BREAKDOWNS.length)) - 1))}`,
    "/indicators/council-areas?area=S12000036",
    "/indicators/bench-observations/data.csv?geography=S12000036",
    "/api/v1/indicators/bench-observations",
  ]) {
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      const t = performance.now();
      const response = await app.inject({ url });
      if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`);
      times.push(performance.now() - t);
    }
    const [first, ...rest] = times;
    rest.sort((a, b) => a - b);
    console.log(`| ${url} | ${first!.toFixed(0)} | ${rest[2]!.toFixed(0)} |`);
  }
}
