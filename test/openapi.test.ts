import { Validator } from "@seriousme/openapi-schema-validator";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { openApiPath } from "../src/platform/api/openapi.ts";
import type { DatabaseHandle } from "../src/platform/database.ts";
import { insertRouteMaps } from "./support/api-fixtures.ts";
import { testDeps } from "./support/app-deps.ts";
import { createTestDatabase } from "./support/database.ts";
import {
  checkAnswer,
  dereference,
  type OpenApiDocument,
  type Operation,
  type Schema,
  strictAjv,
} from "./support/openapi-check.ts";

/**
 * Every route the router holds (HEAD aside), read from Fastify's own route tree (independent of the
 * API's bookkeeping). Each printed line is a path segment, indented four characters per level.
 */
function getRoutes(app: FastifyInstance): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split("\n")) {
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([^)]*)\))?$/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? "").length / 4;
    const parent = depth === 0 ? "" : (stack[depth - 1] ?? "");
    const path = parent === "/" ? `/${match[2]}` : `${parent}${match[2]}`;
    stack[depth] = path;
    if (match[3]?.split(", ").some((m) => m !== "HEAD" && m !== "OPTIONS")) routes.push(path);
  }
  return routes;
}

describe("the OpenAPI document", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let doc: OpenApiDocument;
  let ids: Awaited<ReturnType<typeof insertRouteMaps>>;
  beforeAll(async () => {
    handle = await createTestDatabase("empty");
    ids = await insertRouteMaps(handle.db);
    app = await createApp(testDeps(handle.db));
    const response = await app.inject({ method: "GET", url: "/api/v1/openapi.json" });
    expect(response.statusCode).toBe(200);
    doc = response.json();
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  /** Every operation of every path, whatever its method, with its path. */
  function everyOperation(): Array<[string, Operation]> {
    return Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.values(methods).map((operation): [string, Operation] => [path, operation]),
    );
  }

  it("is valid OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as unknown as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(doc.openapi).toBe("3.1.0");
  });

  it("documents every /api/v1 route the app answers, each with a unique operation id and a summary", () => {
    const documented = Object.keys(doc.paths);
    const answered = getRoutes(app)
      .filter((url) => url.startsWith("/api/v1"))
      .map(openApiPath);
    expect(answered.length).toBeGreaterThanOrEqual(13);
    expect(documented.sort()).toEqual(answered.sort());
    const operations = Object.values(doc.paths).flatMap((p) => Object.values(p));
    for (const operation of operations) {
      expect(operation.operationId).toMatch(/^[a-zA-Z]+$/);
      expect(operation.summary?.length).toBeGreaterThan(10);
    }
    expect(new Set(operations.map((o) => o.operationId)).size).toBe(operations.length);
  });

  it("documents every path parameter with the pattern or range the API enforces", () => {
    for (const [path, get] of everyOperation()) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = (get.parameters ?? []).filter((p) => p.in === "path");
      expect(
        declared.map((p) => p.name),
        path,
      ).toEqual(inPath);
      for (const parameter of declared) {
        expect(parameter.required).toBe(true);
        if (parameter.name === "slug") expect(parameter.schema.pattern).toBe("^[a-z0-9]+(?:-[a-z0-9]+)*$");
        if (parameter.name === "id") {
          expect(parameter.schema).toMatchObject({ type: "integer", minimum: 1, maximum: 2147483647 });
        }
      }
    }
  });

  it("shares schemas as components, including the error shape every failure uses", () => {
    const schemaOf = (path: string, status: string) =>
      doc.paths[path]?.get?.responses[status]?.content["application/json"].schema;
    expect(schemaOf("/api/v1/themes/{slug}/editions/{id}", "200")).toEqual({
      $ref: "#/components/schemas/Edition",
    });
    expect(schemaOf("/api/v1/themes/{slug}/editions/latest", "200")).toEqual({
      $ref: "#/components/schemas/Edition",
    });
    for (const [path, get] of everyOperation()) {
      for (const [status, response] of Object.entries(get.responses)) {
        if (status.startsWith("4")) {
          expect(response.content["application/json"].schema, `${path} ${status}`).toEqual({
            $ref: "#/components/schemas/Error",
          });
        }
      }
      if (get.parameters?.length) expect(Object.keys(get.responses), path).toContain("400");
    }
    expect(doc.components.schemas.Error).toMatchObject({
      required: ["error"],
      properties: { error: { required: ["code", "message", "fields"] } },
    });
  });

  it("has only response schemas that compile as JSON Schema 2020-12, strictly", () => {
    const ajv = strictAjv();
    let compiled = 0;
    for (const [, get] of everyOperation()) {
      for (const response of Object.values(get.responses)) {
        const schema = dereference(response.content["application/json"].schema, doc.components.schemas);
        expect(() => ajv.compile(schema as Schema)).not.toThrow();
        compiled++;
      }
    }
    expect(compiled).toBeGreaterThan(20);
  });

  it("matches what the API really answers, for successes and failures alike", async () => {
    const ajv = strictAjv();
    const cases: Array<[path: string, url: string, status: number]> = [
      ["/api/v1", "/api/v1", 200],
      ["/api/v1/openapi.json", "/api/v1/openapi.json", 200],
      ["/api/v1/programme", "/api/v1/programme", 200],
      ["/api/v1/foundations", "/api/v1/foundations", 200],
      ["/api/v1/foundations/{slug}", "/api/v1/foundations/scaffolding", 200],
      ["/api/v1/foundations/{slug}", "/api/v1/foundations/nope", 404],
      ["/api/v1/themes", "/api/v1/themes", 200],
      ["/api/v1/themes/{slug}", "/api/v1/themes/leadership", 200],
      ["/api/v1/themes/{slug}", "/api/v1/themes/listening", 200],
      ["/api/v1/themes/{slug}", "/api/v1/themes/NOPE", 400],
      ["/api/v1/themes/{slug}/editions", "/api/v1/themes/leadership/editions", 200],
      ["/api/v1/themes/{slug}/editions/latest", "/api/v1/themes/leadership/editions/latest", 200],
      ["/api/v1/themes/{slug}/editions/{id}", `/api/v1/themes/leadership/editions/${ids.june2024}`, 200],
      ["/api/v1/themes/{slug}/editions/{id}", `/api/v1/themes/leadership/editions/${ids.draft}`, 404],
      ["/api/v1/themes/{slug}/editions/{id}", "/api/v1/themes/leadership/editions/x", 400],
      ["/api/v1/themes/{slug}/compare", "/api/v1/themes/leadership/compare", 200],
      ["/api/v1/themes/{slug}/compare", "/api/v1/themes/leadership/compare?from=x", 400],
      ["/api/v1/themes/{slug}/compare", "/api/v1/themes/listening/compare", 404],
      ["/api/v1/sectors", "/api/v1/sectors", 200],
      ["/api/v1/sectors/{slug}", "/api/v1/sectors/local-authorities", 200],
      ["/api/v1/sectors/{slug}", "/api/v1/sectors/health-boards", 200],
    ];
    for (const [path, url, status] of cases) {
      const response = await app.inject({ method: "GET", url });
      expect(response.statusCode, url).toBe(status);
      expect(doc.paths[path]?.get?.responses[String(status)], `${path} documents ${status}`).toBeDefined();
      expect(checkAnswer(doc, ajv, url, status, response.json())).toBe("");
    }
  });
});
