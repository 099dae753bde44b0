import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../app-deps.ts";
import { NotFoundError } from "../errors.ts";
import { apiIndexSchema, OpenApiDocument } from "./api-index.schema.ts";
import { registerApiRateLimit } from "./api-rate-limit.ts";
import { API_ROOT } from "./common.schema.ts";
import { type ApiOperation, type ApiTag, buildOpenApiDocument, type OpenApiInfo } from "./openapi.ts";
import { registerStrictParams } from "./strict-params.ts";

/**
 * A feature's part of the JSON API, handed to the shell by the feature's register function (see
 * app.ts): the shell registers its routes inside the /api/v1 context, so they share its prefix,
 * headers, rate limit and not-found answer, and join its OpenAPI document.
 */
export interface FeatureApi {
  /** The OpenAPI tags its operations use, as the document lists them. */
  tags: ApiTag[];
  /** Its collections, linked from the API's index by name: `{ groups: "/api/v1/groups" }`. */
  links?: Record<string, string>;
  /** Registers its endpoints; `api` is the /api/v1 context, so paths are relative to it. */
  routes(api: FastifyInstance, deps: AppDeps): void;
}

/** The API's own tag, for the index and the document. */
const API_TAG: ApiTag = { name: "API", description: "Where everything is." };

const TITLE = "Waymark API";
const DESCRIPTION =
  "Open data about the programme, as JSON: public and read-only, except where an operation says who " +
  "may use it (with a personal API token, or a session and its CSRF token). Drafts are answered as " +
  "not found unless you are signed in and may read them. Errors always " +
  'have the shape `{ "error": { "code", "message", "fields" } }`.';
const INDEX_DESCRIPTION =
  "Open data about the programme's route maps: foundations, themes, every edition with all its " +
  "sections, the sectors that must act, and governance groups with their members and meetings. " +
  "Read-only; no account needed.";

/** Public answers may be kept by any cache for a minute; a signed-in person's (which may show drafts) never. */
const PUBLIC_CACHE = "public, max-age=60";
const PRIVATE_CACHE = "private, no-store";

/**
 * The JSON API under /api/v1. Every route declares its parameters and answers as schemas; Fastify
 * validates requests and serialises answers with them, and the OpenAPI document at
 * /api/v1/openapi.json is generated from the same schemas. The shell knows no feature: `parts`
 * come from the features, in the order their tags and index links are listed.
 */
export function registerApi(app: FastifyInstance, deps: AppDeps, parts: readonly FeatureApi[]): void {
  const info: OpenApiInfo = {
    title: TITLE,
    version: "1.0.0",
    description: DESCRIPTION,
    tags: [API_TAG, ...parts.flatMap((part) => part.tags)],
  };
  const links: Record<string, string> = { openapi: `${API_ROOT}/openapi.json` };
  for (const part of parts) Object.assign(links, part.links);
  const ApiIndex = apiIndexSchema(Object.keys(links).filter((name) => name !== "openapi"));

  app.register(
    async (api) => {
      // First, so that it counts every API request (and none of the pages).
      await registerApiRateLimit(api, deps.config.apiRateLimitPerMinute);
      // Then numbers in addresses and query strings are read as written (Infinity is not an id).
      registerStrictParams(api);
      const operations: ApiOperation[] = [];
      api.addHook("onRoute", (route) => {
        const methods = Array.isArray(route.method) ? route.method : [route.method];
        if (!route.schema) return;
        // With a prefix, the index is registered as both "/api/v1" and "/api/v1/"; document it once.
        const url = route.url.length > 1 ? route.url.replace(/\/$/, "") : route.url;
        for (const method of methods) {
          if (!["GET", "POST", "PUT", "PATCH", "DELETE"].includes(method)) continue;
          if (!operations.some((o) => o.url === url && o.method === method))
            operations.push({ method: method as ApiOperation["method"], url, schema: route.schema });
        }
      });

      // Headers are decided on arrival (the actor is known by then), so the app-wide hooks that
      // run before this context's onSend see them: publicly cacheable answers carry no cookie
      // (src/platform/security/csrf.ts).
      api.addHook("onRequest", async (request, reply) => {
        // Open data: any site may read it. No credentials are allowed, so `*` is safe.
        reply.header("access-control-allow-origin", "*");
        reply.header("vary", "Cookie");
        const read = request.method === "GET" || request.method === "HEAD";
        reply.header("cache-control", read && request.actor.kind === "public" ? PUBLIC_CACHE : PRIVATE_CACHE);
      });
      api.addHook("onSend", async (_request, reply, payload) => {
        if (reply.statusCode >= 500) reply.header("cache-control", "no-store");
        return payload;
      });

      api.setNotFoundHandler(async () => {
        throw new NotFoundError(`There is nothing at this address. The API starts at ${API_ROOT}.`);
      });

      api.get(
        "/",
        {
          schema: {
            operationId: "getApiIndex",
            summary: "Links to every collection and to this API's OpenAPI document",
            tags: [API_TAG.name],
            response: { 200: ApiIndex },
          },
        },
        async () => ({ name: TITLE, description: INDEX_DESCRIPTION, links }),
      );

      let document: ReturnType<typeof buildOpenApiDocument> | undefined;
      api.get(
        "/openapi.json",
        {
          schema: {
            operationId: "getOpenApiDocument",
            summary: "This API described in OpenAPI 3.1",
            tags: [API_TAG.name],
            response: { 200: OpenApiDocument },
          },
        },
        // Built on first request, when every route has been registered.
        async () => {
          document ??= buildOpenApiDocument(info, operations);
          return document;
        },
      );

      for (const part of parts) part.routes(api, deps);
    },
    { prefix: API_ROOT },
  );
}
