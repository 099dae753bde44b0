import type { FastifyInstance } from "fastify";
import type { FeatureApi } from "../../platform/api/api-shell.ts";
import { API_ROOT } from "../../platform/api/common.schema.ts";
import type { AppDeps } from "../../platform/app-deps.ts";
import { INDICATOR_TAG, indicatorApiRoutes } from "./indicator.api.ts";
import { indicatorRoutes } from "./indicator.routes.ts";

/** The progress framework: its pages (reading, editing, uploads) and its part of the API. */
export function registerIndicators(app: FastifyInstance, deps: AppDeps): FeatureApi {
  indicatorRoutes(app, deps);
  return {
    tags: [INDICATOR_TAG],
    links: { indicators: `${API_ROOT}/indicators` },
    routes: indicatorApiRoutes,
  };
}
