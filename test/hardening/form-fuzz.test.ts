import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/platform/database.ts";
import { createTestDatabase } from "../support/database.ts";
import { discoverForms, type FoundForm } from "../support/form-discovery.ts";
import { brokenMultipart, formVariants, type Variant } from "../support/hostile-input.ts";
import { getPage, type Session, signIn, testApp } from "../support/http.ts";
import { random } from "../support/import-fixtures.ts";
import { routeSamples } from "../support/route-samples.ts";
import { type AppRoute, listRoutes } from "../support/routes.ts";
import { rowCounter } from "../support/table-digest.ts";

// Issue 23, item 6: every form the app has, fuzzed from its own fields. The forms are found by
// reading every page the router serves as an administrator (who may use every form), so a new
// form is fuzzed without a line added here; a POST route no page offers a form for is fuzzed with
// a few common field names. Each gets hostile variants (missing fields, every field huge, a
// number JavaScript reads oddly, repeated, bracketed, NUL and unicode, JSON objects and arrays,
// malformed JSON; multipart forms also a nameless or empty file and broken multipart), sent with
// a valid CSRF token. No answer may be a 5xx, and a refused one (4xx) must have written nothing:
// the number of rows in every table is the same after it as before. Seeded, so a failure replays.

const SEED = 23_006;
/** The forms of routes that no page shows (or not to an administrator on the demo data). */
const COMMON_FIELDS: Array<[string, string]> = [
  ["version", "1"],
  ["title", "Fuzzed"],
  ["name", "Fuzzed"],
  ["text", "Fuzzed"],
  ["email", "fuzz@example.test"],
];
/** Sign-in and reset requests that fail are counted, on purpose, to throttle guessing. */
const WRITTEN_WHEN_REFUSED = ["throttle_event"];
/** Routes that end the administrator's session or are fuzzed on their own (sign-in-fuzz.test.ts). */
const LEFT_OUT = new Set(["/sign-out", "/sign-in"]);

function multipart(
  pairs: Array<[string, string]>,
  file?: { field: string; fileName: string; content: string },
) {
  const b = "waymark-fuzz-boundary";
  let payload = "";
  for (const [name, value] of pairs)
    payload += `--${b}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  if (file)
    payload +=
      `--${b}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.fileName}"\r\n` +
      `Content-Type: text/plain\r\n\r\n${file.content}\r\n`;
  return { contentType: `multipart/form-data; boundary=${b}`, payload: `${payload}--${b}--\r\n` };
}

function send(
  app: FastifyInstance,
  session: Session,
  url: string,
  form: FoundForm,
  variant: Variant,
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { cookie: session.cookie };
  const { body } = variant;
  if (body.kind === "raw") {
    headers["content-type"] = body.contentType;
    headers["x-csrf-token"] = session.csrf;
    return app.inject({ method: "POST", url, headers, payload: body.payload });
  }
  if (body.kind === "json") {
    headers["content-type"] = "application/json";
    headers["x-csrf-token"] = session.csrf;
    return app.inject({ method: "POST", url, headers, payload: body.text });
  }
  const pairs: Array<[string, string]> = [["_csrf", session.csrf], ...body.pairs];
  if (form.multipart) {
    const encoded = multipart(pairs, variant.file);
    headers["content-type"] = encoded.contentType;
    return app.inject({ method: "POST", url, headers, payload: encoded.payload });
  }
  headers["content-type"] = "application/x-www-form-urlencoded";
  return app.inject({ method: "POST", url, headers, payload: new URLSearchParams(pairs).toString() });
}

describe("every form, fuzzed from its fields", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let administrator: Session;
  let routes: AppRoute[];
  let forms: Map<string, FoundForm>;
  let fill: (url: string) => string;

  beforeAll(async () => {
    handle = await createTestDatabase("demo");
    app = await testApp(handle.db);
    await app.ready();
    const samples = await routeSamples(handle.db);
    fill = (url) => samples.fill(url);
    administrator = await signIn(app, handle.db, "administrator");
    routes = listRoutes(app).filter(
      (r) => r.method === "POST" && !r.url.startsWith("/api/") && !LEFT_OUT.has(r.url),
    );
    forms = await discoverForms(app, administrator, listRoutes(app), samples);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it("found the forms of most POST routes on the app's own pages", () => {
    expect(routes.length).toBeGreaterThan(40);
    // Most forms are on a page an administrator can open with the demo data; the rest get the
    // common fields. Every route is fuzzed either way.
    expect(forms.size).toBeGreaterThan(routes.length / 2);
    expect([...forms.values()].some((f) => f.multipart)).toBe(true);
  });

  it("answers every hostile variant without a 5xx, and a refused one writes nothing", async () => {
    const next = random(SEED);
    const counts = await rowCounter(handle.db);
    const wrong: string[] = [];
    let sent = 0;
    for (const route of routes) {
      const form: FoundForm = forms.get(route.url) ?? {
        action: fill(route.url),
        multipart: false,
        fields: COMMON_FIELDS,
        files: [],
      };
      const variants = formVariants(form, next);
      if (form.multipart) {
        const field = form.files[0] ?? "file";
        variants.push(
          ...brokenMultipart(administrator.csrf),
          {
            name: "a file with content but no name",
            body: { kind: "form", pairs: form.fields },
            file: { field, fileName: "", content: "some text" },
          },
          {
            name: "an empty file",
            body: { kind: "form", pairs: form.fields },
            file: { field, fileName: "empty.txt", content: "" },
          },
        );
      }
      for (const variant of variants) {
        const before = await counts();
        const response = await send(app, administrator, form.action, form, variant);
        sent++;
        const where = `POST ${form.action} (${route.url}) with ${variant.name}`;
        if (response.statusCode >= 500) wrong.push(`${where}: ${response.statusCode}`);
        else if (response.statusCode >= 400) {
          const after = await counts();
          const changed = Object.keys(after).filter(
            (t) => after[t] !== before[t] && !WRITTEN_WHEN_REFUSED.includes(t),
          );
          if (changed.length > 0)
            wrong.push(`${where}: refused (${response.statusCode}) but wrote to ${changed.join(", ")}`);
        }
      }
      // A variant may have been accepted and ended the session (deactivating an account, say):
      // carry on as an administrator.
      if ((await getPage(app, administrator, "/manage")).statusCode !== 200)
        administrator = await signIn(app, handle.db, "administrator");
    }
    expect(wrong).toEqual([]);
    expect(sent).toBeGreaterThan(routes.length * 20);
  }, 600_000);
});
