import type { FastifyInstance } from "fastify";
import type { FeatureApi } from "../../platform/api/api-shell.ts";
import { API_ROOT } from "../../platform/api/common.schema.ts";
import type { AppDeps } from "../../platform/app-deps.ts";
import { improvementApiRoutes } from "./improvement.api.ts";
import { improvementRoutes } from "./improvement.routes.ts";
import { IMPROVEMENT_TAG } from "./improvement.schema.ts";
import { improvementManageRoutes } from "./improvement-manage.routes.ts";

/** Quality improvement: projects, measures and run charts read by the Anhøj rules, as pages and in the API. */
export function registerImprovement(app: FastifyInstance, deps: AppDeps): FeatureApi {
  improvementRoutes(app, deps);
  improvementManageRoutes(app, deps);
  return {
    tags: [IMPROVEMENT_TAG],
    links: { improvementProjects: `${API_ROOT}/improvement-projects` },
    routes: improvementApiRoutes,
  };
}
