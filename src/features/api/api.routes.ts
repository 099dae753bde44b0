import type { FastifyInstance } from "fastify";
import type { Static } from "typebox";
import type { AppDeps } from "../../platform/app-deps.ts";
import { NotFoundError, ValidationError } from "../../platform/errors.ts";
import { accountabilityApi } from "../accountability/accountability.api.ts";
import { progressApi } from "../accountability/progress.api.ts";
import { roundApi } from "../accountability/round.api.ts";
import { adminApiRoutes } from "../admin/admin-api.routes.ts";
import { commitmentApiRoutes } from "../commitments/commitment.routes.ts";
import { COMMITMENT_TAG } from "../commitments/commitment.schema.ts";
import { INDICATOR_TAG, indicatorApiRoutes } from "../indicators/indicator.api.ts";
import { compareEditions } from "../route-maps/edition-compare.ts";
import {
  getEdition,
  getFoundation,
  getLatestEdition,
  getProgramme,
  getSectorActions,
  listEditions,
  listSectors,
} from "../route-maps/route-map.service.ts";
import type { EditionSummary } from "../route-maps/route-map.types.ts";
import {
  API_ROOT,
  findThemeSummary,
  presentComparison,
  presentEdition,
  presentEditionList,
  presentFoundation,
  presentFoundationList,
  presentIndex,
  presentProgramme,
  presentSectorActions,
  presentSectorList,
  presentTheme,
  presentThemeList,
} from "./api.presenters.ts";
import { ApiIndex, OpenApiDocument } from "./api-index.schema.ts";
import { registerApiRateLimit } from "./api-rate-limit.ts";
import { BAD_REQUEST_OR_NOT_FOUND, NOT_FOUND, SlugParams } from "./common.schema.ts";
import { Comparison, ComparisonQuery } from "./comparison.schema.ts";
import { Edition, EditionList, EditionParams } from "./edition.schema.ts";
import { Foundation, FoundationList } from "./foundation.schema.ts";
import { GOVERNANCE_TAG, governanceApiRoutes } from "./governance-api.routes.ts";
import { type ApiOperation, buildOpenApiDocument, type OpenApiInfo } from "./openapi.ts";
import { Programme } from "./programme.schema.ts";
import { SectorActions, SectorList } from "./sector.schema.ts";
import { Theme, ThemeList } from "./theme.schema.ts";

const INFO: OpenApiInfo = {
  title: "Waymark API",
  version: "1.0.0",
  description:
    "Open data about the programme, as JSON: public and read-only, except where an operation says who " +
    "may use it (with a personal API token, or a session and its CSRF token). Drafts are answered as " +
    "not found unless you are signed in and may read them. Errors always " +
    'have the shape `{ "error": { "code", "message", "fields" } }`.',
  tags: [
    { name: "API", description: "Where everything is." },
    { name: "Programme", description: "The programme, its foundations and themes." },
    { name: "Route maps", description: "Each theme's route map, edition by edition." },
    { name: "Sectors", description: "Who must act, and on what." },
    {
      name: "Administration",
      description:
        "People, their roles and the audit trail: for administrators, with an API token or a session.",
    },
    INDICATOR_TAG,
    GOVERNANCE_TAG,
    {
      name: "Accountability",
      description:
        "Organisations, what each must act on, and progress updates, which their contributors may write.",
    },
    COMMITMENT_TAG,
  ],
};

/** Public answers may be kept by any cache for a minute; a signed-in person's (which may show drafts) never. */
const PUBLIC_CACHE = "public, max-age=60";
const PRIVATE_CACHE = "private, no-store";

type SlugRequest = { Params: Static<typeof SlugParams> };
type EditionRequest = { Params: Static<typeof EditionParams> };
type ComparisonRequest = { Params: Static<typeof SlugParams>; Querystring: Static<typeof ComparisonQuery> };

/**
 * Chooses the two editions to compare from those the actor may see (newest first): `to` defaults
 * to the latest published edition, `from` to the edition just before `to`.
 */
function chooseEditions(
  theme: { name: string },
  editions: EditionSummary[],
  query: { from?: number; to?: number },
): { from: number; to: number } {
  const visible = (id: number) => {
    if (!editions.some((e) => e.id === id)) {
      throw new NotFoundError(`There is no edition ${id} of the ${theme.name} route map.`);
    }
    return id;
  };
  const to = query.to === undefined ? editions.find((e) => e.status === "published")?.id : visible(query.to);
  const from =
    query.from !== undefined
      ? visible(query.from)
      : to === undefined
        ? undefined
        : editions[editions.findIndex((e) => e.id === to) + 1]?.id;
  if (from === undefined || to === undefined) {
    throw new NotFoundError(
      `The ${theme.name} route map does not have two editions to compare yet. Name them with ?from= and ?to=.`,
    );
  }
  if (from === to) {
    throw new ValidationError(
      { to: "must be a different edition from `from`" },
      "Choose two different editions.",
    );
  }
  return { from, to };
}

/**
 * The JSON API under /api/v1: read-only open data. Every route declares its parameters and
 * answers as schemas; Fastify validates requests and serialises answers with them, and the
 * OpenAPI document at /api/v1/openapi.json is generated from the same schemas.
 */
export function apiRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.register(
    async (api) => {
      // First, so that it counts every API request (and none of the pages).
      await registerApiRateLimit(api, deps.config.apiRateLimitPerMinute);
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

      accountabilityApi(api, deps);
      progressApi(api, deps);
      roundApi(api, deps);

      api.setNotFoundHandler(async () => {
        throw new NotFoundError(`There is nothing at this address. The API starts at ${API_ROOT}.`);
      });

      api.get(
        "/",
        {
          schema: {
            operationId: "getApiIndex",
            summary: "Links to every collection and to this API's OpenAPI document",
            tags: ["API"],
            response: { 200: ApiIndex },
          },
        },
        async () => presentIndex(),
      );

      let document: ReturnType<typeof buildOpenApiDocument> | undefined;
      api.get(
        "/openapi.json",
        {
          schema: {
            operationId: "getOpenApiDocument",
            summary: "This API described in OpenAPI 3.1",
            tags: ["API"],
            response: { 200: OpenApiDocument },
          },
        },
        // Built on first request, when every route has been registered.
        async () => {
          document ??= buildOpenApiDocument(INFO, operations);
          return document;
        },
      );

      api.get(
        "/programme",
        {
          schema: {
            operationId: "getProgramme",
            summary: "The programme with its foundations and their themes",
            tags: ["Programme"],
            response: { 200: Programme, ...NOT_FOUND },
          },
        },
        async () => presentProgramme(await getProgramme(deps.db)),
      );

      api.get(
        "/foundations",
        {
          schema: {
            operationId: "listFoundations",
            summary: "The programme's foundations, each with its themes",
            tags: ["Programme"],
            response: { 200: FoundationList, ...NOT_FOUND },
          },
        },
        async () => presentFoundationList(await getProgramme(deps.db)),
      );

      api.get<SlugRequest>(
        "/foundations/:slug",
        {
          schema: {
            operationId: "getFoundation",
            summary: "One foundation with its themes",
            tags: ["Programme"],
            params: SlugParams,
            response: { 200: Foundation, ...BAD_REQUEST_OR_NOT_FOUND },
          },
        },
        async (request) => presentFoundation(await getFoundation(deps.db, request.params.slug)),
      );

      api.get(
        "/themes",
        {
          schema: {
            operationId: "listThemes",
            summary: "Every theme, each with its latest published edition and its counts",
            tags: ["Programme"],
            response: { 200: ThemeList, ...NOT_FOUND },
          },
        },
        async () => presentThemeList(await getProgramme(deps.db)),
      );

      api.get<SlugRequest>(
        "/themes/:slug",
        {
          schema: {
            operationId: "getTheme",
            summary: "One theme with the editions of its route map you may see",
            tags: ["Route maps"],
            params: SlugParams,
            response: { 200: Theme, ...BAD_REQUEST_OR_NOT_FOUND },
          },
        },
        async (request) => {
          const { editions } = await listEditions(deps.db, request.actor, request.params.slug);
          const found = findThemeSummary(await getProgramme(deps.db), request.params.slug);
          if (!found) throw new NotFoundError(`There is no route map called "${request.params.slug}".`);
          return presentTheme(found.theme, found.foundationName, editions);
        },
      );

      api.get<SlugRequest>(
        "/themes/:slug/editions",
        {
          schema: {
            operationId: "listEditions",
            summary: "The editions of one route map you may see, newest first",
            tags: ["Route maps"],
            params: SlugParams,
            response: { 200: EditionList, ...BAD_REQUEST_OR_NOT_FOUND },
          },
        },
        async (request) => {
          const { theme, editions } = await listEditions(deps.db, request.actor, request.params.slug);
          return presentEditionList(theme, editions);
        },
      );

      api.get<SlugRequest>(
        "/themes/:slug/editions/latest",
        {
          schema: {
            operationId: "getLatestEdition",
            summary: "The latest published edition of a route map, with every section",
            tags: ["Route maps"],
            params: SlugParams,
            response: { 200: Edition, ...BAD_REQUEST_OR_NOT_FOUND },
          },
        },
        async (request) => presentEdition(await getLatestEdition(deps.db, request.params.slug)),
      );

      api.get<EditionRequest>(
        "/themes/:slug/editions/:id",
        {
          schema: {
            operationId: "getEdition",
            summary: "One edition of a route map, with every section",
            description: "A draft is answered as not found unless you may read drafts.",
            tags: ["Route maps"],
            params: EditionParams,
            response: { 200: Edition, ...BAD_REQUEST_OR_NOT_FOUND },
          },
        },
        async (request) =>
          presentEdition(await getEdition(deps.db, request.actor, request.params.slug, request.params.id)),
      );

      api.get<ComparisonRequest>(
        "/themes/:slug/compare",
        {
          schema: {
            operationId: "compareEditions",
            summary: "What was added, removed and changed between two editions of a route map",
            description:
              "Without `from` and `to`, compares the latest published edition with the one before it. " +
              "Drafts can be compared only by those who may read them.",
            tags: ["Route maps"],
            params: SlugParams,
            querystring: ComparisonQuery,
            response: { 200: Comparison, ...BAD_REQUEST_OR_NOT_FOUND },
          },
        },
        async (request) => {
          const { slug } = request.params;
          const { theme, editions } = await listEditions(deps.db, request.actor, slug);
          const chosen = chooseEditions(theme, editions, request.query);
          const [from, to] = await Promise.all([
            getEdition(deps.db, request.actor, slug, chosen.from),
            getEdition(deps.db, request.actor, slug, chosen.to),
          ]);
          return presentComparison(theme, compareEditions(from, to));
        },
      );

      api.get(
        "/sectors",
        {
          schema: {
            operationId: "listSectors",
            summary: "Every sector that may be asked to act",
            tags: ["Sectors"],
            response: { 200: SectorList },
          },
        },
        async () => presentSectorList(await listSectors(deps.db)),
      );

      api.get<SlugRequest>(
        "/sectors/:slug",
        {
          schema: {
            operationId: "getSectorActions",
            summary: "One sector and every action where it must act, route map by route map",
            tags: ["Sectors"],
            params: SlugParams,
            response: { 200: SectorActions, ...BAD_REQUEST_OR_NOT_FOUND },
          },
        },
        async (request) => presentSectorActions(await getSectorActions(deps.db, request.params.slug)),
      );

      adminApiRoutes(api, deps);
      indicatorApiRoutes(api, deps);
      governanceApiRoutes(api, deps);
      commitmentApiRoutes(api, deps);
    },
    { prefix: API_ROOT },
  );
}
