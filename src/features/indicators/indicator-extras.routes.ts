import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { type FormState, runChange } from "../../platform/http-forms.ts";
import { bodyOf, idParam, slugParam, versionOf } from "../../platform/http-params.ts";
import {
  addEvidenceFromForm,
  linkActionFromForm,
  removeEvidence,
  unlinkActionFromIndicator,
  updateEvidenceFromForm,
} from "./evidence-edit.service.ts";
import { renderIndicatorEdit } from "./indicator-edit.http.ts";
import { editIndicatorPath } from "./views/edit-parts.ts";

// An indicator's editing page, and the forms on it beside the details: experiential evidence
// (add, change, remove) and linked route-map actions (link, unlink). Each answers with a 303 back
// to the page at its section, or the page again with that form's errors (400) or a conflict (409).

type Params = { Params: { slug: string; id: string } };

export function indicatorExtrasRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const base = (slug: string) => editIndicatorPath(slug);
  const refusedAs =
    (request: FastifyRequest, reply: FastifyReply, slug: string, form: string) =>
    (state: Omit<FormState, "form">, status: number) =>
      renderIndicatorEdit(db, request, reply, slug, { state: { form, ...state }, status });

  app.post<{ Params: { slug: string } }>("/manage/indicators/:slug/evidence", async (request, reply) => {
    const slug = slugParam(request.params.slug, "indicator");
    return runChange(db, request, reply, {
      returnTo: base(slug),
      change: async (trx, actor, form) => {
        await addEvidenceFromForm(trx, actor, slug, form);
        return `${base(slug)}?saved=evidence-added#evidence`;
      },
      refused: refusedAs(request, reply, slug, "evidence"),
    });
  });

  app.post<Params>("/manage/indicators/:slug/evidence/:id", async (request, reply) => {
    const slug = slugParam(request.params.slug, "indicator");
    const id = idParam(request.params.id);
    return runChange(db, request, reply, {
      returnTo: base(slug),
      change: async (trx, actor, form) => {
        await updateEvidenceFromForm(trx, actor, slug, id, versionOf(bodyOf(request)), form);
        return `${base(slug)}?saved=evidence-saved#evidence`;
      },
      refused: refusedAs(request, reply, slug, `evidence-${id}`),
    });
  });

  app.post<Params>("/manage/indicators/:slug/evidence/:id/remove", async (request, reply) => {
    const slug = slugParam(request.params.slug, "indicator");
    const id = idParam(request.params.id);
    return runChange(db, request, reply, {
      returnTo: base(slug),
      change: async (trx, actor) => {
        await removeEvidence(trx, actor, slug, id, versionOf(bodyOf(request)));
        return `${base(slug)}?saved=evidence-removed#evidence`;
      },
      refused: refusedAs(request, reply, slug, `evidence-${id}`),
    });
  });

  app.post<{ Params: { slug: string } }>("/manage/indicators/:slug/actions", async (request, reply) => {
    const slug = slugParam(request.params.slug, "indicator");
    return runChange(db, request, reply, {
      returnTo: base(slug),
      change: async (trx, actor, form) => {
        await linkActionFromForm(trx, actor, slug, form);
        return `${base(slug)}?saved=linked#actions`;
      },
      refused: refusedAs(request, reply, slug, "link"),
    });
  });

  app.post<Params>("/manage/indicators/:slug/actions/:id/remove", async (request, reply) => {
    const slug = slugParam(request.params.slug, "indicator");
    const id = idParam(request.params.id);
    return runChange(db, request, reply, {
      returnTo: base(slug),
      change: async (trx, actor) => {
        await unlinkActionFromIndicator(trx, actor, slug, id);
        return `${base(slug)}?saved=unlinked#actions`;
      },
      refused: refusedAs(request, reply, slug, "link"),
    });
  });
}
