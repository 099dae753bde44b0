// Accountability's part of `npm run bench`: the roll-up on the public pages. Every action of every
// route map's latest edition gets a lead organisation and ten submitted updates (with a piece of
// evidence each), then the pages that show the roll-up are timed: the home page (programme and
// foundations), a foundation, a route map, an organisation's page and the organisation's
// spreadsheet download.
import { performance } from "node:perf_hooks";
import type { FastifyInstance } from "fastify";
import { listCurrentItems } from "../src/features/accountability/accountability.repository.ts";
import type { Db } from "../src/platform/database.ts";

const UPDATES_PER_ACTION = Number(process.env.BENCH_UPDATES_PER_ACTION ?? 10);
const STATUSES = ["in_progress", "on_track", "at_risk", "delayed", "complete"] as const;

export async function fillForBench(
  db: Db,
): Promise<{ organisationSlug: string; actions: number; updates: number }> {
  const organisation = await db
    .selectFrom("organisation")
    .select(["id", "slug"])
    .where("slug", "=", "the-promise-scotland")
    .executeTakeFirstOrThrow();
  const actions = (await listCurrentItems(db)).filter((i) => i.section === "action");
  const responsibilities = actions.map((a) => ({
    theme_id: a.theme_id,
    action_key: a.key,
    role: "lead" as const,
    organisation_id: organisation.id,
  }));
  for (let i = 0; i < responsibilities.length; i += 1000)
    await db
      .insertInto("action_responsibility")
      .values(responsibilities.slice(i, i + 1000))
      .onConflict((oc) => oc.doNothing())
      .execute();
  const updates = actions.flatMap((a, i) =>
    Array.from({ length: UPDATES_PER_ACTION }, (_, n) => ({
      theme_id: a.theme_id,
      action_key: a.key,
      organisation_id: organisation.id,
      state: "submitted" as const,
      status: STATUSES[(i + n) % STATUSES.length]!,
      percent: ((i + n) * 7) % 101,
      narrative: `Update ${n + 1} on action ${i + 1}: what was done, what changed, what is next.`,
      confidence: "self_assessed" as const,
      author_name: "Bench",
      submitted_at: new Date(Date.UTC(2024, 0, 1) + n * 30 * 86_400_000),
    })),
  );
  for (let i = 0; i < updates.length; i += 1000) {
    const ids = await db
      .insertInto("progress_update")
      .values(updates.slice(i, i + 1000))
      .returning("id")
      .execute();
    await db
      .insertInto("progress_evidence")
      .values(
        ids.map(({ id }) => ({
          update_id: id,
          kind: "link" as const,
          title: "Notes",
          url: "https://example.org/",
        })),
      )
      .execute();
  }
  return { organisationSlug: organisation.slug, actions: actions.length, updates: updates.length };
}

async function time(app: FastifyInstance, url: string, requests: number): Promise<string> {
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const start = performance.now();
    const response = await app.inject({ url });
    if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
  return `${at(0.5)} | ${at(0.95)}`;
}

/** Fills the roll-up's data and times its pages; `someTheme` is a generated route map. */
export async function benchAccountability(
  db: Db,
  app: FastifyInstance,
  someTheme: string,
  requests: number,
): Promise<void> {
  process.stderr.write("\nGiving every action a lead and its updates…\n");
  const started = performance.now();
  const filled = await fillForBench(db);
  const themes = await db.selectFrom("theme").select("id").execute();
  process.stderr.write(
    `${themes.length} route maps, ${filled.actions} actions, ${filled.updates} submitted updates in ${((performance.now() - started) / 1000).toFixed(1)} s\n\n`,
  );
  console.log("\n| roll-up page (every action's latest update) | median ms | p95 ms |");
  console.log("|---|---:|---:|");
  for (const url of [
    "/",
    "/foundations/people",
    `/themes/${someTheme}`,
    `/organisations/${filled.organisationSlug}`,
    `/organisations/${filled.organisationSlug}?theme=${someTheme}`,
  ])
    console.log(`| ${url} | ${await time(app, url, requests)} |`);
}
