import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { londonToday } from "../../platform/dates.ts";
import type { FormState } from "../../platform/http-forms.ts";
import { runChange } from "../../platform/http-forms.ts";
import { sendPrivatePage, sendPublicPage, signInFirst } from "../../platform/http-pages.ts";
import { idParam } from "../../platform/http-params.ts";
import { can } from "../../platform/security/authorize.ts";
import { sendDownload } from "../landscape/downloads.ts";
import { MANAGE_REPORTS_PATH, REPORTS_PATH, reportPath } from "./report.paths.ts";
import {
  compareReports,
  FORMATS,
  generateReport,
  getReport,
  getReportChoices,
  getReportFile,
  listReports,
} from "./report.service.ts";
import type { ReportFormat } from "./report.types.ts";
import { compareTitle, compareView } from "./views/compare.view.ts";
import { GENERATE_FORM, generateTitle, generateView } from "./views/generate.view.ts";
import { reportView } from "./views/report.view.ts";
import { reportsView } from "./views/reports.view.ts";

// Reports' pages: the list, each report at its permanent address with its files, and the form
// that generates one. Reading is public (a report holds only what the public may see); only
// programme editors and administrators generate.

const TYPES: Record<ReportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

type IdParams = { Params: { id: string } };

const CRUMBS = [{ href: REPORTS_PATH, text: "Reports" }];

export function reportRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  app.get(REPORTS_PATH, async (request, reply) =>
    sendPublicPage(request, reply, {
      title: "Reports",
      content: reportsView(await listReports(db), can(request.actor, "report.generate")),
    }),
  );

  app.get<IdParams>("/reports/:id", async (request, reply) => {
    const report = await getReport(db, idParam(request.params.id, "report"));
    const others = (await listReports(db)).filter(
      (r) => r.id !== report.id && r.kind === report.kind && r.subject === report.subject,
    );
    return sendPublicPage(request, reply, {
      title: report.title,
      breadcrumbs: CRUMBS,
      content: reportView(report, others),
    });
  });

  app.get<{ Params: { id: string; other: string } }>(
    "/reports/:id/compare/:other",
    async (request, reply) => {
      const { before, after, comparison } = await compareReports(
        db,
        idParam(request.params.id, "report"),
        idParam(request.params.other, "report"),
      );
      return sendPublicPage(request, reply, {
        title: compareTitle(before, after),
        breadcrumbs: [...CRUMBS, { href: reportPath(after.id), text: after.title }],
        content: compareView(before, after, comparison),
      });
    },
  );

  for (const format of FORMATS) {
    app.get<IdParams>(`/reports/:id/report.${format}`, async (request, reply) => {
      const id = idParam(request.params.id, "report");
      const file = await getReportFile(db, id, format);
      return sendDownload(request, reply, {
        body: file.data,
        type: TYPES[format],
        fileName: `waymark-report-${id}.${format}`,
      });
    });
  }

  async function sendForm(
    request: FastifyRequest,
    reply: FastifyReply,
    state?: FormState,
    status = 200,
  ): Promise<FastifyReply> {
    return sendPrivatePage(request, reply, {
      title: generateTitle(state),
      status,
      breadcrumbs: CRUMBS,
      content: generateView({
        csrfToken: request.csrfToken,
        choices: await getReportChoices(db, request.actor),
        today: londonToday(),
        state,
      }),
    });
  }

  app.get(MANAGE_REPORTS_PATH, async (request, reply) => {
    const redirect = signInFirst(request, reply);
    if (redirect) return redirect;
    return sendForm(request, reply);
  });

  app.post(MANAGE_REPORTS_PATH, async (request, reply) =>
    runChange(db, request, reply, {
      returnTo: MANAGE_REPORTS_PATH,
      fields: ["kind", "edition", "organisation", "asAt-day", "asAt-month", "asAt-year"],
      change: async (trx, actor, form) =>
        reportPath(
          await generateReport(
            trx,
            actor,
            {
              kind: form.kind,
              edition: form.edition,
              organisation: form.organisation,
              asAt: { day: form["asAt-day"], month: form["asAt-month"], year: form["asAt-year"] },
            },
            { baseUrl: deps.config.baseUrl },
          ),
        ),
      refused: (state, status) => sendForm(request, reply, { ...state, form: GENERATE_FORM }, status),
    }),
  );
}
