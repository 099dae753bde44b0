// The mixed load of `npm run bench`: many people at once, over real HTTP, as a busy day looks.
// Anonymous readers open pages, scripts read the API, organisations' contributors write progress
// updates through the API with their tokens (read the organisation, then write), and a secretary
// edits a meeting's details through the form (open the page, post it back changed). Reported per
// kind (a progress update or a meeting edit is its read and its write together): requests a second, p50 and p99, answers refused as stale (409), busy (503) and errors
// (any other 4xx or 5xx, or no answer). Run once per database: PGlite by default, PostgreSQL
// with BENCH_DATABASE_URL.
import { performance } from "node:perf_hooks";
import { parseHTML } from "linkedom";
import { createApp } from "../src/app.ts";
import { createUser } from "../src/features/accounts/user.service.ts";
import { createToken } from "../src/features/api-tokens/token.service.ts";
import { DEMO_EDITOR } from "../src/features/demo/demo.service.ts";
import type { AppDeps } from "../src/platform/app-deps.ts";
import type { Db } from "../src/platform/database.ts";

const CONNECTIONS = Number(process.env.BENCH_MIXED_CONNECTIONS ?? 32);
const SECONDS = Number(process.env.BENCH_MIXED_SECONDS ?? 20);
const WRITERS = 8;

type Kind = "page" | "api read" | "progress update" | "meeting edit";
const SHARE: Array<[Kind, number]> = [
  ["page", 0.6],
  ["api read", 0.2],
  ["progress update", 0.15],
  ["meeting edit", 0.05],
];

interface Tally {
  times: number[];
  stale: number;
  busy: number;
  errors: number;
  firstError?: string;
}

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

/** The cookies a browser holds, updated from each answer's Set-Cookie. */
class Jar {
  private readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/** Every field a form would send as it stands, from the page's HTML. */
function formFields(page: string, action: string): URLSearchParams {
  const { document } = parseHTML(page);
  const form = [...document.querySelectorAll("form")].find((f) => f.getAttribute("action") === action);
  if (!form) throw new Error(`no form posting to ${action}`);
  const fields = new URLSearchParams();
  for (const input of form.querySelectorAll("input, select, textarea")) {
    const name = input.getAttribute("name");
    if (!name) continue;
    const type = input.getAttribute("type");
    if ((type === "radio" || type === "checkbox") && !input.hasAttribute("checked")) continue;
    if (input.tagName === "SELECT") {
      const chosen = input.querySelector("option[selected]") ?? input.querySelector("option");
      fields.append(name, chosen?.getAttribute("value") ?? chosen?.textContent ?? "");
    } else if (input.tagName === "TEXTAREA") fields.append(name, input.textContent ?? "");
    else fields.append(name, input.getAttribute("value") ?? "");
  }
  return fields;
}

async function signIn(base: string, email: string, password: string): Promise<Jar> {
  const jar = new Jar();
  const page = await fetch(`${base}/sign-in`);
  jar.take(page);
  const fields = formFields(await page.text(), "/sign-in");
  fields.set("email", email);
  fields.set("password", password);
  const signedIn = await fetch(`${base}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: jar.header(), "content-type": "application/x-www-form-urlencoded" },
    body: fields,
  });
  if (signedIn.status !== 303) throw new Error(`the bench could not sign in: ${signedIn.status}`);
  jar.take(signedIn);
  return jar;
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
  const base = `http://127.0.0.1:${address.port}`;
  const tokens = await writers(db);
  const secretary = await signIn(base, DEMO_EDITOR.email, DEMO_EDITOR.password);
  const meetings = await db.selectFrom("meeting").select("id").execute();

  const tally = new Map<Kind, Tally>(
    SHARE.map(([kind]) => [kind, { times: [], stale: 0, busy: 0, errors: 0 }]),
  );
  const record = (kind: Kind, started: number, status: number, what: string) => {
    const t = tally.get(kind)!;
    t.times.push(performance.now() - started);
    if (status === 409) t.stale++;
    else if (status === 503) t.busy++;
    else if (status >= 400 || status === 0) {
      t.errors++;
      t.firstError ??= `${status} ${what}`;
    }
  };

  let n = 0;
  const pick = <T>(list: T[]): T => list[n++ % list.length]!;
  const operations: Record<Kind, () => Promise<void>> = {
    page: async () => {
      const url = pick(pages);
      const started = performance.now();
      const response = await fetch(base + url);
      await response.arrayBuffer();
      record("page", started, response.status, url);
    },
    "api read": async () => {
      const url = pick(apiReads);
      const started = performance.now();
      const response = await fetch(base + url);
      await response.arrayBuffer();
      record("api read", started, response.status, url);
    },
    "progress update": async () => {
      const writer = pick(tokens);
      const headers = { authorization: `Bearer ${writer.token}`, "content-type": "application/json" };
      const started = performance.now();
      const read = await fetch(`${base}/api/v1/organisations/${writer.slug}`, { headers });
      if (read.status !== 200) return record("progress update", started, read.status, "read");
      const account = (await read.json()) as {
        actions: Array<{ version: number; action: { key: string; theme: { slug: string } } }>;
      };
      const one = pick(account.actions);
      const response = await fetch(`${base}/api/v1/organisations/${writer.slug}/updates`, {
        method: "POST",
        headers,
        body: JSON.stringify({
          theme: one.action.theme.slug,
          key: one.action.key,
          version: one.version,
          status: "on_track",
          percent: n % 101,
          narrative: `Bench update ${n}: what was done and what is next.`,
          confidence: "self_assessed",
          evidence: { link: { url: "https://example.org/notes", title: "Notes" } },
          submit: n % 4 === 0,
        }),
      });
      const answer = await response.text();
      record("progress update", started, response.status, `write: ${answer.slice(0, 300)}`);
    },
    "meeting edit": async () => {
      if (meetings.length === 0) return;
      const path = `/manage/meetings/${pick(meetings).id}`;
      const started = performance.now();
      const page = await fetch(base + path, { headers: { cookie: secretary.header() } });
      if (page.status !== 200) return record("meeting edit", started, page.status, "page");
      const fields = formFields(await page.text(), path);
      fields.set("place", `Room ${n % 50}, Victoria Quay`);
      const response = await fetch(base + path, {
        method: "POST",
        redirect: "manual",
        headers: { cookie: secretary.header(), "content-type": "application/x-www-form-urlencoded" },
        body: fields,
      });
      await response.arrayBuffer();
      record("meeting edit", started, response.status === 303 ? 200 : response.status, "post");
    },
  };

  process.stderr.write(`\nMixed load: ${CONNECTIONS} connections for ${SECONDS} s…\n`);
  const began = performance.now();
  const ends = began + SECONDS * 1000;
  let turn = 0;
  const choose = (): Kind => {
    let r = ((turn++ * 0.618_034) % 1) as number;
    for (const [kind, share] of SHARE) {
      if (r < share) return kind;
      r -= share;
    }
    return "page";
  };
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < ends) {
        const kind = choose();
        try {
          await operations[kind]();
        } catch (error) {
          const t = tally.get(kind)!;
          t.errors++;
          t.firstError ??= String(error);
        }
      }
    }),
  );
  const elapsed = (performance.now() - began) / 1000;
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
