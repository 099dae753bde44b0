// The people of the mixed load (bench/mixed-load.ts), in a thread of their own so that making the
// requests does not take the server's own thread: anonymous readers, API scripts, contributors
// writing progress updates with their tokens, a secretary editing meetings through the form.
import { performance } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";
import { parseHTML } from "linkedom";

export type Kind = "page" | "api read" | "progress update" | "meeting edit";

export interface Tally {
  times: number[];
  stale: number;
  busy: number;
  errors: number;
  firstError?: string;
}

export interface LoadPlan {
  base: string;
  connections: number;
  seconds: number;
  share: Array<[Kind, number]>;
  pages: string[];
  apiReads: string[];
  writers: Array<{ slug: string; token: string }>;
  meetings: number[];
  secretary: { email: string; password: string };
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

async function run(plan: LoadPlan): Promise<{ tally: Array<[Kind, Tally]>; elapsed: number }> {
  const { base, pages, apiReads, meetings, connections: CONNECTIONS, seconds: SECONDS, share: SHARE } = plan;
  const tokens = plan.writers;
  const secretary = await signIn(base, plan.secretary.email, plan.secretary.password);
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
      const path = `/manage/meetings/${pick(meetings)}`;
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
  return { tally: [...tally], elapsed };
}

parentPort?.postMessage(await run(workerData as LoadPlan));
