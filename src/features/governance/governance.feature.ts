import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { governanceRoutes } from "./governance.routes.ts";

/** Governance: groups, meetings, agendas, papers, actions and minutes, public and managed. */
export function registerGovernance(app: FastifyInstance, deps: AppDeps): void {
  governanceRoutes(app, deps);
}
