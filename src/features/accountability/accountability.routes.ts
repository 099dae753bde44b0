import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../platform/errors.ts";
import { runChange } from "../../platform/http-forms.ts";
import { signInFirst } from "../../platform/http-pages.ts";
import { bodyOf, field, many, slugParam, versionOf } from "../../platform/http-params.ts";
import { can, reach } from "../../platform/security/authorize.ts";
import { readUploadedFile, registerUploads } from "../../platform/uploads.ts";
import { parseId } from "../../platform/validation.ts";
import { keyParam, sendPage } from "./accountability.http.ts";
import { actionPath } from "./accountability.paths.ts";
import { listOrganisationSummaries } from "./accountability.service.ts";
import {
  getActionStory,
  getUpdateAction,
  getUpdateForm,
  requestMoreEvidence,
  saveUpdate,
  type UpdateInput,
} from "./progress.service.ts";
import { getResponsibilityForm, saveResponsibility } from "./responsibility.service.ts";
import { actionView } from "./views/action.view.ts";
import { progressHomeView } from "./views/progress-home.view.ts";
import { responsibilityTitle, responsibilityView } from "./views/responsibility.view.ts";
import { updateTitle, updateView } from "./views/update.view.ts";

// Accountability's pages. Public: each action's story (the organisations' pages are in
// organisations/). Signed in: who must act (programme editors), progress
// updates (an organisation's contributors and the programme team), asking for more evidence.
// Every change runs in one transaction; refused forms come back with their errors and input.

type Params = Record<string, string | undefined>;

const UPDATE_FIELDS = [
  "intent",
  "status",
  "percent",
  "narrative",
  "confidence",
  "linkUrl",
  "linkTitle",
  "indicator",
  "voice",
  "documentTitle",
] as const;

/** The responsibility form's text fields (its checkboxes are read apart). */
const RESPONSIBILITY_FIELDS = [
  "dueYear",
  "due-day",
  "due-month",
  "due-year",
  "weight",
  "outcomeKey",
] as const;

export function accountabilityRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  async function renderAction(
    request: FastifyRequest,
    reply: FastifyReply,
    themeSlug: string,
    key: string,
    refused?: { updateId: number; error: ValidationError | ConflictError; note: string },
  ): Promise<FastifyReply> {
    const story = await getActionStory(db, request.actor, themeSlug, key);
    return sendPage(request, reply, {
      title: `${refused ? "Error: " : ""}Action in the ${story.action.themeName} route map`,
      status: refused?.error.status,
      breadcrumbs: [
        { href: `/themes/${encodeURIComponent(themeSlug)}`, text: `${story.action.themeName} route map` },
      ],
      content: actionView({
        story,
        csrfToken: request.csrfToken,
        canEditResponsibility: can(request.actor, "route_map.edit"),
        refused: refused && {
          updateId: refused.updateId,
          errors: refused.error.fields,
          conflict: refused.error instanceof ConflictError ? refused.error.message : undefined,
          note: refused.note,
        },
      }),
      publicPage: true,
    });
  }

  app.get("/themes/:slug/actions/:key", async (request, reply) => {
    const params = request.params as Params;
    return renderAction(request, reply, slugParam(params.slug, "route map"), keyParam(params.key));
  });

  // Who must act: programme editors.
  app.get("/manage/themes/:slug/actions/:key/responsibility", async (request, reply) => {
    const redirect = signInFirst(request, reply, request.url);
    if (redirect) return redirect;
    const params = request.params as Params;
    const form = await getResponsibilityForm(
      db,
      request.actor,
      slugParam(params.slug, "route map"),
      keyParam(params.key),
    );
    const model = { form, csrfToken: request.csrfToken };
    return sendPage(request, reply, {
      title: responsibilityTitle(model),
      content: responsibilityView(model),
    });
  });

  app.post("/manage/themes/:slug/actions/:key/responsibility", async (request, reply) => {
    // The organisations and sectors are checkboxes, so they repeat: read from the body.
    const body = bodyOf(request);
    const chosen = {
      leadOrganisations: many(body, "leadOrganisations"),
      partnerOrganisations: many(body, "partnerOrganisations"),
      leadSectors: many(body, "leadSectors"),
      partnerSectors: many(body, "partnerSectors"),
    };
    return runChange(db, request, reply, {
      returnTo: request.url,
      ids: (params) => ({ themeSlug: slugParam(params.slug, "route map"), key: keyParam(params.key) }),
      fields: RESPONSIBILITY_FIELDS,
      change: async (trx, actor, _form, { ids, values, version }) => {
        await saveResponsibility(trx, actor, {
          ...chosen,
          ...values,
          ...ids,
          version,
          dueDay: values["due-day"],
          dueMonth: values["due-month"],
          dueDateYear: values["due-year"],
        });
        return `${actionPath(ids.themeSlug, ids.key)}?saved=responsibility`;
      },
      refused: async (_state, status, { ids, values }, error) => {
        const form = await getResponsibilityForm(db, request.actor, ids.themeSlug, ids.key);
        const model = {
          form,
          csrfToken: request.csrfToken,
          values: error instanceof ConflictError ? undefined : { ...chosen, ...values },
          errors: error.fields,
          conflict: error instanceof ConflictError ? error.message : undefined,
        };
        return sendPage(request, reply, {
          title: responsibilityTitle(model),
          status,
          content: responsibilityView(model),
        });
      },
    });
  });

  // Progress: where a contributor starts.
  app.get("/progress", async (request, reply) => {
    const redirect = signInFirst(request, reply, request.url);
    if (redirect) return redirect;
    const where = reach(request.actor, "progress.read_private");
    const all = await listOrganisationSummaries(db);
    const organisations = where.everywhere ? all : all.filter((o) => where.organisationIds.includes(o.id));
    return sendPage(request, reply, {
      title: "Progress updates",
      content: progressHomeView({
        organisations,
        everywhere: where.everywhere,
        runsRounds: can(request.actor, "progress.review"),
      }),
    });
  });

  function updateParams(request: FastifyRequest) {
    const params = request.params as Params;
    return {
      organisationSlug: slugParam(params.organisation, "organisation"),
      themeSlug: slugParam(params.theme, "route map"),
      key: keyParam(params.key),
    };
  }

  app.get("/progress/:organisation/:theme/:key", async (request, reply) => {
    const redirect = signInFirst(request, reply, request.url);
    if (redirect) return redirect;
    const p = updateParams(request);
    const form = await getUpdateForm(db, request.actor, p.organisationSlug, p.themeSlug, p.key);
    const model = { form, csrfToken: request.csrfToken };
    return sendPage(request, reply, {
      title: updateTitle(model),
      breadcrumbs: [
        { href: "/progress", text: "Progress updates" },
        { href: `/progress/${encodeURIComponent(p.organisationSlug)}`, text: form.organisation.name },
      ],
      content: updateView(model),
    });
  });

  // The update form is multipart: it may carry a document as evidence (src/platform/uploads.ts).
  app.register(async (scope) => {
    await registerUploads(scope);
    scope.post("/progress/:organisation/:theme/:key", async (request, reply) => {
      const redirect = signInFirst(request, reply, request.url);
      if (redirect) return redirect;
      const p = updateParams(request);
      const body = bodyOf(request);
      const values = Object.fromEntries(UPDATE_FIELDS.map((n) => [n, field(body, n)])) as Record<
        (typeof UPDATE_FIELDS)[number],
        string | undefined
      >;
      // Not runChange: the form is multipart, and its document is read and checked by
      // readUploadedFile (413 and kind refusals) before the transaction.
      let saved: { submitted: boolean };
      try {
        const document = await readUploadedFile(request, "document", { label: "the document" });
        const input: UpdateInput = { ...p, ...values, document, version: versionOf(body) };
        saved = await db.transaction().execute((trx) => saveUpdate(trx, request.actor, input));
      } catch (error) {
        if (!(error instanceof ValidationError || error instanceof ConflictError)) throw error;
        const form = await getUpdateForm(db, request.actor, p.organisationSlug, p.themeSlug, p.key);
        const model = {
          form,
          csrfToken: request.csrfToken,
          values,
          errors: error.fields,
          conflict: error instanceof ConflictError ? error.message : undefined,
        };
        return sendPage(request, reply, {
          title: updateTitle(model),
          status: error.status,
          content: updateView(model),
        });
      }
      return reply.redirect(
        `/progress/${encodeURIComponent(p.organisationSlug)}?saved=${saved.submitted ? "submitted" : "draft"}`,
        303,
      );
    });
  });

  app.post("/manage/progress-updates/:id/request-evidence", async (request, reply) =>
    runChange(db, request, reply, {
      returnTo: request.url,
      ids: (params) => {
        const updateId = parseId(params.id);
        // The plain "not found" page, as for an address no route knows.
        if (updateId === null) throw new NotFoundError();
        return { updateId };
      },
      fields: ["note"],
      change: async (trx, actor, _form, { ids: { updateId }, values: { note }, version }) => {
        await requestMoreEvidence(trx, actor, { updateId, version, note });
        const where = await getUpdateAction(trx, updateId);
        return `${actionPath(where.themeSlug, where.key)}?saved=evidence-requested#story`;
      },
      refused: async (_state, _status, { ids: { updateId }, values: { note } }, error) => {
        const where = await getUpdateAction(db, updateId);
        return renderAction(request, reply, where.themeSlug, where.key, {
          updateId,
          error,
          note: note ?? "",
        });
      },
    }),
  );
}
