import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { ValidationError } from "../../platform/errors.ts";
import { sendPrivatePage, signInFirst } from "../../platform/http-pages.ts";
import { queryOf } from "../../platform/http-params.ts";
import { authorize } from "../../platform/security/authorize.ts";
import { listEntityTypes } from "./audit.repository.ts";
import { listAudit, parseAuditFilter } from "./audit.service.ts";
import { type AuditFilterValues, auditView } from "./views/audit.view.ts";

// The audit trail page, /admin/audit, for administrators. Read-only: the app has no way to change
// or delete an event.

export function auditRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get("/admin/audit", async (request, reply) => {
    const redirect = signInFirst(request, reply);
    if (redirect) return redirect;
    authorize(request.actor, "audit.read");
    const q = queryOf(request);
    const values: AuditFilterValues = {
      entityType: q.entityType ?? "",
      entityId: q.entityId ?? "",
      person: q.person ?? "",
      from: q.from ?? "",
      to: q.to ?? "",
      actorId: q.actorId ?? "",
    };
    try {
      const filter = parseAuditFilter({ ...values, page: q.page });
      const page = await listAudit(deps.db, request.actor, filter);
      return sendPrivatePage(request, reply, {
        title: "Audit trail",
        content: auditView({ page, values, errors: {}, entityTypes: page.entityTypes }),
      });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return sendPrivatePage(request, reply, {
        title: "Error: Audit trail",
        status: 400,
        content: auditView({
          page: null,
          values,
          errors: error.fields,
          entityTypes: await listEntityTypes(deps.db),
        }),
      });
    }
  });
}
