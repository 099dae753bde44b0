import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { ConflictError, StaleVersionError } from "../../platform/errors.ts";
import { dateFields, type FormState, runChange } from "../../platform/http-forms.ts";
import { sendPrivatePage, signInFirst } from "../../platform/http-pages.ts";
import { bodyOf, idParam, many, queryOf, slugParam } from "../../platform/http-params.ts";
import { authorize } from "../../platform/security/authorize.ts";
import { readSpreadsheet } from "../../platform/spreadsheet.ts";
import { readUploadedFile, registerUploads } from "../../platform/uploads.ts";
import { MANAGE_IMPROVEMENT_PATH, manageMeasurePath, manageProjectPath } from "./improvement.paths.ts";
import {
  changeProject,
  createProject,
  getProjectChoices,
  getProjectToChange,
  listProjects,
  type ProjectInput,
} from "./improvement.service.ts";
import {
  addDataPoint,
  addMeasure,
  changeMeasure,
  getMeasure,
  loadDataPoints,
  type MeasureInput,
  removeDataPoint,
} from "./measure.service.ts";
import {
  manageListView,
  measurePageView,
  type ProjectChosen,
  type ProjectFormModel,
  projectFormView,
} from "./views/manage.view.ts";

// The editors' pages under /manage/improvement (improvement.edit): start and change a project,
// add and change its measures, add and remove data points. Every form goes through runChange:
// a refused one comes back with its messages and what was typed (400), or, when someone saved
// first, with what is saved now (409).

type Params = Record<string, string | undefined>;
const CRUMBS = [{ href: MANAGE_IMPROVEMENT_PATH, text: "Improvement projects" }];

const PROJECT_FIELDS = [
  "title",
  "aimWhat",
  "aimHowMuch",
  "aimBy-day",
  "aimBy-month",
  "aimBy-year",
  "team",
  "status",
  "learned",
  "published",
] as const;
const MEASURE_FIELDS = ["kind", "name", "unit", "better", "baselinePoints"] as const;
const POINT_FIELDS = ["date-day", "date-month", "date-year", "value", "annotation"] as const;

/** A file of values: a few thousand rows at most is years of weekly data. */
const MAX_POINTS_FILE_BYTES = 1024 * 1024;

const SAVED: Record<string, string> = {
  created: "The project has been started. Add its measures below.",
  project: "The project has been saved.",
  measure: "The measure has been saved.",
  point: "The value has been saved.",
  removed: "The value has been removed.",
  loaded: "The values in the file have been saved.",
};

function savedMessage(request: FastifyRequest): string | undefined {
  const saved = queryOf(request).saved;
  return saved ? SAVED[saved] : undefined;
}

function chosenOf(request: FastifyRequest): ProjectChosen {
  const body = bodyOf(request);
  return {
    areas: many(body, "areas"),
    organisations: many(body, "organisations"),
    actions: many(body, "actions"),
    indicators: many(body, "indicators"),
  };
}

function projectInput(form: Record<string, string | undefined>, chosen: ProjectChosen): ProjectInput {
  return {
    title: form.title,
    aimWhat: form.aimWhat,
    aimHowMuch: form.aimHowMuch,
    aimBy: dateFields(form, "aimBy"),
    team: form.team,
    status: form.status,
    learned: form.learned,
    published: form.published,
    ...chosen,
  };
}

function measureInput(form: Record<string, string | undefined>): MeasureInput {
  return {
    kind: form.kind,
    name: form.name,
    unit: form.unit,
    better: form.better,
    baselinePoints: form.baselinePoints,
  };
}

export function improvementManageRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  async function sendProjectForm(
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string | undefined,
    extra: Partial<ProjectFormModel> = {},
    status = 200,
  ): Promise<FastifyReply> {
    const [choices, project] = await Promise.all([
      getProjectChoices(db, request.actor),
      slug ? getProjectToChange(db, request.actor, slug) : Promise.resolve(undefined),
    ]);
    const refused = status !== 200;
    return sendPrivatePage(request, reply, {
      title: `${refused ? "Error: " : ""}${project ? `Change ${project.title}` : "Start an improvement project"}`,
      status,
      breadcrumbs: CRUMBS,
      content: projectFormView({
        csrfToken: request.csrfToken,
        choices,
        project,
        saved: refused ? undefined : savedMessage(request),
        ...extra,
      }),
    });
  }

  async function sendMeasurePage(
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    measureId: number,
    extra: { measureState?: FormState; pointState?: FormState; fileState?: FormState } = {},
    status = 200,
  ): Promise<FastifyReply> {
    await getProjectToChange(db, request.actor, slug);
    const { project, measure } = await getMeasure(db, request.actor, slug, measureId);
    const refused = status !== 200;
    return sendPrivatePage(request, reply, {
      title: `${refused ? "Error: " : ""}${measure.name}`,
      status,
      breadcrumbs: [...CRUMBS, { href: manageProjectPath(slug), text: project.title }],
      content: measurePageView({
        csrfToken: request.csrfToken,
        project,
        measure,
        saved: refused ? undefined : savedMessage(request),
        ...extra,
      }),
    });
  }

  /** A refusal other than a stale version or field errors has no form to mark: the error pages answer it. */
  function onlyFormErrors(error: unknown): void {
    if (error instanceof ConflictError && !(error instanceof StaleVersionError)) throw error;
  }

  /** A measure's page drawn again with one of its forms refused (its errors, what was typed). */
  function backToMeasure(
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    measureId: number,
    form: "measure" | "point" | "file",
  ) {
    return async (state: Omit<FormState, "form">, status: number, _posted: unknown, error: unknown) => {
      onlyFormErrors(error);
      return sendMeasurePage(
        request,
        reply,
        slug,
        measureId,
        { [`${form}State`]: { ...state, form } },
        status,
      );
    };
  }

  app.get(MANAGE_IMPROVEMENT_PATH, async (request, reply) => {
    const redirect = signInFirst(request, reply);
    if (redirect) return redirect;
    authorize(request.actor, "improvement.edit");
    return sendPrivatePage(request, reply, {
      title: "Improvement projects",
      content: manageListView(await listProjects(db, request.actor, { drafts: true })),
    });
  });

  app.get(`${MANAGE_IMPROVEMENT_PATH}/new`, async (request, reply) => {
    const redirect = signInFirst(request, reply);
    if (redirect) return redirect;
    return sendProjectForm(request, reply, undefined);
  });

  app.post(MANAGE_IMPROVEMENT_PATH, async (request, reply) => {
    const chosen = chosenOf(request);
    return runChange(db, request, reply, {
      returnTo: `${MANAGE_IMPROVEMENT_PATH}/new`,
      fields: PROJECT_FIELDS,
      change: async (trx, actor, form) =>
        `${manageProjectPath(await createProject(trx, actor, projectInput(form, chosen)))}?saved=created`,
      refused: async (state, status, _posted, error) => {
        onlyFormErrors(error);
        return sendProjectForm(
          request,
          reply,
          undefined,
          { state: { ...state, form: "project" }, chosen },
          status,
        );
      },
    });
  });

  app.get(`${MANAGE_IMPROVEMENT_PATH}/:slug`, async (request, reply) => {
    const slug = slugParam((request.params as Params).slug, "project");
    const redirect = signInFirst(request, reply);
    if (redirect) return redirect;
    return sendProjectForm(request, reply, slug);
  });

  app.post(`${MANAGE_IMPROVEMENT_PATH}/:slug`, async (request, reply) => {
    const slug = slugParam((request.params as Params).slug, "project");
    const chosen = chosenOf(request);
    return runChange(db, request, reply, {
      returnTo: manageProjectPath(slug),
      fields: PROJECT_FIELDS,
      change: async (trx, actor, form, posted) => {
        await changeProject(trx, actor, slug, posted.version, projectInput(form, chosen));
        return `${manageProjectPath(slug)}?saved=project#project`;
      },
      refused: async (state, status, _posted, error) => {
        onlyFormErrors(error);
        return sendProjectForm(
          request,
          reply,
          slug,
          { state: { ...state, form: "project" }, chosen },
          status,
        );
      },
    });
  });

  app.post(`${MANAGE_IMPROVEMENT_PATH}/:slug/measures`, async (request, reply) => {
    const slug = slugParam((request.params as Params).slug, "project");
    return runChange(db, request, reply, {
      returnTo: manageProjectPath(slug),
      fields: MEASURE_FIELDS,
      change: async (trx, actor, form) => {
        const id = await addMeasure(trx, actor, slug, measureInput(form));
        return `${manageMeasurePath(slug, id)}?saved=measure`;
      },
      refused: async (state, status, _posted, error) => {
        onlyFormErrors(error);
        return sendProjectForm(request, reply, slug, { measureState: { ...state, form: "measure" } }, status);
      },
    });
  });

  const measureIds = (params: Params) => ({
    slug: slugParam(params.slug, "project"),
    measureId: idParam(params.measureId, "measure"),
  });

  app.get(`${MANAGE_IMPROVEMENT_PATH}/:slug/measures/:measureId`, async (request, reply) => {
    const { slug, measureId } = measureIds(request.params as Params);
    const redirect = signInFirst(request, reply);
    if (redirect) return redirect;
    return sendMeasurePage(request, reply, slug, measureId);
  });

  app.post(`${MANAGE_IMPROVEMENT_PATH}/:slug/measures/:measureId`, async (request, reply) => {
    const { slug, measureId } = measureIds(request.params as Params);
    return runChange(db, request, reply, {
      returnTo: manageMeasurePath(slug, measureId),
      fields: MEASURE_FIELDS,
      change: async (trx, actor, form, posted) => {
        await changeMeasure(trx, actor, slug, measureId, posted.version, measureInput(form));
        return `${manageMeasurePath(slug, measureId)}?saved=measure#measure`;
      },
      refused: backToMeasure(request, reply, slug, measureId, "measure"),
    });
  });

  app.post(`${MANAGE_IMPROVEMENT_PATH}/:slug/measures/:measureId/points`, async (request, reply) => {
    const { slug, measureId } = measureIds(request.params as Params);
    return runChange(db, request, reply, {
      returnTo: manageMeasurePath(slug, measureId),
      fields: POINT_FIELDS,
      change: async (trx, actor, form, posted) => {
        await addDataPoint(trx, actor, slug, measureId, posted.version, {
          date: dateFields(form, "date"),
          value: form.value,
          annotation: form.annotation,
        });
        return `${manageMeasurePath(slug, measureId)}?saved=point`;
      },
      refused: backToMeasure(request, reply, slug, measureId, "point"),
    });
  });

  app.post(
    `${MANAGE_IMPROVEMENT_PATH}/:slug/measures/:measureId/points/:pointId/remove`,
    async (request, reply) => {
      const params = request.params as Params;
      const { slug, measureId } = measureIds(params);
      const pointId = idParam(params.pointId, "value");
      return runChange(db, request, reply, {
        returnTo: manageMeasurePath(slug, measureId),
        fields: [],
        change: async (trx, actor, _form, posted) => {
          await removeDataPoint(trx, actor, slug, measureId, pointId, posted.version);
          return `${manageMeasurePath(slug, measureId)}?saved=removed`;
        },
        refused: backToMeasure(request, reply, slug, measureId, "point"),
      });
    },
  );

  // A file of values is multipart: only this route reads it, held in memory (1 MB at most).
  app.register(async (scope) => {
    await registerUploads(scope, { maxBytes: MAX_POINTS_FILE_BYTES, fields: 5, field: "file" });
    scope.post(`${MANAGE_IMPROVEMENT_PATH}/:slug/measures/:measureId/file`, async (request, reply) => {
      const { slug, measureId } = measureIds(request.params as Params);
      return runChange(db, request, reply, {
        returnTo: manageMeasurePath(slug, measureId),
        fields: [],
        change: async (trx, actor, _form, posted) => {
          // The file is read once the service has checked the actor may change the measure.
          const read = async () => {
            const file = await readUploadedFile(request, "file", {
              label: "the values",
              required: true,
              maxBytes: MAX_POINTS_FILE_BYTES,
            });
            return readSpreadsheet(file?.fileName ?? "", Buffer.from(file?.content ?? []), {
              maxBytes: MAX_POINTS_FILE_BYTES,
              tooLarge: "The file must be 1 MB or smaller.",
              formulas: "text",
              workbook: { maxUnpackedBytes: 10 * 1024 * 1024, maxCells: 100_000 },
            });
          };
          await loadDataPoints(trx, actor, slug, measureId, posted.version, read);
          return `${manageMeasurePath(slug, measureId)}?saved=loaded`;
        },
        refused: backToMeasure(request, reply, slug, measureId, "file"),
      });
    });
  });
}
