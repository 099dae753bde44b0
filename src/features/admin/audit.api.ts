import type { FastifyInstance } from "fastify";
import type { Static } from "typebox";
import { ErrorResponse } from "../../platform/api/common.schema.ts";
import type { AppDeps } from "../../platform/app-deps.ts";
import { authorize } from "../../platform/security/authorize.ts";
import { AuditEventList, AuditQuery } from "./audit.schema.ts";
import { listAudit, parseAuditFilter } from "./audit.service.ts";

// GET /api/v1/admin/audit: the audit trail for scripts, filtered as on the page. Registered by
// admin.api.ts inside its /admin scope (never cached).

const SECURITY: Array<Record<string, string[]>> = [{ bearerToken: [] }, { sessionCookie: [] }];

export function auditApiRoutes(scope: FastifyInstance, deps: AppDeps): void {
  scope.get<{ Querystring: Static<typeof AuditQuery> }>(
    "/audit",
    {
      schema: {
        operationId: "adminListAuditEvents",
        summary: "The audit trail: every change, newest first, filtered by entity, person and dates",
        tags: ["Administration"],
        security: SECURITY,
        querystring: AuditQuery,
        response: { 200: AuditEventList, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      authorize(request.actor, "audit.read");
      const page = await listAudit(deps.db, request.actor, parseAuditFilter(request.query));
      return {
        events: page.events.map((e) => ({ ...e, at: e.at.toISOString() })),
        page: page.filter.page,
        pageCount: page.pageCount,
        total: page.total,
      };
    },
  );
}
