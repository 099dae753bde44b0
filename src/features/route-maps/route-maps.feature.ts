import type { FastifyInstance } from "fastify";
import type { FeatureApi } from "../../platform/api/api-shell.ts";
import type { AppDeps } from "../../platform/app-deps.ts";
import { editRoutes } from "./edit.routes.ts";
import { progressDataRoutes } from "./progress-data.routes.ts";
import { publicRoutes } from "./public.routes.ts";
import { routeMapApi } from "./route-map.api.ts";

/** Route maps: the public pages, the /manage editing pages, and their part of the API. */
export function registerRouteMaps(app: FastifyInstance, deps: AppDeps): FeatureApi {
  publicRoutes(app, deps);
  progressDataRoutes(app, deps);
  editRoutes(app, deps);
  return routeMapApi;
}
