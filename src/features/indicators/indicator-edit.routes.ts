import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "../../platform/actor.ts";
import type { AppDeps } from "../../platform/app-deps.ts";
import type { Db, Trx } from "../../platform/database.ts";
import { NotFoundError } from "../../platform/errors.ts";
import { html } from "../../platform/html.ts";
import { type Form, type FormState, runChange } from "../../platform/http-forms.ts";
import { sendPrivatePage as sendManagePage, signInFirst } from "../../platform/http-pages.ts";
import { bodyOf, queryOf, slugParam, versionOf } from "../../platform/http-params.ts";
import { authorize } from "../../platform/security/authorize.ts";
import { pageHeader } from "../../platform/views/components/page-header.ts";
import { formTitle } from "../../platform/views/forms.ts";
import * as repo from "./framework.repository.ts";
import {
  createIndicatorFromForm,
  createOutcomeFromForm,
  createVisionFromForm,
  updateIndicatorFromForm,
  updateOutcomeFromForm,
  updateVisionFromForm,
} from "./framework-edit.service.ts";
import { outcomeChoices, renderIndicatorEdit } from "./indicator-edit.http.ts";
import { editIndicatorPath, MANAGE, manageOutcomePath, manageVisionPath } from "./views/edit-parts.ts";
import { outcomeFormView, visionFormView } from "./views/framework-forms.view.ts";
import { indicatorForm } from "./views/indicator-form.view.ts";

// The analysts' forms for the framework: add or change a vision statement, an outcome, an
// indicator's details. Every page works without JavaScript; each POST is one transaction that
// answers with a 303, or the form again with its errors beside the fields and the input kept
// (400), or with a conflict when someone else saved first (409).

type SlugRequest = { Params: { slug: string } };
type RenderOptions = { state?: FormState; status?: number; saved?: boolean };

/**
 * A framework record's four routes: the form to add one (`base`/new), adding it (POST `base`,
 * then back to the management page saying so), its form (`base`/:slug), and changing it.
 */
function recordFormRoutes(
  app: FastifyInstance,
  db: Db,
  record: {
    base: string;
    what: string;
    form: string;
    pathOf: (slug: string) => string;
    render: (
      request: FastifyRequest,
      reply: FastifyReply,
      slug: string | null,
      options?: RenderOptions,
    ) => Promise<FastifyReply>;
    create: (trx: Trx, actor: Actor, form: Form) => Promise<unknown>;
    update: (trx: Trx, actor: Actor, slug: string, version: number, form: Form) => Promise<unknown>;
  },
): void {
  const refused =
    (request: FastifyRequest, reply: FastifyReply, slug: string | null) =>
    (state: Omit<FormState, "form">, status: number) =>
      record.render(request, reply, slug, { state: { form: record.form, ...state }, status });
  app.get(
    `${record.base}/new`,
    async (request, reply) =>
      signInFirst(request, reply, `${record.base}/new`) ?? record.render(request, reply, null),
  );
  app.post(record.base, async (request, reply) =>
    runChange(db, request, reply, {
      returnTo: `${record.base}/new`,
      change: async (trx, actor, form) => {
        await record.create(trx, actor, form);
        return `/manage/indicators?saved=${record.form}`;
      },
      refused: refused(request, reply, null),
    }),
  );
  app.get<SlugRequest>(`${record.base}/:slug`, async (request, reply) => {
    const slug = slugParam(request.params.slug, record.what);
    return (
      signInFirst(request, reply, record.pathOf(slug)) ??
      record.render(request, reply, slug, { saved: queryOf(request).saved === "1" })
    );
  });
  app.post<SlugRequest>(`${record.base}/:slug`, async (request, reply) => {
    const slug = slugParam(request.params.slug, record.what);
    return runChange(db, request, reply, {
      returnTo: record.pathOf(slug),
      change: async (trx, actor, form) => {
        await record.update(trx, actor, slug, versionOf(bodyOf(request)), form);
        return `${record.pathOf(slug)}?saved=1`;
      },
      refused: refused(request, reply, slug),
    });
  });
}

export function indicatorEditRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  // Vision statements.
  const renderVision = async (
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string | null,
    options: RenderOptions = {},
  ) => {
    authorize(request.actor, "indicator.edit");
    const vision = slug ? await repo.findVisionBySlug(db, slug) : undefined;
    if (slug && !vision) throw new NotFoundError("There is no vision statement at this address.");
    return sendManagePage(request, reply, {
      title: formTitle(
        vision ? "Change a vision statement" : "Add a vision statement",
        options.state !== undefined,
      ),
      breadcrumbs: [MANAGE],
      status: options.status,
      content: visionFormView({
        csrfToken: request.csrfToken,
        action: vision ? manageVisionPath(vision.slug) : "/manage/indicators/visions",
        vision,
        state: options.state,
        saved: options.saved,
      }),
    });
  };

  recordFormRoutes(app, db, {
    base: "/manage/indicators/visions",
    what: "vision statement",
    form: "vision",
    pathOf: manageVisionPath,
    render: renderVision,
    create: createVisionFromForm,
    update: updateVisionFromForm,
  });

  // Outcomes.
  const renderOutcome = async (
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string | null,
    options: RenderOptions = {},
  ) => {
    authorize(request.actor, "indicator.edit");
    const outcome = slug ? await repo.findOutcomeBySlug(db, slug) : undefined;
    if (slug && !outcome) throw new NotFoundError("There is no outcome at this address.");
    const visions = await repo.listVisions(db);
    const visionSlug = outcome
      ? visions.find((v) => v.id === outcome.vision_statement_id)?.slug
      : queryOf(request).vision;
    return sendManagePage(request, reply, {
      title: formTitle(outcome ? "Change an outcome" : "Add an outcome", options.state !== undefined),
      breadcrumbs: [MANAGE],
      status: options.status,
      content: outcomeFormView({
        csrfToken: request.csrfToken,
        action: outcome ? manageOutcomePath(outcome.slug) : "/manage/indicators/outcomes",
        visions,
        visionSlug,
        outcome: outcome && { title: outcome.title, visionSlug: visionSlug ?? "", version: outcome.version },
        state: options.state,
        saved: options.saved,
      }),
    });
  };

  recordFormRoutes(app, db, {
    base: "/manage/indicators/outcomes",
    what: "outcome",
    form: "outcome",
    pathOf: manageOutcomePath,
    render: renderOutcome,
    create: createOutcomeFromForm,
    update: updateOutcomeFromForm,
  });

  // Indicators: adding one, then its editing page (details, evidence, linked actions).
  const renderNewIndicator = async (
    request: FastifyRequest,
    reply: FastifyReply,
    options: { state?: FormState; status?: number } = {},
  ) => {
    authorize(request.actor, "indicator.edit");
    const outcomes = await outcomeChoices(db);
    const initial = { outcome: queryOf(request).outcome ?? "", better: "", kind: "core", measure: "outcome" };
    return sendManagePage(request, reply, {
      title: formTitle("Add an indicator", options.state !== undefined),
      breadcrumbs: [MANAGE],
      status: options.status,
      content: html`${pageHeader({ label: "Progress framework", title: "Add an indicator" })}
      ${
        outcomes.length === 0
          ? html`<p>Add a vision statement and an outcome first: every indicator measures an outcome.</p>`
          : indicatorForm(
              { name: "indicator", csrfToken: request.csrfToken, state: options.state, initial },
              { action: "/manage/indicators", outcomes, submit: "Add the indicator" },
            )
      }`,
    });
  };

  app.get(
    "/manage/indicators/new",
    async (request, reply) =>
      signInFirst(request, reply, "/manage/indicators/new") ?? renderNewIndicator(request, reply),
  );
  app.post("/manage/indicators", async (request, reply) =>
    runChange(db, request, reply, {
      returnTo: "/manage/indicators/new",
      change: async (trx, actor, form) =>
        `${editIndicatorPath(await createIndicatorFromForm(trx, actor, form))}?saved=created`,
      refused: (state, status) =>
        renderNewIndicator(request, reply, { state: { form: "indicator", ...state }, status }),
    }),
  );
  app.get<SlugRequest>("/manage/indicators/:slug/edit", async (request, reply) => {
    const slug = slugParam(request.params.slug, "indicator");
    return (
      signInFirst(request, reply, editIndicatorPath(slug)) ??
      renderIndicatorEdit(db, request, reply, slug, { saved: queryOf(request).saved })
    );
  });
  app.post<SlugRequest>("/manage/indicators/:slug/edit", async (request, reply) => {
    const slug = slugParam(request.params.slug, "indicator");
    return runChange(db, request, reply, {
      returnTo: editIndicatorPath(slug),
      change: async (trx, actor, form) => {
        await updateIndicatorFromForm(trx, actor, slug, versionOf(bodyOf(request)), form);
        return `${editIndicatorPath(slug)}?saved=details`;
      },
      refused: (state, status) =>
        renderIndicatorEdit(db, request, reply, slug, { state: { form: "indicator", ...state }, status }),
    });
  });
}
