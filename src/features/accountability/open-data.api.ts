import type { FastifyInstance } from "fastify";
import type { Static } from "typebox";
import { API_ROOT, ErrorResponse } from "../../platform/api/common.schema.ts";
import type { AppDeps } from "../../platform/app-deps.ts";
import { londonToday } from "../../platform/dates.ts";
import { ValidationError } from "../../platform/errors.ts";
import { actionPath } from "./accountability.paths.ts";
import { ActionsQuery, PAGE_SIZE, PublicActionList } from "./open-data.schema.ts";
import { type ActionRecord, type ActionScope, listActionRecords, readAsAt } from "./open-data.service.ts";

// GET /api/v1/actions: the public data of accountability, the same rows as the downloads, a page
// at a time. Public: published editions and submitted updates only.

type Query = Static<typeof ActionsQuery>;

function scopeOf(query: Query): ActionScope {
  const given = (["theme", "sector", "organisation"] as const).filter((k) => query[k] !== undefined);
  if (given.length > 1)
    throw new ValidationError(
      Object.fromEntries(given.slice(1).map((k) => [k, "Choose one of theme, sector or organisation"])),
      "Choose one of theme, sector or organisation, not more.",
    );
  if (query.theme) return { kind: "theme", themeSlug: query.theme };
  if (query.sector) return { kind: "sector", sectorSlug: query.sector };
  if (query.organisation) return { kind: "organisation", organisationSlug: query.organisation };
  return { kind: "all" };
}

function present(r: ActionRecord, baseUrl: string) {
  const named = (role: "lead" | "partner") =>
    r.parties.filter((p) => p.role === role).map((p) => ({ kind: p.kind, slug: p.slug, name: p.name }));
  return {
    foundation: r.foundation,
    theme: {
      slug: r.routeMap.slug,
      name: r.routeMap.name,
      url: `${API_ROOT}/themes/${encodeURIComponent(r.routeMap.slug)}`,
    },
    edition: { label: r.edition.label, lastUpdated: r.edition.date },
    number: r.number,
    key: r.key,
    text: r.text,
    leads: named("lead"),
    partners: named("partner"),
    due: r.due,
    status: r.latest?.status ?? null,
    percent: r.latest && r.latest.status !== "superseded" ? r.latest.percent : null,
    lastUpdate: r.latest?.submittedOn ?? null,
    updatedBy: r.latest?.by ?? null,
    overdue: r.overdue,
    page: new URL(actionPath(r.routeMap.slug, r.key), baseUrl).href,
  };
}

export function openDataApi(api: FastifyInstance, deps: AppDeps): void {
  api.get<{ Querystring: Query }>(
    "/actions",
    {
      schema: {
        operationId: "listPublicActions",
        summary:
          "Every published route map's actions with who must act, by when and how it is going (now or as at a day)",
        description:
          "The same rows as `/route-maps/actions.csv`. Narrow them with one of `theme`, `sector` or `organisation`; `as_at` gives progress as it stood at the end of that day.",
        tags: ["Accountability"],
        querystring: ActionsQuery,
        response: { 200: PublicActionList, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const asAt = readAsAt(request.query);
      const records = await listActionRecords(deps.db, scopeOf(request.query), { asAt });
      const pageCount = Math.max(1, Math.ceil(records.length / PAGE_SIZE));
      const page = request.query.page ?? 1;
      return {
        actions: records
          .slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
          .map((r) => present(r, deps.config.baseUrl)),
        asAt: asAt ?? londonToday(),
        page,
        pageCount,
        total: records.length,
      };
    },
  );
}
