import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Trx } from "../../platform/database.ts";
import {
  type FieldErrors,
  NotFoundError,
  StaleVersionError,
  ValidationError,
} from "../../platform/errors.ts";
import { authorize } from "../../platform/security/authorize.ts";
import { freeSlug, slugify } from "../../platform/slugs.ts";
import { parseId } from "../../platform/validation.ts";
import { getOrganisation } from "../organisations/organisation.service.ts";
import { financialYearLabel } from "./financial-year.ts";
import * as repo from "./funding.repository.ts";
import { listLinkableActions, listLinkableCommitments } from "./funding.service.ts";
import { actionChoice, allocationFromForm, type Form, fundFromForm, yearFromForm } from "./funding-form.ts";

// The editors' changes to funds (programme editors and administrators, `funding.edit`). Each
// checks the whole form first (every message at once, nothing saved), is one conditional update on
// the version the form was made from (a conflict otherwise, the input kept), and is audited in the
// same transaction. A fund's address is made from its name once and then kept.

/** Addresses the editors' pages use: a fund may not take them. */
const RESERVED = new Set(["new", "edit"]);

function check(errors: FieldErrors): void {
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
}

async function fundFor(trx: Trx, slug: string) {
  const fund = await repo.findFund(trx, slug);
  if (!fund) throw new NotFoundError("There is no fund at this address.");
  return fund;
}

async function checkOwner(trx: Trx, errors: FieldErrors, ownerId: number | null): Promise<void> {
  if (ownerId !== null && !(await getOrganisation(trx, ownerId)))
    errors.owner = "Choose the organisation that runs the fund from the list";
}

function inFundYears(errors: FieldErrors, fund: { first_year: number; last_year: number }, year: number) {
  if (!errors.year && (year < fund.first_year || year > fund.last_year)) {
    errors.year = `Choose a year the fund covers: ${financialYearLabel(fund.first_year)} to ${financialYearLabel(fund.last_year)}`;
  }
}

/** A new fund from the form. Returns its address's slug. */
export async function createFund(trx: Trx, actor: Actor, form: Form): Promise<string> {
  authorize(actor, "funding.edit");
  const { fields, errors } = fundFromForm(form);
  await checkOwner(trx, errors, fields.ownerId);
  check(errors);
  const slug = await freeSlug(
    slugify(fields.name, 60),
    async (s) => RESERVED.has(s) || (await repo.slugTaken(trx, s)),
  );
  const values = {
    slug,
    name: fields.name,
    description: fields.description,
    owner_organisation_id: fields.ownerId,
    commitment_pence: fields.commitmentPence,
    first_year: fields.firstYear,
    last_year: fields.lastYear,
    published: fields.published,
  };
  const { id } = await repo.insertFund(trx, values);
  await recordAudit(trx, actor, { action: "fund.create", entityType: "fund", entityId: id, after: values });
  return slug;
}

/** Saves a fund's details from the form made at `version`. */
export async function updateFund(
  trx: Trx,
  actor: Actor,
  slug: string,
  version: number,
  form: Form,
): Promise<void> {
  authorize(actor, "funding.edit");
  const before = await fundFor(trx, slug);
  const { fields, errors } = fundFromForm(form);
  await checkOwner(trx, errors, fields.ownerId);
  check(errors);
  const values = {
    name: fields.name,
    description: fields.description,
    owner_organisation_id: fields.ownerId,
    commitment_pence: fields.commitmentPence,
    first_year: fields.firstYear,
    last_year: fields.lastYear,
    published: fields.published,
  };
  if (!(await repo.updateFund(trx, before.id, version, values))) throw new StaleVersionError();
  const { version: _v, owner_name: _n, owner_slug: _s, ...old } = before;
  await recordAudit(trx, actor, {
    action: "fund.update",
    entityType: "fund",
    entityId: before.id,
    before: old,
    after: values,
  });
}

/** Adds one of the fund's financial years with its planned (and actual) amount and status. */
export async function addYear(trx: Trx, actor: Actor, slug: string, form: Form): Promise<void> {
  authorize(actor, "funding.edit");
  const fund = await fundFor(trx, slug);
  const { fields, errors } = yearFromForm(form);
  inFundYears(errors, fund, fields.year);
  if (!errors.year && (await repo.yearTaken(trx, fund.id, fields.year)))
    errors.year = `${financialYearLabel(fields.year)} is already in the table: change it there`;
  check(errors);
  const values = {
    fund_id: fund.id,
    year: fields.year,
    planned_pence: fields.plannedPence,
    actual_pence: fields.actualPence,
    status: fields.status,
  };
  const { id } = await repo.insertYear(trx, values);
  await recordAudit(trx, actor, {
    action: "fund_year.create",
    entityType: "fund_year",
    entityId: id,
    after: values,
  });
}

/** Changes one of the fund's years from the form made at `version`. */
export async function updateYear(
  trx: Trx,
  actor: Actor,
  slug: string,
  id: number,
  version: number,
  form: Form,
): Promise<void> {
  authorize(actor, "funding.edit");
  const fund = await fundFor(trx, slug);
  const before = await repo.findYear(trx, fund.id, id);
  if (!before) throw new NotFoundError("There is no such year in this fund.");
  const { fields, errors } = yearFromForm(form);
  inFundYears(errors, fund, fields.year);
  if (!errors.year && (await repo.yearTaken(trx, fund.id, fields.year, id)))
    errors.year = `${financialYearLabel(fields.year)} is already in the table`;
  check(errors);
  const values = {
    year: fields.year,
    planned_pence: fields.plannedPence,
    actual_pence: fields.actualPence,
    status: fields.status,
  };
  if (!(await repo.updateYear(trx, id, version, values))) throw new StaleVersionError();
  const { version: _v, ...old } = before;
  await recordAudit(trx, actor, {
    action: "fund_year.update",
    entityType: "fund_year",
    entityId: id,
    before: old,
    after: values,
  });
}

async function allocationValues(trx: Trx, fund: { first_year: number; last_year: number }, form: Form) {
  const { fields, errors } = allocationFromForm(form);
  if (fields.organisationId !== null && !(await getOrganisation(trx, fields.organisationId)))
    errors.recipient = "Choose the organisation or council area the money goes to";
  inFundYears(errors, fund, fields.year);
  check(errors);
  return {
    organisation_id: fields.organisationId,
    area_code: fields.areaCode,
    year: fields.year,
    planned_pence: fields.plannedPence,
    actual_pence: fields.actualPence,
    award_years: fields.awardYears,
    purpose: fields.purpose,
    published: fields.published,
  };
}

/** Adds an allocation (a draft unless "published" is ticked). */
export async function addAllocation(trx: Trx, actor: Actor, slug: string, form: Form): Promise<void> {
  authorize(actor, "funding.edit");
  const fund = await fundFor(trx, slug);
  const values = { fund_id: fund.id, ...(await allocationValues(trx, fund, form)) };
  const { id } = await repo.insertAllocation(trx, values);
  await recordAudit(trx, actor, {
    action: "fund_allocation.create",
    entityType: "fund_allocation",
    entityId: id,
    after: values,
  });
}

/** Changes an allocation from the form made at `version`. */
export async function updateAllocation(
  trx: Trx,
  actor: Actor,
  slug: string,
  id: number,
  version: number,
  form: Form,
): Promise<void> {
  authorize(actor, "funding.edit");
  const fund = await fundFor(trx, slug);
  const before = await repo.findAllocation(trx, fund.id, id);
  if (!before) throw new NotFoundError("There is no such allocation in this fund.");
  const values = await allocationValues(trx, fund, form);
  if (!(await repo.updateAllocation(trx, id, version, values))) throw new StaleVersionError();
  const { version: _v, ...old } = before;
  await recordAudit(trx, actor, {
    action: "fund_allocation.update",
    entityType: "fund_allocation",
    entityId: id,
    before: old,
    after: values,
  });
}

/** Links a route-map action (of a latest published edition) to the fund; linking twice changes nothing. */
export async function linkAction(trx: Trx, actor: Actor, slug: string, form: Form): Promise<void> {
  authorize(actor, "funding.edit");
  const fund = await fundFor(trx, slug);
  const choice = actionChoice(form);
  const actions = await listLinkableActions(trx);
  const action = choice && actions.find((a) => a.themeId === choice.themeId && a.key === choice.key);
  if (!action) throw new ValidationError({ action: "Choose an action from the list" });
  if (await repo.insertActionLink(trx, fund.id, action.themeId, action.key)) {
    await recordAudit(trx, actor, {
      action: "fund_action.create",
      entityType: "fund",
      entityId: fund.id,
      after: { themeId: action.themeId, actionKey: action.key },
    });
  }
}

/** Removes an action's link to the fund; removing one that is gone already changes nothing. */
export async function unlinkAction(trx: Trx, actor: Actor, slug: string, form: Form): Promise<void> {
  authorize(actor, "funding.edit");
  const fund = await fundFor(trx, slug);
  const choice = actionChoice(form);
  if (!choice) throw new ValidationError({ action: "Choose an action from the list" });
  if (await repo.deleteActionLink(trx, fund.id, choice.themeId, choice.key)) {
    await recordAudit(trx, actor, {
      action: "fund_action.delete",
      entityType: "fund",
      entityId: fund.id,
      before: { themeId: choice.themeId, actionKey: choice.key },
    });
  }
}

function commitmentChoice(form: Form): number | null {
  return parseId((form.commitment ?? "").trim());
}

/** Links a commitment (a key action of an imported progress update); linking twice changes nothing. */
export async function linkCommitment(trx: Trx, actor: Actor, slug: string, form: Form): Promise<void> {
  authorize(actor, "funding.edit");
  const fund = await fundFor(trx, slug);
  const id = commitmentChoice(form);
  const commitment = id === null ? undefined : (await listLinkableCommitments(trx)).find((c) => c.id === id);
  if (!commitment) throw new ValidationError({ commitment: "Choose a commitment from the list" });
  if (await repo.insertCommitmentLink(trx, fund.id, commitment.id)) {
    await recordAudit(trx, actor, {
      action: "fund_commitment.create",
      entityType: "fund",
      entityId: fund.id,
      after: { commitmentId: commitment.id },
    });
  }
}

/** Removes a commitment's link to the fund; removing one that is gone already changes nothing. */
export async function unlinkCommitment(trx: Trx, actor: Actor, slug: string, form: Form): Promise<void> {
  authorize(actor, "funding.edit");
  const fund = await fundFor(trx, slug);
  const id = commitmentChoice(form);
  if (id === null) throw new ValidationError({ commitment: "Choose a commitment from the list" });
  if (await repo.deleteCommitmentLink(trx, fund.id, id)) {
    await recordAudit(trx, actor, {
      action: "fund_commitment.delete",
      entityType: "fund",
      entityId: fund.id,
      before: { commitmentId: id },
    });
  }
}
