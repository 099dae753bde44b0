import type { Actor } from "../../platform/actor.ts";
import type { Trx } from "../../platform/database.ts";
import { listLinkableActions } from "../funding/funding.service.ts";
import { addAllocation, addYear, createFund, linkAction } from "../funding/funding-edit.service.ts";
import { findOrganisationByName } from "../organisations/organisation.service.ts";

// Funding's part of the demo data, entered through funding's own services as the demo editor: the
// Whole Family Wellbeing Fund as seed 004 describes it ("£500 million over the course of this
// Parliamentary term, beginning with £50 million in financial year 2022-23"). The later years'
// amounts, what was spent and the awards to council areas are invented, and the description says so.

const DESCRIPTION = `The Whole Family Wellbeing Fund helps families get support early, before they reach crisis, so that children can stay safely with the people who love them. The Scottish Government committed £500 million over the course of this Parliamentary term, beginning with £50 million in financial year 2022-23.

Only the total and the first year's £50 million come from the published plan. The amounts for later years, what was spent and the awards to council areas shown here are invented for this demonstration.`;

const YEARS = [
  { year: "2022-23", planned: "£50 million", actual: "£46,300,000", status: "underspent" },
  { year: "2023-24", planned: "£50 million", actual: "£50 million", status: "paid" },
  { year: "2024-25", planned: "£150 million", actual: "", status: "committed" },
  { year: "2025-26", planned: "£250 million", actual: "", status: "committed" },
];

const AWARDS = [
  {
    recipient: "area:S12000047",
    year: "2022-23",
    planned: "£1.2m",
    actual: "£1.2m",
    awardYears: "3",
    purpose: "Family support hubs in every locality",
  },
  {
    recipient: "area:S12000047",
    year: "2023-24",
    planned: "£1.2m",
    actual: "£1,150,000",
    awardYears: "3",
    purpose: "Family support hubs in every locality",
  },
  {
    recipient: "area:S12000049",
    year: "2022-23",
    planned: "£4.5m",
    actual: "£4,250,000.50",
    awardYears: "1",
    purpose: "Whole family support teams",
  },
  {
    recipient: "area:S12000049",
    year: "2023-24",
    planned: "£4.8m",
    actual: "",
    awardYears: "1",
    purpose: "Whole family support teams",
  },
  {
    recipient: "area:S12000017",
    year: "2023-24",
    planned: "£850,000",
    actual: "",
    awardYears: "2",
    purpose: "Outreach to remote and island families",
  },
];

/** The Whole Family Wellbeing Fund with its years, a few awards and two Leadership actions linked. */
export async function loadFundingDemo(trx: Trx, actor: Actor): Promise<void> {
  const owner = await findOrganisationByName(trx, "Scottish Government");
  const slug = await createFund(trx, actor, {
    name: "Whole Family Wellbeing Fund",
    description: DESCRIPTION,
    owner: owner ? String(owner.id) : "",
    commitment: "£500 million",
    firstYear: "2022-23",
    lastYear: "2025-26",
    published: "yes",
  });
  for (const year of YEARS) await addYear(trx, actor, slug, year);
  for (const award of AWARDS) await addAllocation(trx, actor, slug, { ...award, published: "yes" });
  // An award still being agreed: a draft, seen on the editors' page only.
  await addAllocation(trx, actor, slug, {
    recipient: "area:S12000042",
    year: "2024-25",
    planned: "£2m",
    awardYears: "3",
    purpose: "Still being agreed",
  });
  const leadership = (await listLinkableActions(trx)).filter((a) => a.themeSlug === "leadership").slice(0, 2);
  for (const action of leadership)
    await linkAction(trx, actor, slug, { action: `${action.themeId}:${action.key}` });
}
