import type { FastifyInstance } from "fastify";
import type { FeatureApi } from "../../platform/api/api-shell.ts";
import type { AppDeps } from "../../platform/app-deps.ts";
import { groupsApi } from "./groups.api.ts";
import { landscapeRoutes } from "./landscape.routes.ts";

/** The landscape of groups: its pages and downloads, and the groups' open data in the API. */
export function registerLandscape(app: FastifyInstance, deps: AppDeps): FeatureApi {
  landscapeRoutes(app, deps);
  return groupsApi;
}
