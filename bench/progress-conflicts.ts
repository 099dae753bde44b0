// A measurement, not a test: how many progress writes through the API are refused as conflicts
// when organisations named on the same action write at once. Each of N councils gets a contributor
// with a personal API token; all are named on one action; then every council, at the same time,
// reads its organisation (GET /api/v1/organisations/:slug, for the action's version) and writes
// its update (POST …/updates), W times in a row. Prints the share of writes refused with 409.
// Before versions were kept per organisation, one council's write made the others' stale.
//
//   node bench/progress-conflicts.ts                  (in-memory PGlite)
//   BENCH_DATABASE_URL=postgres://… node bench/progress-conflicts.ts   (an empty PostgreSQL database)
//   CONFLICT_ORGANISATIONS=32 CONFLICT_WRITES=5 …     (the defaults)
import { createApp } from "../src/app.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { listCurrentItems } from "../src/features/accountability/accountability.service.ts";
import { actorForUser, createUser } from "../src/features/accounts/user.service.ts";
import { createToken } from "../src/features/api-tokens/token.service.ts";
import { loadDemoData } from "../src/features/demo/demo.service.ts";
import { loadConfig } from "../src/platform/config.ts";
import { openPglite, openPostgres } from "../src/platform/database.ts";
import { logMailer } from "../src/platform/mail.ts";

const ORGANISATIONS = Number(process.env.CONFLICT_ORGANISATIONS ?? 32);
const WRITES = Number(process.env.CONFLICT_WRITES ?? 5);

const handle = process.env.BENCH_DATABASE_URL
  ? openPostgres(process.env.BENCH_DATABASE_URL)
  : await openPglite(undefined);
const db = handle.db;
await migrateToLatest(db);
await loadDemoData(db);

const councils = await db
  .selectFrom("organisation")
  .select(["id", "slug"])
  .where("type", "=", "local_authority")
  .orderBy("slug")
  .limit(ORGANISATIONS)
  .execute();
// The first action of the Leadership route map's latest published edition.
const action = (await listCurrentItems(db)).find(
  (i) => i.theme_slug === "leadership" && i.section === "action",
)!;
await db
  .insertInto("action_responsibility")
  .values(
    councils.map((c) => ({
      theme_id: action.theme_id,
      action_key: action.key,
      role: "partner" as const,
      organisation_id: c.id,
    })),
  )
  .onConflict((oc) => oc.doNothing())
  .execute();

const tokens: string[] = [];
for (const council of councils) {
  const user = await createUser(db, {
    email: `contributor-${council.slug}@example.test`,
    name: `Contributor for ${council.slug}`,
    grants: [{ role: "organisation_contributor", organisationId: council.id }],
    password: "a long measurement password",
  });
  const row = await db.selectFrom("app_user").selectAll().where("id", "=", user.id).executeTakeFirstOrThrow();
  const actor = await actorForUser(db, row);
  const { token } = await db
    .transaction()
    .execute((trx) => createToken(trx, actor, { name: "Measurement", expiresInDays: 7 }));
  tokens.push(token);
}

// No rate limit and no bound on the embedded database's queue (no pgliteLimit): only the
// versions may refuse a write here.
const config = loadConfig({ NODE_ENV: "production", LOG_LEVEL: "silent", WAYMARK_API_RATE_LIMIT: "0" });
const app = await createApp({ db, config, mailer: logMailer(() => {}, config.baseUrl) });

/** One council's writes: read its organisation for the version, then write, WRITES times. */
async function council(slug: string, token: string): Promise<number[]> {
  const headers = { authorization: `Bearer ${token}` };
  const statuses: number[] = [];
  for (let i = 0; i < WRITES; i++) {
    const page = await app.inject({ url: `/api/v1/organisations/${slug}`, headers });
    const entry = (
      page.json() as { actions: Array<{ action: { key: string }; version: number }> }
    ).actions.find((a) => a.action.key === action.key);
    const sent = await app.inject({
      method: "POST",
      url: `/api/v1/organisations/${slug}/updates`,
      headers,
      payload: {
        theme: action.theme_slug,
        key: action.key,
        version: entry?.version ?? 0,
        submit: true,
        status: "on_track",
        narrative: `Update ${i + 1} from ${slug}.`,
        confidence: "self_assessed",
      },
    });
    statuses.push(sent.statusCode);
  }
  return statuses;
}

const started = performance.now();
const statuses = (await Promise.all(councils.map((c, i) => council(c.slug, tokens[i]!)))).flat();
const seconds = (performance.now() - started) / 1000;
const count = (status: number) => statuses.filter((s) => s === status).length;
const refused = count(409);
console.log(
  `${process.env.BENCH_DATABASE_URL ? "PostgreSQL" : "PGlite"}: ${councils.length} organisations on one action, ` +
    `${WRITES} writes each at once: ${statuses.length} writes, ${count(200)} accepted, ${refused} refused (409) = ` +
    `${((100 * refused) / statuses.length).toFixed(1)}%; other answers: ${
      [...new Set(statuses.filter((s) => s !== 200 && s !== 409))].join(", ") || "none"
    }; ` +
    `${seconds.toFixed(1)} s`,
);
await app.close();
await handle.close();
