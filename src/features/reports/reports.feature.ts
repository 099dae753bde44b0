import type { FastifyInstance } from "fastify";
import type { FeatureApi } from "../../platform/api/api-shell.ts";
import { API_ROOT } from "../../platform/api/common.schema.ts";
import type { AppDeps } from "../../platform/app-deps.ts";
import { reportApiRoutes } from "./report.api.ts";
import { reportRoutes } from "./report.routes.ts";
import { REPORT_TAG } from "./report.schema.ts";

/** Reports: generated as at a date, frozen, and given as a page, Word, a spreadsheet, PDF and JSON. */
export function registerReports(app: FastifyInstance, deps: AppDeps): FeatureApi {
  reportRoutes(app, deps);
  return {
    tags: [REPORT_TAG],
    links: { reports: `${API_ROOT}/reports` },
    routes: reportApiRoutes,
  };
}
