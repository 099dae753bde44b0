import type { FastifyInstance } from "fastify";
import type { FeatureApi } from "../../platform/api/api-shell.ts";
import { API_ROOT } from "../../platform/api/common.schema.ts";
import type { AppDeps } from "../../platform/app-deps.ts";
import { commitmentApiRoutes } from "./commitment.api.ts";
import { commitmentRoutes } from "./commitment.routes.ts";
import { COMMITMENT_TAG } from "./commitment.schema.ts";

/** Commitments: the key actions of imported progress updates, as a page and in the API. */
export function registerCommitments(app: FastifyInstance, deps: AppDeps): FeatureApi {
  commitmentRoutes(app, deps);
  return {
    tags: [COMMITMENT_TAG],
    links: { commitments: `${API_ROOT}/commitments` },
    routes: commitmentApiRoutes,
  };
}
