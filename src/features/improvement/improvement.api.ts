import type { FastifyInstance } from "fastify";
import type { Static } from "typebox";
import { BAD_REQUEST_OR_NOT_FOUND, SlugParams } from "../../platform/api/common.schema.ts";
import type { AppDeps } from "../../platform/app-deps.ts";
import { presentProject, presentSummary } from "./improvement.presenters.ts";
import { IMPROVEMENT_TAG, ProjectList, ProjectSchema } from "./improvement.schema.ts";
import { getProject, listProjects } from "./improvement.service.ts";

// /api/v1/improvement-projects: open data, so published projects only, whoever asks (a draft is
// not found here even for those who may read it on the pages).

export function improvementApiRoutes(api: FastifyInstance, deps: AppDeps): void {
  api.get(
    "/improvement-projects",
    {
      schema: {
        operationId: "listImprovementProjects",
        summary: "Published improvement projects, with their aims",
        tags: [IMPROVEMENT_TAG.name],
        response: { 200: ProjectList },
      },
    },
    async (request) => ({
      projects: (await listProjects(deps.db, { kind: "public", requestId: request.id })).map(presentSummary),
    }),
  );

  api.get<{ Params: Static<typeof SlugParams> }>(
    "/improvement-projects/:slug",
    {
      schema: {
        operationId: "getImprovementProject",
        summary: "One published improvement project: its aim, links, measures, values and run-chart readings",
        tags: [IMPROVEMENT_TAG.name],
        params: SlugParams,
        response: { 200: ProjectSchema, ...BAD_REQUEST_OR_NOT_FOUND },
      },
    },
    async (request) =>
      presentProject(
        await getProject(deps.db, { kind: "public", requestId: request.id }, request.params.slug),
      ),
  );
}
