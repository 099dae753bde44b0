import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { publicCacheHeaders, sendPublicPage } from "../../platform/http-pages.ts";
import { idParam, slugParam } from "../../platform/http-params.ts";
import { IMPROVEMENT_PATH } from "./improvement.paths.ts";
import { getProject, listProjects } from "./improvement.service.ts";
import { getMeasure } from "./measure.service.ts";
import { measureCsv } from "./measure-csv.ts";
import { projectsView } from "./views/projects.view.ts";

// The public pages: published improvement projects, one project with its run charts, and each
// measure's numbers as CSV. A draft is "not found" to anyone who may not read it.

type Params = Record<string, string | undefined>;
const CRUMBS = [{ href: IMPROVEMENT_PATH, text: "Improvement projects" }];

export function improvementRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  app.get(IMPROVEMENT_PATH, async (request, reply) =>
    sendPublicPage(request, reply, {
      title: "Improvement projects",
      description: "Projects testing changes for children, young people and families, with their run charts.",
      content: projectsView(await listProjects(db, request.actor)),
    }),
  );

  app.get(`${IMPROVEMENT_PATH}/:slug`, async (request, reply) => {
    const project = await getProject(
      db,
      request.actor,
      slugParam((request.params as Params).slug, "project"),
    );
    // The chart library (Observable Plot on linkedom) loads on the first project page, not at start.
    const { projectView } = await import("./views/project.view.ts");
    return sendPublicPage(request, reply, {
      title: project.title,
      breadcrumbs: CRUMBS,
      content: projectView(project),
    });
  });

  app.get(`${IMPROVEMENT_PATH}/:slug/measures/:measureId.csv`, async (request, reply) => {
    const params = request.params as Params;
    const slug = slugParam(params.slug, "project");
    const measureId = idParam(params.measureId, "measure");
    const { measure } = await getMeasure(db, request.actor, slug, measureId);
    publicCacheHeaders(request, reply);
    return reply
      .type("text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="${slug}-measure-${measureId}.csv"`)
      .send(measureCsv(measure));
  });
}
