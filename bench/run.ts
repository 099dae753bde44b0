// `npm run bench`: how fast Waymark answers its pages and API on a Scotland-scale data set.
// Timings live here, never in tests. Runs on in-memory PGlite, or on BENCH_DATABASE_URL (an
// empty PostgreSQL database it may fill).
import { performance } from "node:perf_hooks";
import { createApp } from "../src/app.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { actorForUser } from "../src/features/accounts/user.service.ts";
import { DEMO_EDITOR, loadDemoData } from "../src/features/demo/demo.service.ts";
import { SECTORS } from "../src/features/demo/programme.ts";
import { DEMO_ANALYST } from "../src/features/indicators/indicator-demo.ts";
import { createEditionFromDocument } from "../src/features/route-maps/edition-document.service.ts";
import {
  EDITION_DOCUMENT_FORMAT,
  type EditionDocument,
} from "../src/features/route-maps/edition-document.ts";
import type { Actor } from "../src/platform/actor.ts";
import { loadConfig } from "../src/platform/config.ts";
import { openPglite, openPostgres } from "../src/platform/database.ts";
import { logMailer } from "../src/platform/mail.ts";
import { embeddedDatabaseLimit } from "../src/platform/request-limit.ts";
import { benchAccountability } from "./accountability.ts";
import { benchIndicators } from "./indicators.ts";
import { benchMixedLoad } from "./mixed-load.ts";
import { benchReports } from "./reports.ts";

const EDITIONS_PER_ROUTE_MAP = 4;
const ACTIONS_PER_EDITION = 40;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);

const words =
  "children families care workforce leadership support relationships rights voice planning local national".split(
    " ",
  );
function sentence(seed: number, length: number): string {
  return Array.from({ length }, (_, i) => words[(seed * 7 + i * 3) % words.length]).join(" ");
}

function generatedEdition(theme: string, year: number): EditionDocument {
  return {
    format: EDITION_DOCUMENT_FORMAT,
    theme,
    layout: "outcomes",
    label: `December ${year}`,
    lastUpdated: `${year}-12-01`,
    status: "published",
    introduction: sentence(year, 40),
    stateOfPlayTitle: "Where is Scotland now?",
    stateOfPlay: sentence(year + 1, 150),
    ambitionSummary: "The outcomes are:",
    routeMapIntro: sentence(year + 2, 60),
    outcomes: Array.from({ length: 3 }, (_, i) => ({ text: sentence(i, 30), pageRefs: "" })),
    actions: Array.from({ length: ACTIONS_PER_EDITION }, (_, i) => ({
      text: `${sentence(i + year, 35)} (${i + 1})`,
      children: Array.from({ length: i % 5 === 0 ? 4 : 0 }, (_, j) => ({ text: sentence(i + j, 15) })),
    })),
    milestones: [2025, 2026, 2027].flatMap((y) =>
      [1, 2, 3].map((k) => ({ year: y, text: sentence(y + k, 20) })),
    ),
    sectors: SECTORS.slice(0, 6).map((s) => s.name),
    helping: Array.from({ length: 8 }, (_, i) => sentence(i + 3, 60)),
    whatMatters: Array.from({ length: 4 }, (_, i) => sentence(i + 5, 20)),
    mappings: {
      promise_report: ["17; 36; 85"],
      plan_21_24: ["Planning"],
      uncrc: ["Articles 3; 4"],
      shanarri: ["Safe"],
    },
  };
}

const handle = process.env.BENCH_DATABASE_URL
  ? openPostgres(process.env.BENCH_DATABASE_URL)
  : await openPglite(undefined);
const db = handle.db;
await migrateToLatest(db);
process.stderr.write("Loading the demo data and generating editions…\n");
await loadDemoData(db);
const editor = await db
  .selectFrom("app_user")
  .selectAll()
  .where("email", "=", DEMO_EDITOR.email)
  .executeTakeFirstOrThrow();
const actor: Actor = await actorForUser(db, editor);
const analyst: Actor = await actorForUser(
  db,
  await db
    .selectFrom("app_user")
    .selectAll()
    .where("email", "=", DEMO_ANALYST.email)
    .executeTakeFirstOrThrow(),
);
const themes = await db.selectFrom("theme").select("slug").where("slug", "!=", "leadership").execute();
for (const [i, theme] of themes.entries()) {
  for (let e = 0; e < EDITIONS_PER_ROUTE_MAP; e++) {
    await createEditionFromDocument(db, actor, generatedEdition(theme.slug, 2022 + e), { source: "bench" });
  }
  process.stderr.write(`\r  ${i + 1}/${themes.length} route maps`);
}
const items = await db
  .selectFrom("edition_item")
  .select((eb) => eb.fn.countAll<number>().as("n"))
  .executeTakeFirstOrThrow();
process.stderr.write(`\n${themes.length * EDITIONS_PER_ROUTE_MAP + 2} editions, ${items.n} items\n\n`);

// Rendering from the database every time: what a page costs before the page cache helps.
const config = loadConfig({ NODE_ENV: "production", LOG_LEVEL: "silent", WAYMARK_API_RATE_LIMIT: "0" });
const mailer = logMailer(() => {}, config.baseUrl);
const app = await createApp({ db, config: { ...config, pageCacheSeconds: 0 }, mailer });
const cachedApp = await createApp({ db, config: { ...config, pageCacheSeconds: 60 }, mailer });
const someTheme = themes[0]!.slug;
const editions = await db
  .selectFrom("route_map_edition")
  .innerJoin("theme", "theme.id", "theme_id")
  .select(["route_map_edition.id"])
  .where("theme.slug", "=", someTheme)
  .orderBy("route_map_edition.id")
  .execute();
const targets = [
  "/",
  "/foundations/people",
  `/themes/${someTheme}`,
  "/themes/leadership",
  `/themes/${someTheme}/compare?from=${editions[0]!.id}&to=${editions.at(-1)!.id}`,
  "/sectors",
  `/sectors/${SECTORS[0]!.slug}`,
  `/api/v1/themes/${someTheme}/editions/latest`,
  "/api/v1/openapi.json",
];

async function time(target: typeof app, url: string): Promise<string> {
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const start = performance.now();
    await target.inject({ url });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
  return `${at(0.5)} | ${at(0.95)}`;
}

console.log(
  "| page | from the database: median ms | p95 ms | from the page cache: median ms | p95 ms | KB |",
);
console.log("|---|---:|---:|---:|---:|---:|");
for (const url of targets) {
  const first = await app.inject({ url });
  if (first.statusCode !== 200) throw new Error(`${url} answered ${first.statusCode}`);
  console.log(
    `| ${url} | ${await time(app, url)} | ${await time(cachedApp, url)} | ${(first.rawPayload.length / 1024).toFixed(1)} |`,
  );
}
await benchAccountability(db, app, someTheme, Math.max(10, Math.round(REQUESTS / 10)));
await benchReports(
  db,
  app,
  actor,
  editions.at(-1)!.id,
  config.baseUrl,
  Math.max(3, Math.round(REQUESTS / 40)),
);
await benchIndicators(db, app, analyst, handle.kind);
await benchMixedLoad(
  {
    db,
    config: {
      ...config,
      pageCacheSeconds: 60,
      pgliteLimit: handle.kind === "pglite" ? embeddedDatabaseLimit(config) : undefined,
    },
    mailer,
  },
  [
    "/",
    "/foundations/people",
    `/themes/${someTheme}`,
    "/sectors",
    `/sectors/${SECTORS[0]!.slug}`,
    "/organisations/the-promise-scotland",
  ],
  [
    `/api/v1/themes/${someTheme}/editions/latest`,
    "/api/v1/organisations/the-promise-scotland",
    "/api/v1/themes",
  ],
);
await app.close();
await cachedApp.close();
await handle.close();
