import type { TSchema } from "typebox";

// The OpenAPI document is generated from the schemas the API routes register with Fastify, so
// what is documented is what is validated and serialised. Routes are collected by an onRoute hook
// (see api-shell.ts); shared schemas become components by identity: `component(name, schema)`
// names a schema object, and wherever that very object appears in a route's schemas the document
// holds a $ref instead.

declare module "fastify" {
  interface FastifySchema {
    /** Unique, stable name of the operation in the OpenAPI document. */
    operationId?: string;
    /** One line: what the operation answers. */
    summary?: string;
    description?: string;
    tags?: string[];
    /** Who may call it: names of the document's security schemes (only for operations that need one). */
    security?: Array<Record<string, string[]>>;
  }
}

const names = new Map<object, string>();

/** Names a schema as an OpenAPI component. Returns the same object, so it composes as usual. */
export function component<T extends TSchema>(name: string, schema: T): T {
  for (const [other, otherName] of names) {
    if (otherName === name && other !== schema) throw new Error(`Two API schemas are named ${name}.`);
  }
  names.set(schema, name);
  return schema;
}

/** One documented operation, as Fastify registered it. */
export interface ApiOperation {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Fastify's form: "/api/v1/themes/:slug". */
  url: string;
  schema: {
    operationId?: string;
    summary?: string;
    description?: string;
    tags?: string[];
    params?: unknown;
    querystring?: unknown;
    body?: unknown;
    security?: Array<Record<string, string[]>>;
    response?: unknown;
  };
}

/** A tag of the document: operations are grouped under it, in the order the tags are listed. */
export type ApiTag = { name: string; description: string };

export interface OpenApiInfo {
  title: string;
  version: string;
  description: string;
  tags: ApiTag[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const STATUS_TEXT: Record<string, string> = {
  "200": "OK",
  "201": "Created.",
  "401": "You are not signed in, or your API token is not valid, has expired or was revoked.",
  "403": "You may not do this.",
  "409": "The change was refused as a whole: `message` says why. Nothing was changed.",
  "429": "Too many requests: wait the number of seconds in the Retry-After header.",
  "400": "The request is not valid: a path or query parameter is malformed. `fields` names each one.",
  "404": "There is nothing at this address, or it is a draft you may not see.",
  "500": "Something went wrong on our side.",
};

/** How a caller proves who they are, for the operations that need it. */
const SECURITY_SCHEMES: JsonObject = {
  bearerToken: {
    type: "http",
    scheme: "bearer",
    description:
      "A personal API token, made at /account/tokens. The token's owner's roles apply; no CSRF token is needed.",
  },
  sessionCookie: {
    type: "apiKey",
    in: "cookie",
    name: "wm_session",
    description:
      "A signed-in browser session (the cookie is named __Host-wm_session where Waymark is reached over https); changes must also send the CSRF token in X-CSRF-Token.",
  },
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Fastify's "/themes/:slug" → OpenAPI's "/themes/{slug}". */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
}

/** Builds OpenAPI 3.1.0 from the registered operations. Pure: same operations, same document. */
export function buildOpenApiDocument(info: OpenApiInfo, operations: ApiOperation[]): JsonObject {
  const components: Record<string, Json> = {};

  // Copies a schema, replacing named sub-schemas with $refs and collecting their definitions.
  function toJson(node: unknown, root: boolean): Json {
    if (Array.isArray(node)) return node.map((n) => toJson(n, false));
    if (!isObject(node)) return node as Json;
    const name = names.get(node);
    if (name !== undefined && !root) {
      if (!(name in components)) {
        components[name] = null; // reserve first, so a schema that contains itself terminates
        components[name] = toJson(node, true);
      }
      return { $ref: `#/components/schemas/${name}` };
    }
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      if (value !== undefined) out[key] = toJson(value, false);
    }
    return out;
  }

  function parameters(schema: unknown, where: "path" | "query"): Json[] {
    if (!isObject(schema) || !isObject(schema.properties)) return [];
    const required = new Set(Array.isArray(schema.required) ? schema.required : []);
    return Object.entries(schema.properties).map(([name, property]) => {
      const parameter: JsonObject = {
        name,
        in: where,
        required: where === "path" || required.has(name),
        schema: toJson(property, false),
      };
      if (isObject(property) && typeof property.description === "string") {
        parameter.description = property.description;
      }
      return parameter;
    });
  }

  const paths: Record<string, JsonObject> = {};
  const sorted = [...operations].sort((a, b) => a.url.localeCompare(b.url));
  for (const { method, url, schema } of sorted) {
    const responses: JsonObject = {};
    const declared = isObject(schema.response) ? schema.response : {};
    for (const [status, body] of Object.entries(declared)) {
      // A success describes itself (the schema's description); errors say when they happen.
      const description =
        (status.startsWith("2") && isObject(body) && typeof body.description === "string"
          ? body.description
          : STATUS_TEXT[status]) ?? "Answer";
      responses[status] = {
        description,
        content: { "application/json": { schema: toJson(body, false) } },
      };
    }
    const operation: JsonObject = {
      operationId: schema.operationId ?? `${method.toLowerCase()}${url.replace(/[^A-Za-z0-9]+/g, "_")}`,
    };
    if (schema.summary) operation.summary = schema.summary;
    if (schema.description) operation.description = schema.description;
    if (schema.tags) operation.tags = schema.tags;
    const params = [...parameters(schema.params, "path"), ...parameters(schema.querystring, "query")];
    if (params.length > 0) operation.parameters = params;
    if (schema.body !== undefined) {
      operation.requestBody = {
        required: true,
        content: { "application/json": { schema: toJson(schema.body, false) } },
      };
    }
    if (schema.security) operation.security = schema.security;
    operation.responses = responses;
    const path = openApiPath(url);
    paths[path] = { ...paths[path], [method.toLowerCase()]: operation };
  }

  const sortedComponents: JsonObject = {};
  for (const key of Object.keys(components).sort()) sortedComponents[key] = components[key] ?? null;
  return {
    openapi: "3.1.0",
    info: {
      title: info.title,
      version: info.version,
      description: info.description,
      license: { name: "MIT", identifier: "MIT" },
    },
    tags: info.tags,
    paths,
    components: { schemas: sortedComponents, securitySchemes: SECURITY_SCHEMES },
  };
}
