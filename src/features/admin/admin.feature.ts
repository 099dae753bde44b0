import type { FastifyInstance } from "fastify";
import type { FeatureApi } from "../../platform/api/api-shell.ts";
import type { AppDeps } from "../../platform/app-deps.ts";
import { adminApiRoutes } from "./admin.api.ts";
import { adminRoutes } from "./admin.routes.ts";
import { auditRoutes } from "./audit.routes.ts";

/** Administration: people, their roles and the audit trail, as pages and in the API. */
export function registerAdmin(app: FastifyInstance, deps: AppDeps): FeatureApi {
  adminRoutes(app, deps);
  auditRoutes(app, deps);
  return {
    tags: [
      {
        name: "Administration",
        description:
          "People, their roles and the audit trail: for administrators, with an API token or a session.",
      },
    ],
    routes: adminApiRoutes,
  };
}
