import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { londonToday } from "../../platform/dates.ts";
import { publicCacheHeaders } from "../../platform/http-pages.ts";
import { slugParam } from "../../platform/http-params.ts";
import { actionsCsv, actionsXlsx } from "./action-records.sheet.ts";
import type { ActionScope } from "./open-data.repository.ts";
import { listActionRecords, readAsAt } from "./open-data.service.ts";

// The public data of accountability as files: every published route map's actions with who
// must act, by when and how it is going, for all route maps, one route map, a sector or an
// organisation, as CSV and XLSX; `?as_at=YYYY-MM-DD` gives progress as it stood that day.

const TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

type Params = { Params: { slug: string } };

export function openDataRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, config } = deps;

  async function send(
    request: FastifyRequest,
    reply: FastifyReply,
    scope: ActionScope,
    format: keyof typeof TYPES,
    name: string,
  ) {
    const asAt = readAsAt(request.query);
    const records = await listActionRecords(db, scope, { asAt });
    const day = asAt ?? londonToday();
    const body =
      format === "csv"
        ? actionsCsv(records, day, config.baseUrl)
        : await actionsXlsx(records, day, config.baseUrl);
    publicCacheHeaders(request, reply);
    reply.header(
      "content-disposition",
      `attachment; filename="${name}${asAt ? `-as-at-${asAt}` : ""}.${format}"`,
    );
    return reply.type(TYPES[format]).send(body);
  }

  for (const format of ["csv", "xlsx"] as const) {
    app.get(`/route-maps/actions.${format}`, (request, reply) =>
      send(request, reply, { kind: "all" }, format, "route-map-actions"),
    );
    app.get<Params>(`/themes/:slug/actions.${format}`, (request, reply) => {
      const slug = slugParam(request.params.slug, "route map");
      return send(request, reply, { kind: "theme", themeSlug: slug }, format, `${slug}-actions`);
    });
    app.get<Params>(`/sectors/:slug/actions.${format}`, (request, reply) => {
      const slug = slugParam(request.params.slug, "sector");
      return send(request, reply, { kind: "sector", sectorSlug: slug }, format, `${slug}-sector-actions`);
    });
    app.get<Params>(`/organisations/:slug/actions.${format}`, (request, reply) => {
      const slug = slugParam(request.params.slug, "organisation");
      return send(
        request,
        reply,
        { kind: "organisation", organisationSlug: slug },
        format,
        `${slug}-public-actions`,
      );
    });
  }
}
