import type { FastifyInstance } from "fastify";
import type { FeatureApi } from "../../platform/api/api-shell.ts";
import { API_ROOT } from "../../platform/api/common.schema.ts";
import type { AppDeps } from "../../platform/app-deps.ts";
import { fundingApiRoutes } from "./funding.api.ts";
import { fundingRoutes } from "./funding.routes.ts";
import { FUNDING_TAG } from "./funding.schema.ts";
import { fundingManageRoutes } from "./funding-manage.routes.ts";

/** Funding: funds, their years and awards, for the public (pages, CSV, API) and for the editors who keep them. */
export function registerFunding(app: FastifyInstance, deps: AppDeps): FeatureApi {
  fundingRoutes(app, deps);
  fundingManageRoutes(app, deps);
  return { tags: [FUNDING_TAG], links: { funds: `${API_ROOT}/funds` }, routes: fundingApiRoutes };
}
