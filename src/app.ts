import path from "node:path";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import { accountabilityRoutes } from "./features/accountability/accountability.routes.ts";
import { bulkRoutes } from "./features/accountability/bulk.routes.ts";
import { evidenceRoutes } from "./features/accountability/evidence.routes.ts";
import { organisationEditRoutes } from "./features/accountability/organisation-edit.routes.ts";
import { registerReminders } from "./features/accountability/reminder.scheduler.ts";
import { roundRoutes } from "./features/accountability/round.routes.ts";
import { SESSION_COOKIE } from "./features/accounts/account.http.ts";
import { accountRoutes } from "./features/accounts/account.routes.ts";
import { oidcRoutes } from "./features/accounts/oidc.routes.ts";
import { actorForSession } from "./features/accounts/session.service.ts";
import { adminRoutes } from "./features/admin/admin.routes.ts";
import { auditRoutes } from "./features/admin/audit.routes.ts";
import { apiRoutes } from "./features/api/api.routes.ts";
import { tokenRoutes } from "./features/api-tokens/token.routes.ts";
import { actorForToken } from "./features/api-tokens/token.service.ts";
import { calendarRoutes } from "./features/calendars/calendar.routes.ts";
import { commitmentRoutes } from "./features/commitments/commitment.routes.ts";
import { governanceRoutes } from "./features/governance/governance.routes.ts";
import { importRoutes } from "./features/import/import.routes.ts";
import { indicatorRoutes } from "./features/indicators/indicator.routes.ts";
import { landscapeRoutes } from "./features/landscape/landscape.routes.ts";
import { minutesDownloadRoutes } from "./features/minutes-downloads/minutes-downloads.routes.ts";
import { editRoutes } from "./features/route-maps/edit.routes.ts";
import { publicRoutes } from "./features/route-maps/public.routes.ts";
import type { AppDeps } from "./platform/app-deps.ts";
import { handleFrameworkError, registerErrorHandling } from "./platform/http-errors.ts";
import { registerPageCache } from "./platform/page-cache.ts";
import { registerRequestSecurity } from "./platform/security/request-security.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Builds the HTTP app without listening, so tests drive it with `app.inject()`. */
export async function createApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.config.logLevel === "silent" ? false : { level: deps.config.logLevel },
    // Only a proxy on this machine by default: anyone else could claim any address (see config.ts).
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Close idle keep-alive connections on shutdown; in-flight requests still finish.
    forceCloseConnections: "idle",
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: handleFrameworkError,
  });
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
    sessionCookie: SESSION_COOKIE,
    actorForSession: (token) => actorForSession(deps.db, token),
    actorForToken: (token) => actorForToken(deps.db, token),
  });
  registerPageCache(app, { seconds: deps.config.pageCacheSeconds });
  registerErrorHandling(app);

  publicRoutes(app, deps);
  governanceRoutes(app, deps);
  editRoutes(app, deps);
  importRoutes(app, deps);
  accountRoutes(app, deps);
  oidcRoutes(app, deps);
  apiRoutes(app, deps);
  adminRoutes(app, deps);
  auditRoutes(app, deps);
  tokenRoutes(app, deps);
  indicatorRoutes(app, deps);
  landscapeRoutes(app, deps);
  calendarRoutes(app, deps);
  minutesDownloadRoutes(app, deps);
  accountabilityRoutes(app, deps);
  bulkRoutes(app, deps);
  evidenceRoutes(app, deps);
  roundRoutes(app, deps);
  organisationEditRoutes(app, deps);
  registerReminders(app, deps);
  commitmentRoutes(app, deps);
  return app;
}
