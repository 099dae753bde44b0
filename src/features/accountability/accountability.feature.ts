import type { FastifyInstance } from "fastify";
import type { FeatureApi } from "../../platform/api/api-shell.ts";
import { API_ROOT } from "../../platform/api/common.schema.ts";
import type { AppDeps } from "../../platform/app-deps.ts";
import { accountabilityApi } from "./accountability.api.ts";
import { accountabilityRoutes } from "./accountability.routes.ts";
import { bulkRoutes } from "./bulk.routes.ts";
import { evidenceRoutes } from "./evidence.routes.ts";
import { organisationEditRoutes } from "./organisation-edit.routes.ts";
import { progressApi } from "./progress.api.ts";
import { registerReminders } from "./reminder.scheduler.ts";
import { roundApi } from "./round.api.ts";
import { roundRoutes } from "./round.routes.ts";

/**
 * Accountability: organisations and what each must act on, progress updates and their evidence,
 * bulk updates, reporting rounds and their reminders; pages and the API's part.
 */
export function registerAccountability(app: FastifyInstance, deps: AppDeps): FeatureApi {
  accountabilityRoutes(app, deps);
  bulkRoutes(app, deps);
  evidenceRoutes(app, deps);
  roundRoutes(app, deps);
  organisationEditRoutes(app, deps);
  registerReminders(app, deps);
  return {
    tags: [
      {
        name: "Accountability",
        description:
          "Organisations, what each must act on, and progress updates, which their contributors may write.",
      },
    ],
    links: { organisations: `${API_ROOT}/organisations` },
    routes(api, apiDeps) {
      accountabilityApi(api, apiDeps);
      progressApi(api, apiDeps);
      roundApi(api, apiDeps);
    },
  };
}
