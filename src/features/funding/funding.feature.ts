import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { fundingRoutes } from "./funding.routes.ts";
import { fundingManageRoutes } from "./funding-manage.routes.ts";

/** Funding: funds, their years and allocations, for the public and for the editors who keep them. */
export function registerFunding(app: FastifyInstance, deps: AppDeps): void {
  fundingRoutes(app, deps);
  fundingManageRoutes(app, deps);
}
