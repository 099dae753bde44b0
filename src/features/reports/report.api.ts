import type { FastifyInstance } from "fastify";
import { BAD_REQUEST_OR_NOT_FOUND } from "../../platform/api/common.schema.ts";
import type { AppDeps } from "../../platform/app-deps.ts";
import { presentReport, presentReportSummary } from "./report.presenters.ts";
import { REPORT_TAG, ReportDetail, ReportList, ReportParams } from "./report.schema.ts";
import { getReport, listReports } from "./report.service.ts";

// /api/v1/reports, registered inside the API's context by platform/api/api-shell.ts, so it is
// validated and documented. Public: a report holds only what the public may see.

type IdRequest = { Params: { id: number } };

export function reportApiRoutes(api: FastifyInstance, deps: AppDeps): void {
  const base = deps.config.baseUrl;
  api.get(
    "/reports",
    {
      schema: {
        operationId: "listReports",
        summary: "Every report generated, newest date first, with its page and files",
        tags: [REPORT_TAG.name],
        response: { 200: ReportList },
      },
    },
    async () => ({ reports: (await listReports(deps.db)).map((r) => presentReportSummary(r, base)) }),
  );

  api.get<IdRequest>(
    "/reports/:id",
    {
      schema: {
        operationId: "getReport",
        summary: "One report with the data it shows, exactly as generated",
        tags: [REPORT_TAG.name],
        params: ReportParams,
        response: { 200: ReportDetail, ...BAD_REQUEST_OR_NOT_FOUND },
      },
    },
    async (request) => presentReport(await getReport(deps.db, request.params.id), base),
  );
}
