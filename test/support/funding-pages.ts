import type { Db } from "../../src/platform/database.ts";
import type { Samples } from "./html-samples.ts";

// Funding's sample addresses for the HTML-validity test, from the demo data's Whole Family
// Wellbeing Fund: the public pages, and the editors' pages (a year and an award to change).

export const DEMO_FUND = "whole-family-wellbeing-fund";

export async function fundingPages(db: Db): Promise<{ publicPages: Samples; editorPages: Samples }> {
  const fund = await db
    .selectFrom("fund")
    .select("id")
    .where("slug", "=", DEMO_FUND)
    .executeTakeFirstOrThrow();
  const year = await db
    .selectFrom("fund_year")
    .select("id")
    .where("fund_id", "=", fund.id)
    .executeTakeFirstOrThrow();
  const allocation = await db
    .selectFrom("fund_allocation")
    .select("id")
    .where("fund_id", "=", fund.id)
    .executeTakeFirstOrThrow();
  return {
    publicPages: {
      "/funds": [{}],
      "/funds/:slug": [{ params: { slug: DEMO_FUND }, label: "the Whole Family Wellbeing Fund" }],
    },
    editorPages: {
      "/manage/funds": [{}, { query: "?saved=created", label: "after adding a fund" }],
      "/manage/funds/new": [{}],
      "/manage/funds/:slug": [{ params: { slug: DEMO_FUND } }],
      "/manage/funds/:slug/years/:id": [{ params: { slug: DEMO_FUND, id: year.id } }],
      "/manage/funds/:slug/allocations/:id": [{ params: { slug: DEMO_FUND, id: allocation.id } }],
    },
  };
}
