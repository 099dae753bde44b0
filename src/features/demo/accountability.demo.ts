import type { Actor } from "../../platform/actor.ts";
import type { Db, Trx } from "../../platform/database.ts";
import * as accountability from "../accountability/accountability.service.ts";
import { todayIso } from "../accountability/accountability.service.ts";
import { saveUpdate } from "../accountability/progress.service.ts";
import { saveResponsibility } from "../accountability/responsibility.service.ts";
import { createUser, findUserByEmail } from "../accounts/user.service.ts";
import { classifyOrganisation, findOrCreateOrganisation } from "../organisations/organisation.service.ts";
import {
  LOCAL_AUTHORITIES,
  NAMED_ORGANISATIONS,
  type ReferenceOrganisation,
} from "../organisations/organisations.data.ts";
import { openRound } from "../rounds/round.service.ts";
import { addDays } from "../rounds/round.validation.ts";

// Accountability's part of the demo data: the register of organisations (the 32 councils and the
// organisations the seed documents name) with their sectors; who must act on each action of the
// Leadership route map's December 2025 edition and by when; a reporting round on it, due four
// weeks after the demo is loaded; a few progress updates, which answer part of that round; and a
// demo contributor for The Promise Scotland. Entered through the same services people use.

/** The demo's contributor account, for The Promise Scotland. Demo data only. */
export const DEMO_CONTRIBUTOR = {
  email: "contributor@waymark.test",
  name: "Demo contributor",
  password: "waymark-demo-contributor",
  organisation: "the-promise-scotland",
} as const;

/**
 * Adds the reference organisations the register does not hold yet (through the register's own
 * service, which matches names tolerant of case and spacing), says what kind of organisation
 * those added earlier from minutes are, and links them all to their sectors.
 */
export async function loadReferenceOrganisations(db: Trx, actor: Actor): Promise<number> {
  const sectors = await accountability.listSectors(db);
  let added = 0;
  for (const o of [...NAMED_ORGANISATIONS, ...LOCAL_AUTHORITIES] as ReferenceOrganisation[]) {
    const { organisation, created } = await findOrCreateOrganisation(db, actor, {
      name: o.name,
      type: o.type,
      areaCode: o.areaCode,
    });
    const id = organisation.id;
    if (created) added++;
    else if (organisation.type === "other" && o.type !== "other")
      await classifyOrganisation(db, actor, id, { type: o.type, areaCode: o.areaCode });
    await accountability.linkSectors(
      db,
      id,
      sectors.filter((s) => o.sectors.includes(s.slug)).map((s) => s.id),
    );
  }
  return added;
}

interface DemoAction {
  lead: string[];
  partners?: string[];
  leadSectors?: string[];
  partnerSectors?: string[];
  dueYear: number;
}

/** Leadership, December 2025: its ten actions in order. */
const LEADERSHIP_ACTIONS: DemoAction[] = [
  { lead: ["scottish-government"], partners: ["cosla"], dueYear: 2026 },
  { lead: ["cosla"], partnerSectors: ["local-authorities"], dueYear: 2026 },
  { lead: ["the-promise-scotland"], partners: ["solace", "cosla"], dueYear: 2027 },
  { lead: ["the-promise-scotland"], dueYear: 2025 },
  { lead: ["the-promise-scotland"], partnerSectors: ["local-authorities"], dueYear: 2027 },
  { lead: ["scottish-government"], dueYear: 2027 },
  { lead: ["scottish-government"], partners: ["the-promise-scotland"], dueYear: 2026 },
  { lead: ["the-promise-scotland"], partnerSectors: ["local-authorities"], dueYear: 2028 },
  { lead: ["the-promise-scotland"], partnerSectors: ["third-sector"], dueYear: 2028 },
  { lead: [], leadSectors: ["third-sector"], partners: ["the-promise-scotland"], dueYear: 2030 },
];

const DEMO_UPDATES = [
  {
    action: 0,
    organisation: "scottish-government",
    status: "on_track",
    narrative:
      "Community Planning Partnerships have agreed a shared approach to planning for children and families. Work with COSLA on the guidance continues.",
    confidence: "evidenced",
    linkUrl: "https://www.gov.scot/publications/public-service-reform-strategy/",
    linkTitle: "Public Service Reform Strategy",
  },
  {
    action: 2,
    organisation: "the-promise-scotland",
    status: "in_progress",
    narrative:
      "We have met SOLACE and COSLA and visited Renfrewshire to learn how its Promise Keepers programme works. Two more councils want to try it.",
    confidence: "self_assessed",
    voice:
      "A young person on the Promise Keepers panel said: “It felt like they actually listened this time.”",
  },
  {
    action: 6,
    organisation: "scottish-government",
    status: "at_risk",
    narrative:
      "The Public Services Reform Board has not yet had time on its agenda for the promise as an exemplar.",
    confidence: "self_assessed",
  },
];

/** Loads accountability's demo data as the demo editor; called from the demo service. */
export async function loadAccountabilityDemo(
  db: Trx,
  editor: Actor,
  edition: { themeSlug: string; editionId: number },
): Promise<void> {
  await loadReferenceOrganisations(db, editor);
  const organisations = await accountability.listOrganisationSummaries(db);
  const sectors = await accountability.listSectors(db);
  const orgIds = (slugs: string[] = []) =>
    slugs.map((s) => String(organisations.find((o) => o.slug === s)!.id));
  const sectorIds = (slugs: string[] = []) => slugs.map((s) => String(sectors.find((x) => x.slug === s)!.id));
  const actions = await db
    .selectFrom("edition_item")
    .select("key")
    .where("edition_id", "=", edition.editionId)
    .where("section", "=", "action")
    .where("parent_id", "is", null)
    .orderBy("position")
    .execute();
  for (const [i, plan] of LEADERSHIP_ACTIONS.entries()) {
    const key = actions[i]?.key;
    if (!key) break;
    await saveResponsibility(db, editor, {
      themeSlug: edition.themeSlug,
      key,
      version: 0,
      leadOrganisations: orgIds(plan.lead),
      partnerOrganisations: orgIds(plan.partners),
      leadSectors: sectorIds(plan.leadSectors),
      partnerSectors: sectorIds(plan.partnerSectors),
      dueYear: String(plan.dueYear),
    });
  }
  await openDemoRound(db, editor, edition.themeSlug);
  for (const update of DEMO_UPDATES) {
    const key = actions[update.action]!.key;
    await saveUpdate(db, editor, {
      ...update,
      organisationSlug: update.organisation,
      themeSlug: edition.themeSlug,
      key,
      version: await accountability.progressVersion(
        db,
        (await themeId(db, edition.themeSlug))!,
        key,
        organisations.find((o) => o.slug === update.organisation)!.id,
      ),
      intent: "submit",
      percent: undefined,
    });
  }

  if (!(await findUserByEmail(db, DEMO_CONTRIBUTOR.email))) {
    const organisation = organisations.find((o) => o.slug === DEMO_CONTRIBUTOR.organisation)!;
    await createUser(db, {
      email: DEMO_CONTRIBUTOR.email,
      name: DEMO_CONTRIBUTOR.name,
      password: DEMO_CONTRIBUTOR.password,
      grants: [{ role: "organisation_contributor", organisationId: organisation.id }],
    });
  }
}

/** The title of the demo's reporting round. */
export const DEMO_ROUND_TITLE = "How the Leadership actions are going (demo)";

/**
 * Opens the demo's round on one route map before the demo updates are given, so they count as
 * answers and its page shows some organisations done and others still to answer.
 */
async function openDemoRound(db: Trx, editor: Actor, themeSlug: string): Promise<void> {
  const [year, month, day] = addDays(todayIso(), 28).split("-");
  await openRound(db, editor, {
    title: DEMO_ROUND_TITLE,
    dueDay: day,
    dueMonth: month,
    dueYear: year,
    scope: "chosen",
    themes: [String(await themeId(db, themeSlug))],
    daysBefore: "14, 3",
    daysAfter: "7",
  });
}

async function themeId(db: Db, slug: string): Promise<number | undefined> {
  const row = await db.selectFrom("theme").select("id").where("slug", "=", slug).executeTakeFirst();
  return row?.id;
}
