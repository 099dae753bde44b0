import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../app.ts";
import type { Db } from "../../platform/database.ts";
import { ValidationError } from "../../platform/errors.ts";
import { signInFirst } from "../../platform/http-pages.ts";
import { bodyOf, field, many, slugParam } from "../../platform/http-params.ts";
import { authorize } from "../../platform/security/authorize.ts";
import { sendPage } from "./accountability.http.ts";
import {
  addOrganisation,
  changeOrganisation,
  getOrganisationToChange,
  listSectorChoices,
} from "./organisation-edit.service.ts";
import {
  NEW_ORGANISATION_PATH,
  type OrganisationFormModel,
  organisationEditPath,
  organisationFormTitle,
  organisationFormView,
} from "./views/organisation-form.view.ts";
import { organisationPath } from "./views/parts.ts";

// Keeping the register (organisation.manage): the form that adds an organisation, and the one
// that changes an organisation's kind, area code and sectors. A refused form comes back with its
// messages and what was typed; nothing is saved.

type Params = Record<string, string | undefined>;

export function organisationEditRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const crumbs = [{ href: "/organisations", text: "Organisations" }];

  function sendForm(
    request: FastifyRequest,
    reply: FastifyReply,
    model: OrganisationFormModel,
    status = 200,
  ): FastifyReply {
    const o = model.organisation;
    return sendPage(request, reply, {
      title: organisationFormTitle(model),
      status,
      breadcrumbs: o ? [...crumbs, { href: organisationPath(o.slug), text: o.name }] : crumbs,
      content: organisationFormView(model),
    });
  }

  function detailsOf(request: FastifyRequest) {
    const body = bodyOf(request);
    return {
      name: field(body, "name"),
      type: field(body, "type"),
      areaCode: field(body, "areaCode"),
      sectors: many(body, "sectors"),
    };
  }

  async function save(
    request: FastifyRequest,
    reply: FastifyReply,
    change: (trx: Db, details: ReturnType<typeof detailsOf>) => Promise<string>,
    model: () => Promise<Omit<OrganisationFormModel, "values" | "errors">>,
  ): Promise<FastifyReply> {
    const details = detailsOf(request);
    let done: string;
    try {
      done = await db.transaction().execute((trx) => change(trx, details));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return sendForm(
        request,
        reply,
        { ...(await model()), values: details, errors: error.fields },
        error.status,
      );
    }
    return reply.redirect(`${organisationPath(done)}?saved=organisation`, 303);
  }

  app.get(NEW_ORGANISATION_PATH, async (request, reply) => {
    const redirect = signInFirst(request, reply, request.url);
    if (redirect) return redirect;
    authorize(request.actor, "organisation.manage");
    return sendForm(request, reply, { csrfToken: request.csrfToken, sectors: await listSectorChoices(db) });
  });

  app.post("/manage/organisations", async (request, reply) => {
    const redirect = signInFirst(request, reply, NEW_ORGANISATION_PATH);
    if (redirect) return redirect;
    return save(
      request,
      reply,
      (trx, details) => addOrganisation(trx, request.actor, details),
      async () => ({ csrfToken: request.csrfToken, sectors: await listSectorChoices(db) }),
    );
  });

  app.get("/manage/organisations/:slug", async (request, reply) => {
    const redirect = signInFirst(request, reply, request.url);
    if (redirect) return redirect;
    const slug = slugParam((request.params as Params).slug, "organisation");
    return sendForm(request, reply, {
      csrfToken: request.csrfToken,
      sectors: await listSectorChoices(db),
      organisation: await getOrganisationToChange(db, request.actor, slug),
    });
  });

  app.post("/manage/organisations/:slug", async (request, reply) => {
    const slug = slugParam((request.params as Params).slug, "organisation");
    const redirect = signInFirst(request, reply, organisationEditPath(slug));
    if (redirect) return redirect;
    return save(
      request,
      reply,
      async (trx, details) => {
        await changeOrganisation(trx, request.actor, slug, details);
        return slug;
      },
      async () => ({
        csrfToken: request.csrfToken,
        sectors: await listSectorChoices(db),
        organisation: await getOrganisationToChange(db, request.actor, slug),
      }),
    );
  });
}
