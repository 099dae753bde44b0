import type { FastifyInstance } from "fastify";
import type { FeatureApi } from "../../platform/api/api-shell.ts";
import { API_ROOT } from "../../platform/api/common.schema.ts";
import type { AppDeps } from "../../platform/app-deps.ts";
import { accountabilityApi } from "./accountability.api.ts";
import { accountabilityRoutes } from "./accountability.routes.ts";
import { evidenceRoutes } from "./evidence.routes.ts";
import { openDataApi } from "./open-data.api.ts";
import { openDataRoutes } from "./open-data.routes.ts";
import { progressApi } from "./progress.api.ts";

/**
 * Accountability: who must act on each action and by when, progress updates and their evidence;
 * pages and the API's part.
 */
export function registerAccountability(app: FastifyInstance, deps: AppDeps): FeatureApi {
  accountabilityRoutes(app, deps);
  evidenceRoutes(app, deps);
  openDataRoutes(app, deps);
  return {
    tags: [
      {
        name: "Accountability",
        description:
          "Organisations, what each must act on, and progress updates, which their contributors may write.",
      },
    ],
    links: { organisations: `${API_ROOT}/organisations`, actions: `${API_ROOT}/actions` },
    routes(api, apiDeps) {
      accountabilityApi(api, apiDeps);
      progressApi(api, apiDeps);
      openDataApi(api, apiDeps);
    },
  };
}
