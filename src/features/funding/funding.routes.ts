import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { publicCacheHeaders, sendPublicPage } from "../../platform/http-pages.ts";
import { slugParam } from "../../platform/http-params.ts";
import { FUNDS_PATH } from "./funding.paths.ts";
import { getPublishedFund, listPublishedFunds } from "./funding.service.ts";
import { allocationsCsv, yearsCsv } from "./funding-csv.ts";
import { fundsView } from "./views/funds.view.ts";

// The public's pages: the list of funds and each published fund, and a fund's figures as CSV.
// Only published funds and published allocations appear, whoever is signed in: drafts are kept
// on the editors' pages.

const FUNDS = { href: FUNDS_PATH, text: "Funding" };

export function fundingRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  app.get(FUNDS_PATH, async (request, reply) =>
    sendPublicPage(request, reply, {
      title: "Where the money goes",
      content: fundsView(await listPublishedFunds(db)),
    }),
  );

  app.get<{ Params: { slug: string } }>(`${FUNDS_PATH}/:slug`, async (request, reply) => {
    const fund = await getPublishedFund(db, slugParam(request.params.slug, "fund"));
    // The chart library (Observable Plot on linkedom) loads with the first fund's page, not at start.
    const { fundView } = await import("./views/fund.view.ts");
    return sendPublicPage(request, reply, {
      title: fund.name,
      breadcrumbs: [FUNDS],
      content: fundView(fund),
    });
  });

  for (const [file, write] of [
    ["years.csv", yearsCsv],
    ["allocations.csv", allocationsCsv],
  ] as const) {
    app.get<{ Params: { slug: string } }>(`${FUNDS_PATH}/:slug/${file}`, async (request, reply) => {
      const slug = slugParam(request.params.slug, "fund");
      const fund = await getPublishedFund(db, slug);
      publicCacheHeaders(request, reply);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${slug}-${file}"`)
        .send(write(fund));
    });
  }
}
