import type { Actor } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";
import { NotFoundError } from "../../platform/errors.ts";
import { authorize } from "../../platform/security/authorize.ts";
import { listCurrentItems } from "../accountability/accountability.service.ts";
import { listCommitmentSources } from "../commitments/commitment.service.ts";
import { COUNCIL_AREAS } from "../organisations/organisations.data.ts";
import * as repo from "./funding.repository.ts";
import type {
  Allocation,
  Fund,
  FundDetail,
  FundSummary,
  FundYear,
  LinkedAction,
  LinkedCommitment,
} from "./funding.types.ts";
import { allocatedTotal } from "./funding-summary.ts";

// Reading funds. The public see published funds with their published allocations only: a draft
// fund is "not found" (its existence does not leak) and a draft allocation is left out of every
// page, sum, CSV and API answer. Editors read everything through the `…ForEditing` functions.

const AREA_NAMES = new Map(COUNCIL_AREAS.map((a) => [a.areaCode, a.name]));

function toFund(row: repo.FundRow): Fund {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    owner:
      row.owner_organisation_id !== null && row.owner_name !== null && row.owner_slug !== null
        ? { id: row.owner_organisation_id, name: row.owner_name, slug: row.owner_slug }
        : null,
    commitmentPence: Number(row.commitment_pence),
    firstYear: row.first_year,
    lastYear: row.last_year,
    published: row.published,
    version: row.version,
  };
}

function toYear(row: Awaited<ReturnType<typeof repo.listYears>>[number]): FundYear {
  return {
    id: row.id,
    year: row.year,
    plannedPence: Number(row.planned_pence),
    actualPence: row.actual_pence === null ? null : Number(row.actual_pence),
    status: row.status,
    version: row.version,
  };
}

function toAllocation(row: repo.AllocationRow): Allocation {
  const recipient: Allocation["recipient"] =
    row.organisation_id !== null
      ? {
          kind: "organisation",
          id: row.organisation_id,
          name: row.organisation_name ?? "",
          slug: row.organisation_slug ?? "",
        }
      : {
          kind: "area",
          code: row.area_code ?? "",
          name: AREA_NAMES.get(row.area_code ?? "") ?? row.area_code ?? "",
        };
  return {
    id: row.id,
    recipient,
    year: row.year,
    plannedPence: Number(row.planned_pence),
    actualPence: row.actual_pence === null ? null : Number(row.actual_pence),
    awardYears: row.award_years,
    purpose: row.purpose,
    published: row.published,
    version: row.version,
  };
}

/** The actions a fund may link to: the top-level actions of each route map's latest published edition. */
export async function listLinkableActions(db: Db): Promise<LinkedAction[]> {
  const items = await listCurrentItems(db);
  return items
    .filter((item) => item.section === "action" && item.key !== null)
    .map((item) => ({
      themeId: item.theme_id,
      themeSlug: item.theme_slug,
      themeName: item.theme_name,
      key: item.key ?? "",
      text: item.text,
    }));
}

async function detail(db: Db, row: repo.FundRow, publishedOnly: boolean): Promise<FundDetail> {
  const [years, allocations, links, actions, commitments] = await Promise.all([
    repo.listYears(db, [row.id]),
    repo.listAllocations(db, [row.id], publishedOnly),
    repo.listActionLinks(db, [row.id]),
    listLinkableActions(db),
    repo.listCommitmentLinks(db, [row.id]),
  ]);
  const linked = links.map(
    (link) =>
      actions.find((a) => a.themeId === link.theme_id && a.key === link.action_key) ?? {
        // An action no longer in its route map's latest edition keeps its link, shown by its key.
        themeId: link.theme_id,
        themeSlug: "",
        themeName: "",
        key: link.action_key,
        text: `Action ${link.action_key}`,
      },
  );
  return {
    ...toFund(row),
    years: years.map(toYear),
    allocations: allocations.map(toAllocation),
    actions: linked,
    commitments: commitments.map((c) => ({ id: c.id, text: c.text, source: c.document_title })),
  };
}

/** Funds (published only, or all) each with the total of its allocations (published only, or all). */
async function summaries(db: Db, publishedOnly: boolean): Promise<FundSummary[]> {
  const rows = await repo.listFunds(db, publishedOnly);
  const allocations = await repo.listAllocations(
    db,
    rows.map((r) => r.id),
    publishedOnly,
  );
  return rows.map((row) => ({
    ...toFund(row),
    allocatedPence: allocatedTotal(allocations.filter((a) => a.fund_id === row.id).map(toAllocation)),
  }));
}

/** Published funds, by name, each with how much of it is allocated so far (published allocations). */
export function listPublishedFunds(db: Db): Promise<FundSummary[]> {
  return summaries(db, true);
}

/** A published fund with its years, published allocations and linked actions; a draft is not found. */
export async function getPublishedFund(db: Db, slug: string): Promise<FundDetail> {
  const row = await repo.findFund(db, slug);
  if (!row?.published) throw new NotFoundError("There is no fund at this address.");
  return detail(db, row, true);
}

/** Every fund, drafts included, for the editors' list. */
export async function listFundsForEditing(db: Db, actor: Actor): Promise<FundSummary[]> {
  authorize(actor, "funding.edit");
  return summaries(db, false);
}

/** A fund with everything, drafts included, for its editing page. */
export async function getFundForEditing(db: Db, actor: Actor, slug: string): Promise<FundDetail> {
  authorize(actor, "funding.edit");
  const row = await repo.findFund(db, slug);
  if (!row) throw new NotFoundError("There is no fund at this address.");
  return detail(db, row, false);
}

/** The commitments a fund may link to: every key action of the imported progress updates. */
export async function listLinkableCommitments(db: Db): Promise<LinkedCommitment[]> {
  return (await listCommitmentSources(db)).flatMap((source) =>
    source.commitments.map((c) => ({ id: c.id, text: c.text, source: source.title })),
  );
}

/** The published funds that pay for one action (for the action's neighbours to show). */
export async function listFundsForAction(db: Db, themeId: number, key: string): Promise<Fund[]> {
  return (await repo.listFundsForAction(db, themeId, key)).map(toFund);
}
