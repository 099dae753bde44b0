import type { FastifyInstance } from "fastify";
import { API_ROOT, BAD_REQUEST_OR_NOT_FOUND, SlugParams } from "../../platform/api/common.schema.ts";
import type { AppDeps } from "../../platform/app-deps.ts";
import { slugParam } from "../../platform/http-params.ts";
import { presentFund, presentFundSummary } from "./funding.presenters.ts";
import { FUNDING_TAG, FundDetailSchema, FundList } from "./funding.schema.ts";
import { getPublishedFund, listPublishedFunds } from "./funding.service.ts";

// /api/v1/funds and /api/v1/funds/{slug}: published funds with their years and published awards,
// for anyone (the same as the public pages: a draft fund is not found, a draft award left out).

export function fundingApiRoutes(api: FastifyInstance, deps: AppDeps): void {
  api.get(
    "/funds",
    {
      schema: {
        operationId: "listFunds",
        summary: "Published funds, each with its commitment and how much is awarded so far",
        tags: [FUNDING_TAG.name],
        response: { 200: FundList },
      },
    },
    async () => ({
      funds: (await listPublishedFunds(deps.db)).map((fund) =>
        presentFundSummary(fund, `${API_ROOT}/funds/${encodeURIComponent(fund.slug)}`),
      ),
    }),
  );

  api.get<{ Params: { slug: string } }>(
    "/funds/:slug",
    {
      schema: {
        operationId: "getFund",
        summary: "A published fund: its years, published awards and the actions it pays for",
        tags: [FUNDING_TAG.name],
        params: SlugParams,
        response: { 200: FundDetailSchema, ...BAD_REQUEST_OR_NOT_FOUND },
      },
    },
    async (request) => presentFund(await getPublishedFund(deps.db, slugParam(request.params.slug, "fund"))),
  );
}
