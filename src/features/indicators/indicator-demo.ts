import type { PendingRow } from "../../db/schema.ts";
import type { Actor } from "../../platform/actor.ts";
import type { Trx } from "../../platform/database.ts";
import { actorForUser, createUser, findUserByEmail } from "../accounts/user.service.ts";
import {
  addEvidence,
  createIndicator,
  createOutcome,
  createVisionStatement,
  linkActionToIndicator,
} from "./framework.service.ts";
import { COUNCIL_AREA_CODES, SCOTLAND } from "./geography.ts";
import { saveObservations } from "./upload.service.ts";

// The progress framework's demo data. The Scotland figures are real published statistics (their
// sources are named on each indicator); every council-area figure, breakdown and quote is
// invented for the demo, and says so. Loaded as the demo analyst, through the same services an
// analyst's upload uses.

export const DEMO_ANALYST = {
  email: "analyst@waymark.test",
  name: "Demo analyst",
  password: "waymark-demo-analyst",
} as const;

const INVENTED =
  "The council area figures and breakdowns here are invented for this demonstration; only the Scotland figures are real.";

/** A repeatable made-up share for each council area, so demo figures look plausible but are plainly not real. */
function inventedShares(seed: number): number[] {
  const raw = COUNCIL_AREA_CODES.map((_, i) => 1 + ((i * 37 + seed * 11) % 23));
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((r) => r / total);
}

function byCouncilArea(period: string, scotland: number, seed: number): PendingRow[] {
  return inventedShares(seed).map((share, i) => ({
    period,
    geography: COUNCIL_AREA_CODES[i]!,
    breakdown: {},
    // Orkney (S12000023) gets a small number, to show the small-number rule at work.
    value: COUNCIL_AREA_CODES[i] === "S12000023" ? 3 : Math.round(scotland * share),
    flag: null,
  }));
}

const scotland = (period: string, value: number, flag: PendingRow["flag"] = null): PendingRow => ({
  period,
  geography: SCOTLAND.code,
  breakdown: {},
  value,
  flag,
});

export async function loadIndicatorDemo(db: Trx, progress: (line: string) => void): Promise<void> {
  progress(`Adding the demo analyst account ${DEMO_ANALYST.email} and the progress framework`);
  const user =
    (await findUserByEmail(db, DEMO_ANALYST.email)) ??
    (await createUser(db, { ...DEMO_ANALYST, grants: [{ role: "analyst" }] }));
  const analyst: Actor = await actorForUser(db, user);

  await createVisionStatement(db, analyst, {
    slug: "family",
    title: "Children stay with their families where it is safe, and families get the help they need",
    summary: "From the promise's Family foundation.",
    position: 0,
  });
  await createOutcome(db, analyst, {
    visionSlug: "family",
    slug: "fewer-children-need-care",
    title: "Fewer children need to be looked after away from home",
    position: 0,
  });
  await createVisionStatement(db, analyst, {
    slug: "scaffolding",
    title: "Children and families get help when they need it, without having to go through formal systems",
    summary: "From the promise's Scaffolding foundation.",
    position: 1,
  });
  await createOutcome(db, analyst, {
    visionSlug: "scaffolding",
    slug: "fewer-formal-measures",
    title: "Fewer children need formal measures to be kept safe",
    position: 0,
  });

  const lookedAfter = await createIndicator(db, analyst, {
    outcomeSlug: "fewer-children-need-care",
    slug: "children-looked-after",
    title: "Children looked after",
    definition: "The number of children looked after by local authorities on 31 July each year.",
    unit: "children",
    better: "lower",
    kind: "core",
    measure: "outcome",
    source: "Children's Social Work Statistics, Scotland",
    sourceUrl: "https://www.gov.scot/collections/childrens-social-work/",
    publisher: "Scottish Government",
    lastUpdated: "2024-06-25",
    nextUpdate: "June 2025",
    baselinePeriod: "2018-07-31",
    story: `Fewer children are looked after than when the promise was made: 14,738 on 31 July 2018 and 12,206 on 31 July 2023. The fall is welcome only if it comes from families getting the help they need early, which is why this indicator sits beside what children and families tell us.\n\n${INVENTED}`,
    breakdowns: ["age band"],
    suppressBelow: 5,
    published: true,
    position: 0,
  });
  await saveObservations(db, analyst, {
    indicatorId: lookedAfter,
    fileName: "demo: children looked after",
    rows: [
      scotland("2018-07-31", 14738),
      scotland("2022-07-31", 12596),
      scotland("2023-07-31", 12206),
      ...byCouncilArea("2022-07-31", 12596, 1),
      ...byCouncilArea("2023-07-31", 12206, 2),
      ...[
        ["0-4", 2150],
        ["5-11", 4390],
        ["12-15", 3870],
        ["16-17", 1796],
      ].map(
        ([band, value]): PendingRow => ({
          period: "2023-07-31",
          geography: SCOTLAND.code,
          breakdown: { "age band": String(band) },
          value: Number(value),
          flag: "estimated",
        }),
      ),
    ],
  });
  await addEvidence(db, analyst, {
    indicatorSlug: "children-looked-after",
    kind: "quote",
    text: "When my mum got help at home, I didn't have to move. That's what made the difference.",
    attribution: "Young person, 15 (an invented example for the demo)",
    consented: true,
    anonymised: true,
  });
  await addEvidence(db, analyst, {
    indicatorSlug: "children-looked-after",
    kind: "survey_finding",
    text: "Seven in ten families said support came early enough to help (an invented finding for the demo).",
    source: "Demo survey of families, 2024 (invented)",
    consented: true,
    anonymised: true,
    position: 1,
  });

  const referrals = await createIndicator(db, analyst, {
    outcomeSlug: "fewer-formal-measures",
    slug: "referrals-to-the-reporter",
    title: "Children referred to the Children's Reporter",
    definition: "The number of children referred to the Principal Reporter in the financial year.",
    unit: "children",
    better: "lower",
    kind: "core",
    measure: "outcome",
    source: "SCRA Official Statistics",
    sourceUrl: "https://www.scra.gov.uk/resources_articles_category/official-statistics/",
    publisher: "Scottish Children's Reporter Administration",
    lastUpdated: "2024-06-27",
    nextUpdate: "June 2025",
    baselinePeriod: "2019-20",
    story:
      "Referrals to the Reporter fell from 12,849 children in 2019/20 to 10,197 in 2023/24. Fewer referrals can mean that help arrives earlier, without a formal process.",
    suppressBelow: 5,
    published: true,
    position: 1,
  });
  await saveObservations(db, analyst, {
    indicatorId: referrals,
    fileName: "demo: referrals to the Reporter",
    rows: [scotland("2019-20", 12849), scotland("2023-24", 10197)],
  });

  const hearings = await createIndicator(db, analyst, {
    outcomeSlug: "fewer-formal-measures",
    slug: "childrens-hearings-held",
    title: "Children's Hearings held",
    definition: "The number of Children's Hearings held in the financial year.",
    unit: "hearings",
    better: "neither",
    kind: "contextual",
    measure: "process",
    source: "SCRA Official Statistics",
    sourceUrl: "https://www.scra.gov.uk/resources_articles_category/official-statistics/",
    publisher: "Scottish Children's Reporter Administration",
    lastUpdated: "2024-06-27",
    nextUpdate: "June 2025",
    baselinePeriod: "2019-20",
    story:
      "30,363 Children's Hearings were held in 2019/20 and 21,613 in 2023/24. This gives context to the referrals figure.",
    published: true,
    position: 2,
  });
  await saveObservations(db, analyst, {
    indicatorId: hearings,
    fileName: "demo: Children's Hearings held",
    rows: [scotland("2019-20", 30363), scotland("2023-24", 21613)],
  });

  // The Leadership route map's first published actions are meant to move the first indicator.
  const actions = await db
    .selectFrom("edition_item")
    .innerJoin("route_map_edition", "route_map_edition.id", "edition_item.edition_id")
    .select("edition_item.id")
    .where("edition_item.section", "=", "action")
    .where("edition_item.parent_id", "is", null)
    .where("route_map_edition.status", "=", "published")
    .orderBy("route_map_edition.id", "desc")
    .orderBy("edition_item.position")
    .limit(2)
    .execute();
  for (const action of actions)
    await linkActionToIndicator(db, analyst, {
      indicatorSlug: "children-looked-after",
      editionItemId: action.id,
    });
}
