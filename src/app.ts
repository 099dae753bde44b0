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
import { type ReminderSchedule, registerReminders } from "./features/accountability/reminder.scheduler.ts";
import { roundRoutes } from "./features/accountability/round.routes.ts";
import { accountRoutes, registerSessions } from "./features/accounts/account.routes.ts";
import { oidcRoutes } from "./features/accounts/oidc.routes.ts";
import { adminRoutes } from "./features/admin/admin.routes.ts";
import { auditRoutes } from "./features/admin/audit.routes.ts";
import { apiRoutes } from "./features/api/api.routes.ts";
import { registerBearerTokens } from "./features/api-tokens/token.auth.ts";
import { tokenRoutes } from "./features/api-tokens/token.routes.ts";
import { calendarRoutes } from "./features/calendars/calendar.routes.ts";
import { commitmentRoutes } from "./features/commitments/commitment.routes.ts";
import { governanceRoutes } from "./features/governance/governance.routes.ts";
import { importRoutes } from "./features/import/import.routes.ts";
import { indicatorRoutes } from "./features/indicators/indicator.routes.ts";
import { landscapeRoutes } from "./features/landscape/landscape.routes.ts";
import { minutesDownloadRoutes } from "./features/minutes-downloads/minutes-downloads.routes.ts";
import { editRoutes } from "./features/route-maps/edit.routes.ts";
import { publicRoutes } from "./features/route-maps/public.routes.ts";
import type { Actor } from "./platform/actor.ts";
import type { ChangeFeed } from "./platform/change-feed.ts";
import type { Config } from "./platform/config.ts";
import type { Db } from "./platform/database.ts";
import { handleFrameworkError, registerErrorHandling } from "./platform/http-errors.ts";
import type { Mailer } from "./platform/mail.ts";
import { registerPageCache } from "./platform/page-cache.ts";
import { registerRequestLimit } from "./platform/request-limit.ts";
import { registerCsrf } from "./platform/security/csrf.ts";
import { registerSecurityHeaders } from "./platform/security/headers.ts";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor;
    csrfToken: string;
    /** The request came with a valid personal API token (Authorization: Bearer): no CSRF token needed. */
    viaToken: boolean;
  }
}

/** What every route needs: the composition root. Services are plain functions over `db`. */
export interface AppDeps {
  db: Db;
  /** `pageCacheSeconds` absent or 0: no in-memory page cache (tests that write rows directly). */
  config: Pick<Config, "production" | "logLevel"> &
    Partial<
      Pick<
        Config,
        | "pageCacheSeconds"
        | "apiRateLimitPerMinute"
        | "oidc"
        | "trustProxy"
        | "staleAfterDays"
        | "baseUrl"
        | "pgliteQueue"
      >
    >;
  /** How emails go out; absent: they are written to the log (see platform/mail.ts). */
  mailer?: Mailer;
  /** How instances on one PostgreSQL database tell each other of a change (empties page caches). */
  changes?: ChangeFeed;
  /** Send reporting-round reminders from this process (the server; tests that ask for it). */
  reminders?: ReminderSchedule;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Builds the HTTP app without listening, so tests drive it with `app.inject()`. */
export async function createApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.config.logLevel === "silent" ? false : { level: deps.config.logLevel },
    // Only a proxy on this machine by default: anyone else could claim any address (see config.ts).
    trustProxy: deps.config.trustProxy ?? "loopback",
    bodyLimit: 1024 * 1024,
    // Close idle keep-alive connections on shutdown; in-flight requests still finish.
    forceCloseConnections: "idle",
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: handleFrameworkError,
  });
  app.addHook("onRequest", async (request) => {
    request.actor = { kind: "public", requestId: request.id };
  });
  // Set only on the embedded database (see server.ts): it takes one query at a time.
  if (deps.config.pgliteQueue) registerRequestLimit(app, deps.config.pgliteQueue);

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
  registerSecurityHeaders(app);
  registerCsrf(app);
  registerSessions(app, deps);
  registerBearerTokens(app, deps);
  registerPageCache(app, { seconds: deps.config.pageCacheSeconds ?? 0, changes: deps.changes });
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
