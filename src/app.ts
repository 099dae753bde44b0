import path from "node:path";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import { registerAccountability } from "./features/accountability/accountability.feature.ts";
import { sessionCookieName } from "./features/accounts/account.http.ts";
import { registerAccounts } from "./features/accounts/accounts.feature.ts";
import { actorForSession } from "./features/accounts/session.service.ts";
import { registerAdmin } from "./features/admin/admin.feature.ts";
import { registerApiTokens } from "./features/api-tokens/api-tokens.feature.ts";
import { actorForToken } from "./features/api-tokens/token.service.ts";
import { registerBulkUpdates } from "./features/bulk-updates/bulk-updates.feature.ts";
import { registerCalendars } from "./features/calendars/calendars.feature.ts";
import { registerCommitments } from "./features/commitments/commitments.feature.ts";
import { registerFunding } from "./features/funding/funding.feature.ts";
import { registerGovernance } from "./features/governance/governance.feature.ts";
import { registerImport } from "./features/import/import.feature.ts";
import { registerImprovement } from "./features/improvement/improvement.feature.ts";
import { registerIndicators } from "./features/indicators/indicators.feature.ts";
import { registerLandscape } from "./features/landscape/landscape.feature.ts";
import { registerMinutesDownloads } from "./features/minutes-downloads/minutes-downloads.feature.ts";
import { registerOrganisations } from "./features/organisations/organisations.feature.ts";
import { registerReports } from "./features/reports/reports.feature.ts";
import { registerRounds } from "./features/rounds/rounds.feature.ts";
import { registerRouteMaps } from "./features/route-maps/route-maps.feature.ts";
import { registerSiteInformation } from "./features/site-information/site-information.feature.ts";
import { registerTimeline } from "./features/timeline/timeline.feature.ts";
import { type FeatureApi, registerApi } from "./platform/api/api-shell.ts";
import type { AppDeps } from "./platform/app-deps.ts";
import { handleFrameworkError, registerErrorHandling } from "./platform/http-errors.ts";
import { registerPageCache } from "./platform/page-cache.ts";
import { registerRequestLimit } from "./platform/request-limit.ts";
import { OneLinePerRequest } from "./platform/request-log.ts";
import { registerRequestSecurity } from "./platform/security/request-security.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Builds the HTTP app without listening, so tests drive it with `app.inject()`. */
export async function createApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      deps.config.logLevel === "silent"
        ? false
        : { level: deps.config.logLevel, ...(deps.logStream ? { stream: deps.logStream } : {}) },
    logController: new OneLinePerRequest(),
    // Only a proxy on this machine by default: anyone else could claim any address (see config.ts).
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Close idle keep-alive connections on shutdown; in-flight requests still finish.
    forceCloseConnections: "idle",
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: handleFrameworkError,
  });
  // Set only on the embedded database (see server.ts): it takes one query at a time.
  if (deps.config.pgliteLimit) registerRequestLimit(app, deps.config.pgliteLimit);

  await app.register(cookie);
  await app.register(formbody);
  await app.register(fastifyStatic, {
    root: path.join(root, "node_modules/@scottish-government/design-system/dist"),
    prefix: "/assets/ds/",
    maxAge: "1d",
  });
  await app.register(fastifyStatic, {
    root: path.join(root, "public"),
    prefix: "/assets/",
    decorateReply: false,
    maxAge: "1h",
  });
  // Who is asking, and the order of the hooks that decide it: platform/security/request-security.ts.
  registerRequestSecurity(app, {
    sessionCookie: sessionCookieName(deps.config.baseUrl),
    actorForSession: (token) => actorForSession(deps.db, token),
    actorForToken: (token) => actorForToken(deps.db, token),
  });
  registerPageCache(app, { seconds: deps.config.pageCacheSeconds, changes: deps.changes });
  registerErrorHandling(app);

  // Each feature registers its pages; those with a part in the JSON API hand it back, and the
  // API shell registers those parts inside /api/v1. Their order here is the order of the OpenAPI
  // document's tags and of the index's links.
  const api: FeatureApi[] = [
    registerRouteMaps(app, deps),
    registerAdmin(app, deps),
    registerIndicators(app, deps),
    registerLandscape(app, deps),
    registerAccountability(app, deps),
    registerRounds(app, deps),
    registerCommitments(app, deps),
    registerReports(app, deps),
    registerFunding(app, deps),
    registerImprovement(app, deps),
    registerTimeline(app, deps),
  ];
  registerGovernance(app, deps);
  registerOrganisations(app, deps);
  registerBulkUpdates(app, deps);
  registerImport(app, deps);
  registerAccounts(app, deps);
  registerApiTokens(app, deps);
  registerCalendars(app, deps);
  registerMinutesDownloads(app, deps);
  registerSiteInformation(app, deps);
  registerApi(app, deps, api);
  return app;
}
