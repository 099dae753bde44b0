import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { NotFoundError } from "../../platform/errors.ts";
import { type FormState, runChange } from "../../platform/http-forms.ts";
import { sendPrivatePage, signInFirst } from "../../platform/http-pages.ts";
import { idParam, queryOf, slugParam } from "../../platform/http-params.ts";
import { formTitle } from "../../platform/views/forms.ts";
import { listOrganisations } from "../organisations/organisation.service.ts";
import { MANAGE_FUNDS_PATH, manageFundPath } from "./funding.paths.ts";
import {
  getFundForEditing,
  listFundsForEditing,
  listLinkableActions,
  listLinkableCommitments,
} from "./funding.service.ts";
import {
  addAllocation,
  addYear,
  createFund,
  linkAction,
  linkCommitment,
  unlinkAction,
  unlinkCommitment,
  updateAllocation,
  updateFund,
  updateYear,
} from "./funding-edit.service.ts";
import { fundEditView, manageFundsView, newFundView } from "./views/manage.view.ts";
import { allocationEditView, yearEditView } from "./views/manage-item.view.ts";

// The editors' pages under /manage/funds: the list, a new fund, a fund's page (details, years,
// awards, actions) and a page each for changing one year or one award. Each form answers with a
// 303 back to the fund's page, or the same page again with its errors (400) or a conflict (409),
// the input kept.

type Slug = { Params: { slug: string } };
type SlugId = { Params: { slug: string; id: string } };
type Refused = { state: FormState; status: number };

const MANAGE = { href: MANAGE_FUNDS_PATH, text: "Manage funds" };

export function fundingManageRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const organisations = () => listOrganisations(db);

  async function fundPage(request: FastifyRequest, reply: FastifyReply, slug: string, refused?: Refused) {
    const fund = await getFundForEditing(db, request.actor, slug);
    const [orgs, linkable, commitments] = await Promise.all([
      organisations(),
      listLinkableActions(db),
      listLinkableCommitments(db),
    ]);
    return sendPrivatePage(request, reply, {
      title: formTitle(`Manage ${fund.name}`, refused !== undefined),
      breadcrumbs: [MANAGE],
      status: refused?.status,
      content: fundEditView({
        fund,
        organisations: orgs,
        linkable,
        commitments,
        csrfToken: request.csrfToken,
        saved: queryOf(request).saved,
        state: refused?.state,
      }),
    });
  }

  const back =
    (request: FastifyRequest, reply: FastifyReply, slug: string, form: string) =>
    (state: Omit<FormState, "form">, status: number) =>
      fundPage(request, reply, slug, { state: { form, ...state }, status });

  app.get(MANAGE_FUNDS_PATH, async (request, reply) => {
    const redirect = signInFirst(request, reply, MANAGE_FUNDS_PATH);
    if (redirect) return redirect;
    const funds = await listFundsForEditing(db, request.actor);
    return sendPrivatePage(request, reply, {
      title: "Manage funds",
      content: manageFundsView(funds, queryOf(request).saved),
    });
  });

  app.get(`${MANAGE_FUNDS_PATH}/new`, async (request, reply) => {
    const redirect = signInFirst(request, reply, `${MANAGE_FUNDS_PATH}/new`);
    if (redirect) return redirect;
    await listFundsForEditing(db, request.actor); // authorises
    return sendPrivatePage(request, reply, {
      title: "Add a fund",
      breadcrumbs: [MANAGE],
      content: newFundView(request.csrfToken, await organisations()),
    });
  });

  app.post(MANAGE_FUNDS_PATH, async (request, reply) =>
    runChange(db, request, reply, {
      returnTo: `${MANAGE_FUNDS_PATH}/new`,
      change: async (trx, actor, form) =>
        `${manageFundPath(await createFund(trx, actor, form))}?saved=created`,
      refused: async (state, status) =>
        sendPrivatePage(request, reply, {
          title: formTitle("Add a fund", true),
          breadcrumbs: [MANAGE],
          status,
          content: newFundView(request.csrfToken, await organisations(), { form: "fund", ...state }),
        }),
    }),
  );

  app.get<Slug>(`${MANAGE_FUNDS_PATH}/:slug`, async (request, reply) => {
    const slug = slugParam(request.params.slug, "fund");
    const redirect = signInFirst(request, reply, manageFundPath(slug));
    if (redirect) return redirect;
    return fundPage(request, reply, slug);
  });

  app.post<Slug>(`${MANAGE_FUNDS_PATH}/:slug`, async (request, reply) => {
    const slug = slugParam(request.params.slug, "fund");
    return runChange(db, request, reply, {
      returnTo: manageFundPath(slug),
      change: async (trx, actor, form, posted) => {
        await updateFund(trx, actor, slug, posted.version, form);
        return `${manageFundPath(slug)}?saved=fund`;
      },
      refused: back(request, reply, slug, "fund"),
    });
  });

  app.post<Slug>(`${MANAGE_FUNDS_PATH}/:slug/years`, async (request, reply) => {
    const slug = slugParam(request.params.slug, "fund");
    return runChange(db, request, reply, {
      returnTo: manageFundPath(slug),
      change: async (trx, actor, form) => {
        await addYear(trx, actor, slug, form);
        return `${manageFundPath(slug)}?saved=year#years`;
      },
      refused: back(request, reply, slug, "year"),
    });
  });

  app.post<Slug>(`${MANAGE_FUNDS_PATH}/:slug/allocations`, async (request, reply) => {
    const slug = slugParam(request.params.slug, "fund");
    return runChange(db, request, reply, {
      returnTo: manageFundPath(slug),
      change: async (trx, actor, form) => {
        await addAllocation(trx, actor, slug, form);
        return `${manageFundPath(slug)}?saved=allocation#allocations`;
      },
      refused: back(request, reply, slug, "allocation"),
    });
  });

  app.post<Slug>(`${MANAGE_FUNDS_PATH}/:slug/actions`, async (request, reply) => {
    const slug = slugParam(request.params.slug, "fund");
    return runChange(db, request, reply, {
      returnTo: manageFundPath(slug),
      fields: ["action"],
      change: async (trx, actor, form) => {
        await linkAction(trx, actor, slug, form);
        return `${manageFundPath(slug)}?saved=linked#actions`;
      },
      refused: back(request, reply, slug, "link"),
    });
  });

  app.post<Slug>(`${MANAGE_FUNDS_PATH}/:slug/actions/remove`, async (request, reply) => {
    const slug = slugParam(request.params.slug, "fund");
    return runChange(db, request, reply, {
      returnTo: manageFundPath(slug),
      fields: ["action"],
      change: async (trx, actor, form) => {
        await unlinkAction(trx, actor, slug, form);
        return `${manageFundPath(slug)}?saved=unlinked#actions`;
      },
      refused: back(request, reply, slug, "link"),
    });
  });

  for (const [suffix, change, saved] of [
    ["commitments", linkCommitment, "linked"],
    ["commitments/remove", unlinkCommitment, "unlinked"],
  ] as const) {
    app.post<Slug>(`${MANAGE_FUNDS_PATH}/:slug/${suffix}`, async (request, reply) => {
      const slug = slugParam(request.params.slug, "fund");
      return runChange(db, request, reply, {
        returnTo: manageFundPath(slug),
        fields: ["commitment"],
        change: async (trx, actor, form) => {
          await change(trx, actor, slug, form);
          return `${manageFundPath(slug)}?saved=${saved}#commitments`;
        },
        refused: back(request, reply, slug, "commitment"),
      });
    });
  }

  async function yearPage(
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    id: number,
    refused?: Refused,
  ) {
    const fund = await getFundForEditing(db, request.actor, slug);
    const year = fund.years.find((y) => y.id === id);
    if (!year) throw new NotFoundError("There is no such year in this fund.");
    return sendPrivatePage(request, reply, {
      title: formTitle(`Change a year of ${fund.name}`, refused !== undefined),
      breadcrumbs: [MANAGE, { href: manageFundPath(slug), text: fund.name }],
      status: refused?.status,
      content: yearEditView(fund, year, request.csrfToken, refused?.state),
    });
  }

  app.get<SlugId>(`${MANAGE_FUNDS_PATH}/:slug/years/:id`, async (request, reply) => {
    const slug = slugParam(request.params.slug, "fund");
    const id = idParam(request.params.id);
    const redirect = signInFirst(request, reply, request.url);
    if (redirect) return redirect;
    return yearPage(request, reply, slug, id);
  });

  app.post<SlugId>(`${MANAGE_FUNDS_PATH}/:slug/years/:id`, async (request, reply) => {
    const slug = slugParam(request.params.slug, "fund");
    const id = idParam(request.params.id);
    return runChange(db, request, reply, {
      returnTo: `${manageFundPath(slug)}/years/${id}`,
      change: async (trx, actor, form, posted) => {
        await updateYear(trx, actor, slug, id, posted.version, form);
        return `${manageFundPath(slug)}?saved=year#years`;
      },
      refused: (state, status) =>
        yearPage(request, reply, slug, id, { state: { form: "year", ...state }, status }),
    });
  });

  async function allocationPage(
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    id: number,
    refused?: Refused,
  ) {
    const fund = await getFundForEditing(db, request.actor, slug);
    const allocation = fund.allocations.find((a) => a.id === id);
    if (!allocation) throw new NotFoundError("There is no such award in this fund.");
    return sendPrivatePage(request, reply, {
      title: formTitle(`Change an award of ${fund.name}`, refused !== undefined),
      breadcrumbs: [MANAGE, { href: manageFundPath(slug), text: fund.name }],
      status: refused?.status,
      content: allocationEditView(fund, allocation, await organisations(), request.csrfToken, refused?.state),
    });
  }

  app.get<SlugId>(`${MANAGE_FUNDS_PATH}/:slug/allocations/:id`, async (request, reply) => {
    const slug = slugParam(request.params.slug, "fund");
    const id = idParam(request.params.id);
    const redirect = signInFirst(request, reply, request.url);
    if (redirect) return redirect;
    return allocationPage(request, reply, slug, id);
  });

  app.post<SlugId>(`${MANAGE_FUNDS_PATH}/:slug/allocations/:id`, async (request, reply) => {
    const slug = slugParam(request.params.slug, "fund");
    const id = idParam(request.params.id);
    return runChange(db, request, reply, {
      returnTo: `${manageFundPath(slug)}/allocations/${id}`,
      change: async (trx, actor, form, posted) => {
        await updateAllocation(trx, actor, slug, id, posted.version, form);
        return `${manageFundPath(slug)}?saved=allocation#allocations`;
      },
      refused: (state, status) =>
        allocationPage(request, reply, slug, id, { state: { form: "allocation", ...state }, status }),
    });
  });
}
