import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "../../platform/actor.ts";
import type { AppDeps } from "../../platform/app-deps.ts";
import type { Trx } from "../../platform/database.ts";
import { ConflictError, StaleVersionError } from "../../platform/errors.ts";
import { runChange } from "../../platform/http-forms.ts";
import { signInFirst } from "../../platform/http-pages.ts";
import { bodyOf, field, many, slugParam } from "../../platform/http-params.ts";
import { authorize } from "../../platform/security/authorize.ts";
import { sendPage } from "../accountability/accountability.http.ts";
import { organisationPath } from "../accountability/accountability.paths.ts";
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

  /** Saves the form through runChange; `change` returns the organisation's slug. */
  function save(
    request: FastifyRequest,
    reply: FastifyReply,
    returnTo: string,
    change: (
      trx: Trx,
      actor: Actor,
      details: ReturnType<typeof detailsOf>,
      /** The version the form was made from, read only by a change (adding has none). */
      version: () => number,
    ) => Promise<string>,
    model: () => Promise<Omit<OrganisationFormModel, "values" | "errors" | "conflict">>,
  ): Promise<FastifyReply> {
    // The sectors are checkboxes, so they repeat: the details are read from the body.
    const details = detailsOf(request);
    return runChange(db, request, reply, {
      returnTo,
      fields: [],
      change: async (trx, actor, _form, posted) =>
        `${organisationPath(await change(trx, actor, details, () => posted.version))}?saved=organisation`,
      refused: async (_state, status, _posted, error) => {
        // Someone saved first: the form again, with what is saved now beside the person's answers.
        // Any other conflict has no field to mark: the error page answers it, as it always has.
        if (error instanceof ConflictError && !(error instanceof StaleVersionError)) throw error;
        return sendForm(
          request,
          reply,
          {
            ...(await model()),
            values: details,
            errors: error.fields,
            conflict: error instanceof StaleVersionError ? error.message : undefined,
          },
          status,
        );
      },
    });
  }

  app.get(NEW_ORGANISATION_PATH, async (request, reply) => {
    const redirect = signInFirst(request, reply, request.url);
    if (redirect) return redirect;
    authorize(request.actor, "organisation.manage");
    return sendForm(request, reply, { csrfToken: request.csrfToken, sectors: await listSectorChoices(db) });
  });

  app.post("/manage/organisations", async (request, reply) =>
    save(
      request,
      reply,
      NEW_ORGANISATION_PATH,
      (trx, actor, details) => addOrganisation(trx, actor, details),
      async () => ({ csrfToken: request.csrfToken, sectors: await listSectorChoices(db) }),
    ),
  );

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
    // The slug is read before sign-in, so a malformed address is "not found" to anyone.
    const slug = slugParam((request.params as Params).slug, "organisation");
    return save(
      request,
      reply,
      organisationEditPath(slug),
      async (trx, actor, details, version) => {
        await changeOrganisation(trx, actor, slug, version(), details);
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
