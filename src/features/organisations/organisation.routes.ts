import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { ValidationError } from "../../platform/errors.ts";
import { signInFirst } from "../../platform/http-pages.ts";
import { slugParam } from "../../platform/http-params.ts";
import { can } from "../../platform/security/authorize.ts";
import { sendPage } from "../accountability/accountability.http.ts";
import {
  getOrganisationAccount,
  listOrganisationSummaries,
} from "../accountability/accountability.service.ts";
import { getOwed } from "../accountability/progress.service.ts";
import { openRoundsFor } from "../rounds/round.service.ts";
import { readActionListFilter } from "./organisation-filter.ts";
import { organisationsView, organisationView } from "./views/organisations.view.ts";
import { owedInRoundsView } from "./views/owed-in-rounds.view.ts";

// The organisations' pages. Public: the register of organisations and each organisation's page
// (what it must act on). Signed in: what an organisation owes (/progress/:organisation), with the
// reporting rounds it owes updates in. The page is put together here, so neither accountability
// nor rounds needs the other's pages.

type Params = Record<string, string | undefined>;

/** ?staleAfterDays=: a whole number of days from 1 to 3650, or the configured period. */
function staleDays(query: unknown, configured: number): number {
  const value = (query as Record<string, unknown> | undefined)?.staleAfterDays;
  if (value === undefined || value === "") return configured;
  const days = typeof value === "string" && /^\d{1,4}$/.test(value) ? Number(value) : 0;
  if (days < 1 || days > 3650)
    throw new ValidationError(
      { staleAfterDays: "Enter a number of days from 1 to 3650" },
      "Enter the number of days as a whole number from 1 to 3650.",
    );
  return days;
}

export function organisationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const staleAfterDays = deps.config.staleAfterDays;

  app.get("/organisations", async (request, reply) => {
    const organisations = await listOrganisationSummaries(db);
    return sendPage(request, reply, {
      title: "Organisations",
      content: organisationsView(organisations, can(request.actor, "organisation.manage")),
      publicPage: true,
    });
  });

  app.get("/organisations/:slug", async (request, reply) => {
    const slug = slugParam((request.params as Params).slug, "organisation");
    const account = await getOrganisationAccount(db, request.actor, slug, {
      staleAfterDays: staleDays(request.query, staleAfterDays),
    });
    return sendPage(request, reply, {
      title: account.organisation.name,
      breadcrumbs: [{ href: "/organisations", text: "Organisations" }],
      content: organisationView({
        account,
        canReport: can(request.actor, "progress.report", { organisationId: account.organisation.id }),
        path: `/organisations/${encodeURIComponent(slug)}`,
        filter: readActionListFilter(request.query),
        canManage: can(request.actor, "organisation.manage"),
        saved:
          can(request.actor, "organisation.manage") &&
          (request.query as Record<string, unknown>).saved === "organisation"
            ? "organisation"
            : undefined,
      }),
      publicPage: true,
    });
  });

  app.get("/progress/:organisation", async (request, reply) => {
    const redirect = signInFirst(request, reply, request.url);
    if (redirect) return redirect;
    const slug = slugParam((request.params as Params).organisation, "organisation");
    const account = await getOwed(db, request.actor, slug, {
      staleAfterDays: staleDays(request.query, staleAfterDays),
    });
    const canReport = can(request.actor, "progress.report", { organisationId: account.organisation.id });
    const rounds = owedInRoundsView(
      await openRoundsFor(db, request.actor, account.organisation.id),
      canReport,
    );
    return sendPage(request, reply, {
      title: `What ${account.organisation.name} owes`,
      breadcrumbs: [{ href: "/progress", text: "Progress updates" }],
      content: organisationView({
        account,
        canReport: can(request.actor, "progress.report", { organisationId: account.organisation.id }),
        path: `/progress/${encodeURIComponent(slug)}`,
        rounds,
        filter: readActionListFilter(request.query),
        saved:
          (request.query as Record<string, unknown>).saved === "submitted"
            ? "submitted"
            : (request.query as Record<string, unknown>).saved === "draft"
              ? "draft"
              : undefined,
      }),
    });
  });
}
