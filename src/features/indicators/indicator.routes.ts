import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { publicCacheHeaders, sendPublicPage } from "../../platform/http-pages.ts";
import { queryOf, slugParam } from "../../platform/http-params.ts";
import { findGeography } from "./geography.ts";
import { observationsCsv } from "./indicator-csv.ts";
import { indicatorManageRoutes } from "./indicator-manage.routes.ts";
import { compareArea, getFramework, getIndicatorPage, getObservations } from "./indicator-read.service.ts";
import { areasView } from "./views/areas.view.ts";
import { frameworkView } from "./views/framework.view.ts";

// The progress framework's public pages: the overview, one indicator (filters in the address, so
// they work without JavaScript), its data as CSV, and a council area compared with Scotland.

const FRAMEWORK = { href: "/indicators", text: "Progress framework" };

/** The progress framework's pages, public and for analysts. */
export function indicatorRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  indicatorManageRoutes(app, deps);

  app.get("/indicators", async (request, reply) =>
    sendPublicPage(request, reply, {
      title: "How is Scotland doing?",
      content: frameworkView(await getFramework(db, request.actor)),
    }),
  );

  app.get("/indicators/council-areas", async (request, reply) => {
    const code = queryOf(request).area || undefined;
    // compareArea refuses anything but a council area's code, naming the field.
    const rows = code ? await compareArea(db, request.actor, code) : [];
    const area = code ? findGeography(code) : undefined;
    return sendPublicPage(request, reply, {
      title: area ? `${area.name} compared with Scotland` : "Compare a council area with Scotland",
      breadcrumbs: [FRAMEWORK],
      content: areasView(area ?? null, rows),
    });
  });

  app.get<{ Params: { slug: string } }>("/indicators/:slug", async (request, reply) => {
    const q = queryOf(request);
    const data = await getIndicatorPage(db, request.actor, slugParam(request.params.slug, "indicator"), {
      geography: q.geography || undefined,
      breakdown: q.breakdown,
      period: q.period || undefined,
    });
    // The chart library (Observable Plot on linkedom) loads on the first indicator page, not at start.
    const { indicatorView } = await import("./views/indicator.view.ts");
    return sendPublicPage(request, reply, {
      title: data.indicator.title,
      breadcrumbs: [FRAMEWORK],
      content: indicatorView(data),
    });
  });

  app.get<{ Params: { slug: string } }>("/indicators/:slug/data.csv", async (request, reply) => {
    const slug = slugParam(request.params.slug, "indicator");
    const { indicator, observations } = await getObservations(db, request.actor, slug, {
      geography: queryOf(request).geography || undefined,
    });
    publicCacheHeaders(request, reply);
    return reply
      .type("text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="${slug}.csv"`)
      .send(observationsCsv(indicator, observations));
  });
}
