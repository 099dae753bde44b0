import Type from "typebox";
import { ApiUrl, Id, Nullable, Slug } from "../../platform/api/common.schema.ts";
import { component } from "../../platform/api/openapi.ts";

// /api/v1/funds: published funds, their years and published awards. Every amount is exact, in
// whole pence, with the words a page shows for it ("£50 million": rounded by the written rule).

export const FUNDING_TAG = {
  name: "Funding",
  description:
    "Funds that pay for the work, their financial years (April to March, written 2022-23) and their awards to organisations and council areas. Amounts are whole pence.",
};

const Amount = component(
  "Amount",
  Type.Object({
    pence: Type.Integer({ minimum: 0, description: "The exact amount, in whole pence." }),
    display: Type.String({ description: "As pages show it: `£50 million`, `£350,000`." }),
  }),
);

const FinancialYear = Type.String({
  pattern: "^\\d{4}-\\d{2}$",
  description: "`2022-23`: April 2022 to March 2023.",
});

const FundSummarySchema = component(
  "FundSummary",
  Type.Object({
    slug: Slug,
    name: Type.String(),
    url: ApiUrl,
    owner: Nullable(Type.String({ description: "The organisation that runs it." })),
    commitment: Amount,
    firstYear: FinancialYear,
    lastYear: FinancialYear,
    allocated: Amount,
  }),
);

export const FundList = component("FundList", Type.Object({ funds: Type.Array(FundSummarySchema) }));

export const FundDetailSchema = component(
  "FundDetail",
  Type.Object({
    slug: Slug,
    name: Type.String(),
    description: Type.String(),
    owner: Nullable(Type.String()),
    commitment: Amount,
    firstYear: FinancialYear,
    lastYear: FinancialYear,
    allocated: Amount,
    years: Type.Array(
      Type.Object({
        year: FinancialYear,
        planned: Amount,
        actual: Nullable(Amount),
        status: Nullable(
          Type.Union([Type.Literal("committed"), Type.Literal("paid"), Type.Literal("underspent")]),
        ),
        allocated: Amount,
      }),
    ),
    allocations: Type.Array(
      Type.Object({
        recipientType: Type.Union([Type.Literal("organisation"), Type.Literal("council_area")]),
        recipient: Type.String(),
        areaCode: Nullable(Type.String({ description: "The council area's official code: `S12000047`." })),
        year: FinancialYear,
        planned: Amount,
        actual: Nullable(Amount),
        awardYears: Type.Integer({
          minimum: 1,
          description: "Years the award covers: 1 is a single-year award.",
        }),
        purpose: Type.String(),
      }),
    ),
    actions: Type.Array(
      Type.Object({
        routeMap: Type.String({
          description: "The route map's slug; empty when the action has left its latest edition.",
        }),
        key: Type.String(),
        text: Type.String(),
      }),
    ),
    commitments: Type.Array(
      Type.Object({
        id: Id,
        text: Type.String({ description: "A key action of an imported progress update." }),
        source: Nullable(Type.String({ description: "The progress update's title." })),
      }),
    ),
  }),
);
