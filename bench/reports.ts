// Reports' part of `npm run bench`: the organisation that leads every action of every route map
// (bench/accountability.ts names The Promise Scotland on all of them) gets a national report, and
// the Leadership route map one of its own. Each step is timed on its own: the snapshot read from
// the database, the report's page (HTML), and its Word, spreadsheet and tagged PDF files.
import { performance } from "node:perf_hooks";
import type { FastifyInstance } from "fastify";
import { generateReport } from "../src/features/reports/report.service.ts";
import { reportDocx } from "../src/features/reports/report-docx.ts";
import { reportPdf } from "../src/features/reports/report-pdf.ts";
import { organisationSnapshot, routeMapSnapshot } from "../src/features/reports/report-snapshot.service.ts";
import { reportXlsx } from "../src/features/reports/report-xlsx.ts";
import type { Actor } from "../src/platform/actor.ts";
import type { Db } from "../src/platform/database.ts";
import { londonToday } from "../src/platform/dates.ts";

async function median(times: number, work: () => Promise<unknown>): Promise<{ ms: string; last: unknown }> {
  const taken: number[] = [];
  let last: unknown;
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    last = await work();
    taken.push(performance.now() - start);
  }
  taken.sort((a, b) => a - b);
  return { ms: taken[Math.floor(taken.length / 2)]!.toFixed(0), last };
}

const kb = (bytes: unknown) =>
  bytes instanceof Uint8Array || typeof bytes === "string" ? (bytes.length / 1024).toFixed(0) : "–";

/** Times the two kinds of report on the bench's data and prints a table. */
export async function benchReports(
  db: Db,
  app: FastifyInstance,
  editor: Actor,
  editionId: number,
  baseUrl: string,
  times: number,
): Promise<void> {
  const today = londonToday();
  const [year, month, day] = today.split("-") as [string, string, string];
  console.log(
    "\n| report | actions | snapshot ms | page (HTML) ms | KB | Word ms | KB | spreadsheet ms | KB | PDF ms | KB |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  const cases = [
    {
      name: "organisation: The Promise Scotland (every route map)",
      snapshot: () => organisationSnapshot(db, "the-promise-scotland", today),
      input: { kind: "organisation", edition: undefined, organisation: "the-promise-scotland" },
    },
    {
      name: "route map: one edition",
      snapshot: () => routeMapSnapshot(db, editionId, today),
      input: { kind: "route_map", edition: String(editionId), organisation: undefined },
    },
  ] as const;
  for (const c of cases) {
    const snapshot = await median(times, c.snapshot);
    const data = snapshot.last as Awaited<ReturnType<typeof c.snapshot>>;
    const id = await db
      .transaction()
      .execute((trx) => generateReport(trx, editor, { ...c.input, asAt: { day, month, year } }, { baseUrl }));
    const page = await median(times, async () => (await app.inject({ url: `/reports/${id}` })).body);
    const docx = await median(times, () => reportDocx(data, baseUrl));
    const xlsx = await median(times, () => reportXlsx(data, baseUrl));
    const pdf = await median(times, () => reportPdf(data, baseUrl));
    const actions = data.sections.reduce((n, section) => n + section.actions.length, 0);
    console.log(
      `| ${c.name} | ${actions} | ${snapshot.ms} | ${page.ms} | ${kb(page.last)} | ${docx.ms} | ${kb(docx.last)} | ${xlsx.ms} | ${kb(xlsx.last)} | ${pdf.ms} | ${kb(pdf.last)} |`,
    );
  }
}
