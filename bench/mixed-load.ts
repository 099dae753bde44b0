// The mixed load of `npm run bench`: many people at once, over real HTTP, as a busy day looks.
// Anonymous readers open pages, scripts read the API, organisations' contributors write progress
// updates through the API with their tokens (read the organisation, then write), and a secretary
// edits a meeting's details through the form (open the page, post it back changed). The people
// run in a thread of their own (mixed-load.client.ts), the server in this one. Reported per kind
// (a progress update or a meeting edit is its read and its write together): requests a second,
// p50 and p99, answers refused as stale (409), busy (503) and errors (any other 4xx or 5xx, or no
// answer). Run once per database: PGlite by default, PostgreSQL with BENCH_DATABASE_URL.
import { Worker } from "node:worker_threads";
import { createApp } from "../src/app.ts";
import { createUser } from "../src/features/accounts/user.service.ts";
import { createToken } from "../src/features/api-tokens/token.service.ts";
import { DEMO_EDITOR } from "../src/features/demo/demo.service.ts";
import type { AppDeps } from "../src/platform/app-deps.ts";
import type { Db } from "../src/platform/database.ts";
import type { Kind, LoadPlan, Tally } from "./mixed-load.client.ts";

const CONNECTIONS = Number(process.env.BENCH_MIXED_CONNECTIONS ?? 32);
const SECONDS = Number(process.env.BENCH_MIXED_SECONDS ?? 20);
const WRITERS = 8;

const SHARE: Array<[Kind, number]> = [
  ["page", 0.6],
  ["api read", 0.2],
  ["progress update", 0.15],
  ["meeting edit", 0.05],
];

/** Organisations that share the same actions, each with a contributor's API token. */
async function writers(db: Db): Promise<Array<{ slug: string; token: string }>> {
  const organisations = await db
    .selectFrom("organisation")
    .select(["id", "slug"])
    .orderBy("id")
    .limit(WRITERS)
    .execute();
  const actions = await db
    .selectFrom("action_responsibility")
    .select(["theme_id", "action_key"])
    .distinct()
    .orderBy("theme_id")
    .orderBy("action_key")
    .limit(5)
    .execute();
  const made: Array<{ slug: string; token: string }> = [];
  for (const [i, organisation] of organisations.entries()) {
    await db
      .insertInto("action_responsibility")
      .values(actions.map((a) => ({ ...a, role: "partner" as const, organisation_id: organisation.id })))
      .onConflict((oc) => oc.doNothing())
      .execute();
    const grants = [{ role: "organisation_contributor" as const, organisationId: organisation.id }];
    const user = await createUser(db, {
      email: `bench-writer-${i}@example.test`,
      name: `Bench Writer ${i}`,
      grants,
      password: "a long bench password",
    });
    const { token } = await db
      .transaction()
      .execute((trx) =>
        createToken(
          trx,
          { kind: "user", id: user.id, name: user.name, email: user.email, grants },
          { name: "bench", expiresInDays: 7 },
        ),
      );
    made.push({ slug: organisation.slug, token });
  }
  return made;
}

function percentile(sorted: number[], q: number): string {
  if (sorted.length === 0) return "–";
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(0);
}

/** Runs the mixed load against an app listening on a port, and prints its table. */
export async function benchMixedLoad(deps: AppDeps, pages: string[], apiReads: string[]): Promise<void> {
  const { db } = deps;
  const app = await createApp(deps);
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("the app is not listening");
  const plan: LoadPlan = {
    base: `http://127.0.0.1:${address.port}`,
    connections: CONNECTIONS,
    seconds: SECONDS,
    share: SHARE,
    pages,
    apiReads,
    writers: await writers(db),
    meetings: (await db.selectFrom("meeting").select("id").execute()).map((m) => m.id),
    secretary: { email: DEMO_EDITOR.email, password: DEMO_EDITOR.password },
  };
  process.stderr.write(`\nMixed load: ${CONNECTIONS} connections for ${SECONDS} s…\n`);
  const people = new Worker(new URL("./mixed-load.client.ts", import.meta.url), { workerData: plan });
  const { tally, elapsed } = await new Promise<{ tally: Array<[Kind, Tally]>; elapsed: number }>(
    (resolve, reject) => {
      people.once("message", resolve);
      people.once("error", reject);
    },
  );
  await people.terminate();
  await app.close();

  console.log(
    `\n| mixed load, ${CONNECTIONS} connections, ${SECONDS} s | requests | per second | p50 ms | p99 ms | refused as stale (409) | busy (503) | errors |`,
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const [kind, t] of tally) {
    const sorted = [...t.times].sort((a, b) => a - b);
    console.log(
      `| ${kind} | ${sorted.length} | ${(sorted.length / elapsed).toFixed(1)} | ${percentile(sorted, 0.5)} | ${percentile(sorted, 0.99)} | ${t.stale} | ${t.busy} | ${t.errors} |`,
    );
    if (t.firstError) process.stderr.write(`  first error (${kind}): ${t.firstError}\n`);
  }
}
