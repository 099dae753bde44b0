import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { improvementRoutes } from "./improvement.routes.ts";
import { improvementManageRoutes } from "./improvement-manage.routes.ts";

/** Quality improvement: projects, measures and run charts read by the Anhøj rules. */
export function registerImprovement(app: FastifyInstance, deps: AppDeps): void {
  improvementRoutes(app, deps);
  improvementManageRoutes(app, deps);
}
