import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { londonToday } from "../../platform/dates.ts";
import { ValidationError } from "../../platform/errors.ts";
import { publicCacheHeaders } from "../../platform/http-pages.ts";
import { slugParam } from "../../platform/http-params.ts";
import { parseId } from "../../platform/validation.ts";
import { actionsCsv, actionsXlsx } from "./action-records.sheet.ts";
import type { ActionScope } from "./open-data.repository.ts";
import { editionEndedOn, listActionRecords, readAsAt } from "./open-data.service.ts";

// The public data of accountability as files: every published route map's actions with who
// must act, by when and how it is going, for all route maps, one route map, a sector or an
// organisation, as CSV and XLSX; `?as_at=YYYY-MM-DD` gives progress as it stood that day.

/** `?edition=`: absent, or a whole number (an edition's id); anything else is a 400 naming it. */
function readEdition(query: unknown): number | undefined {
  const value = (query as Record<string, unknown> | undefined)?.edition;
  if (value === undefined || value === "") return undefined;
  const id = parseId(value);
  if (id === null)
    throw new ValidationError(
      { edition: "Give the edition's number, as in its address" },
      "The edition must be given by its number, as in its address (/editions/12 is edition=12).",
    );
  return id;
}

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
    editionId?: number,
  ) {
    let asAt = readAsAt(request.query);
    // An earlier edition's actions are as at the day it was replaced, unless another day is asked.
    if (editionId !== undefined && scope.kind === "theme")
      asAt ??= await editionEndedOn(db, scope.themeSlug, editionId);
    const records = await listActionRecords(db, scope, {
      asAt,
      ...(editionId === undefined ? {} : { editionId }),
    });
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
      const editionId = readEdition(request.query);
      return editionId === undefined
        ? send(request, reply, { kind: "theme", themeSlug: slug }, format, `${slug}-actions`)
        : send(
            request,
            reply,
            { kind: "theme", themeSlug: slug },
            format,
            `${slug}-edition-${editionId}-actions`,
            editionId,
          );
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
