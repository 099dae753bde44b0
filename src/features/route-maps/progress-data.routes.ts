import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { type Cell, toCsv } from "../../platform/csv.ts";
import { publicCacheHeaders } from "../../platform/http-pages.ts";
import { slugParam } from "../../platform/http-params.ts";
import { getProgressByLevel, type ProgressSummary } from "../accountability/public-progress.service.ts";
import { getFoundation, getProgramme } from "./route-map.service.ts";

// The roll-up tables as CSV, beside them on the home page and each foundation's page: the same
// figures (accountability's roll-up of the latest published editions), one row per level. A
// level with nothing to measure yet has an empty status and percent, as the page says in words.

export const PROGRESS_HEADINGS = ["level", "foundation", "route_map", "status", "percent", "actions_counted"];

type Level = "programme" | "foundation" | "route_map";

function row(level: Level, foundation: string | null, routeMap: string | null, s?: ProgressSummary): Cell[] {
  const measured = s !== undefined && s.percent !== null;
  return [
    level,
    foundation,
    routeMap,
    measured ? (s.status?.label ?? null) : null,
    measured ? s.percent : null,
    measured ? s.counted : 0,
  ];
}

export function progressDataRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  const send = (
    request: Parameters<typeof publicCacheHeaders>[0],
    reply: Parameters<typeof publicCacheHeaders>[1],
    name: string,
    rows: Cell[][],
  ) => {
    publicCacheHeaders(request, reply);
    reply.header("content-disposition", `attachment; filename="${name}.csv"`);
    return reply.type("text/csv; charset=utf-8").send(toCsv(PROGRESS_HEADINGS, rows));
  };

  app.get("/route-maps/progress.csv", async (request, reply) => {
    const [programme, progress] = await Promise.all([getProgramme(db), getProgressByLevel(db)]);
    const rows = [row("programme", null, null, progress.programme)];
    for (const f of programme.foundations) {
      rows.push(row("foundation", f.name, null, progress.foundations.get(f.slug)));
      for (const t of f.themes) rows.push(row("route_map", f.name, t.name, progress.themes.get(t.slug)));
    }
    return send(request, reply, "route-map-progress", rows);
  });

  app.get<{ Params: { slug: string } }>("/foundations/:slug/progress.csv", async (request, reply) => {
    const foundation = await getFoundation(db, slugParam(request.params.slug, "foundation"));
    const progress = await getProgressByLevel(db);
    const rows = [
      row("foundation", foundation.name, null, progress.foundations.get(foundation.slug)),
      ...foundation.themes.map((t) => row("route_map", foundation.name, t.name, progress.themes.get(t.slug))),
    ];
    return send(request, reply, `${foundation.slug}-progress`, rows);
  });
}
