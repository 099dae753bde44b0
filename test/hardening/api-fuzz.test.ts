import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/platform/database.ts";
import { createTestDatabase } from "../support/database.ts";
import { HOSTILE_TEXT, jsonVariants, type Variant } from "../support/hostile-input.ts";
import { type Session, signIn, testApp } from "../support/http.ts";
import { routeSamples } from "../support/route-samples.ts";
import { rowCounter } from "../support/table-digest.ts";

// Issue 23, item 6: every JSON API operation, fuzzed from its own schemas as the OpenAPI document
// publishes them, so a new endpoint is covered without a line added here. Each body gets wrong
// shapes (empty, an array, null, a number, malformed JSON, plain text) and each of its properties
// in turn a hostile value (Infinity as 1e309, negative, huge, NUL, a lone surrogate, an array, an
// object, null); each query parameter every hostile text. Sent as an administrator with a session
// and its CSRF header. No answer may be a 5xx; every refusal has the API's error shape, a 400 for a
// property names a field, and a refused request writes nothing (rows counted in every table).

type Json = { [key: string]: unknown };
interface Operation {
  method: string;
  path: string;
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content: { "application/json": { schema: Json } } };
}

function operationsOf(document: Json): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths as Record<string, Record<string, Operation>>))
    for (const [method, operation] of Object.entries(methods))
      operations.push({
        ...operation,
        method: method.toUpperCase(),
        path: path.replace(/\{(\w+)\}/g, ":$1"),
      });
  return operations;
}

function send(
  app: FastifyInstance,
  session: Session,
  method: string,
  url: string,
  variant?: Variant,
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { cookie: session.cookie, "x-csrf-token": session.csrf };
  const body = variant?.body;
  if (!body) return app.inject({ method: method as "GET", url, headers });
  if (body.kind === "json") headers["content-type"] = "application/json";
  else if (body.kind === "raw") headers["content-type"] = body.contentType;
  const payload = body.kind === "json" ? body.text : body.kind === "raw" ? body.payload : "";
  return app.inject({ method: method as "POST", url, headers, payload });
}

describe("every API operation, fuzzed from its schemas", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let administrator: Session;
  let document: Json;
  let fill: (url: string) => string;

  beforeAll(async () => {
    handle = await createTestDatabase("demo");
    app = await testApp(handle.db);
    await app.ready();
    const samples = await routeSamples(handle.db);
    fill = (url) => samples.fill(url);
    administrator = await signIn(app, handle.db, "administrator");
    document = JSON.parse((await app.inject({ method: "GET", url: "/api/v1/openapi.json" })).body) as Json;
  });

  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it("answers every hostile body and query without a 5xx, in the API's error shape, writing nothing when refused", async () => {
    const operations = operationsOf(document);
    const writes = operations.filter((o) => o.requestBody);
    expect(writes.length).toBeGreaterThanOrEqual(3);
    const counts = await rowCounter(handle.db);
    const wrong: string[] = [];
    const check = async (method: string, url: string, what: string, variant?: Variant, property?: string) => {
      const before = await counts();
      const response = await send(app, administrator, method, url, variant);
      const where = `${method} ${url} with ${what}`;
      if (response.statusCode >= 500) return wrong.push(`${where}: ${response.statusCode} ${response.body}`);
      if (response.statusCode < 400) return;
      let error: { code?: string; message?: string; fields?: Record<string, string> } | undefined;
      try {
        error = (JSON.parse(response.body) as { error?: typeof error }).error;
      } catch {
        return wrong.push(`${where}: ${response.statusCode} not JSON`);
      }
      if (!error?.code || !error.message) wrong.push(`${where}: not the API's error shape: ${response.body}`);
      else if (
        property &&
        response.statusCode === 400 &&
        error.code === "validation" &&
        !Object.keys(error.fields ?? {}).length
      )
        wrong.push(`${where}: 400 names no field: ${response.body}`);
      const after = await counts();
      const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
      if (changed.length > 0)
        wrong.push(`${where}: refused (${response.statusCode}) but wrote to ${changed.join(", ")}`);
    };

    for (const operation of operations) {
      const url = fill(operation.path);
      const schema = operation.requestBody?.content["application/json"].schema;
      if (schema) {
        for (const variant of jsonVariants(schema, document)) {
          await check(operation.method, url, variant.name, variant, variant.property);
        }
      }
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in !== "query") continue;
        for (const [what, value] of HOSTILE_TEXT) {
          const query = new URLSearchParams([[parameter.name, value]]).toString();
          await check(operation.method, `${url}?${query}`, `${parameter.name} ${what}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 300_000);
});
