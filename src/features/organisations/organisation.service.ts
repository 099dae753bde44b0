import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Db, Trx } from "../../platform/database.ts";
import { type FieldErrors, NotFoundError, ValidationError } from "../../platform/errors.ts";
import { authorize, can, type Scope } from "../../platform/security/authorize.ts";
import { freeSlug, slugify } from "../../platform/slugs.ts";
import { checkText, clean, short } from "../../platform/validation.ts";
import * as repo from "./organisation.repository.ts";
import { ORGANISATION_TYPES, type Organisation, type OrganisationType } from "./organisation.types.ts";

// The register of organisations, shared by governance (members, attendees, action owners),
// accountability and progress. The register is public: organisations are named in published
// route maps and minutes. Names are matched tolerant of case and spacing, and of the other names
// an organisation goes by ("CCPS").

export interface NewOrganisation {
  name: string;
  type?: OrganisationType | string | undefined;
  areaCode?: string | undefined;
  /** Other names it goes by in documents. */
  aliases?: string[] | undefined;
}

/** Every organisation in the register, by name. */
export function listOrganisations(db: Db): Promise<Organisation[]> {
  return repo.listOrganisations(db);
}

export function getOrganisation(db: Db, id: number): Promise<Organisation | undefined> {
  return repo.findById(db, id);
}

/** By name or another name it goes by, ignoring case and spacing: "cosla " finds "CoSLA". */
export async function findOrganisationByName(db: Db, name: string): Promise<Organisation | undefined> {
  const text = clean(name);
  return text === "" ? undefined : repo.findByName(db, text);
}

function checkNew(input: NewOrganisation): { name: string; type: OrganisationType; areaCode: string | null } {
  const errors: FieldErrors = {};
  const name = checkText(errors, "name", input.name, short("organisation's name"));
  const { type, areaCode } = checkClassification(errors, input);
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return { name, type, areaCode };
}

function checkClassification(
  errors: FieldErrors,
  input: { type?: string | undefined; areaCode?: string | undefined },
): { type: OrganisationType; areaCode: string | null } {
  const type = clean(input.type) || "other";
  if (!(ORGANISATION_TYPES as readonly string[]).includes(type))
    errors.type = "Choose the kind of organisation";
  const areaCode = clean(input.areaCode) || null;
  if (areaCode !== null && !/^S\d{8}$/.test(areaCode))
    errors.areaCode = "Enter the area code as an S followed by 8 digits, for example S12000033";
  return { type: type as OrganisationType, areaCode };
}

/**
 * Adds an organisation to the register (needs organisation.manage). Refuses a name the register
 * already holds, under any of its names.
 */
export async function createOrganisation(
  trx: Trx,
  actor: Actor,
  input: NewOrganisation,
): Promise<Organisation> {
  authorize(actor, "organisation.manage");
  return insertChecked(trx, actor, input);
}

async function insertChecked(trx: Trx, actor: Actor, input: NewOrganisation): Promise<Organisation> {
  const values = checkNew(input);
  const existing = await repo.findByName(trx, values.name);
  if (existing)
    throw new ValidationError(
      { name: `The register already has "${existing.name}"` },
      "That organisation exists.",
    );
  const slug = await freeSlug(slugify(values.name), (s) => repo.slugTaken(trx, s));
  const organisation = await repo.insertOrganisation(trx, {
    slug,
    name: values.name,
    type: values.type,
    area_code: values.areaCode,
  });
  for (const alias of input.aliases ?? []) {
    const text = clean(alias);
    if (text !== "" && !(await repo.findByName(trx, text)))
      await repo.insertAlias(trx, organisation.id, text);
  }
  await recordAudit(trx, actor, {
    action: "organisation.create",
    entityType: "organisation",
    entityId: organisation.id,
    after: { ...organisation, aliases: input.aliases ?? [] },
  });
  return organisation;
}

/**
 * Says what kind of organisation it is, and its area code (needs organisation.manage). Minutes
 * name organisations without saying what they are, so one first added from minutes is "other"
 * until someone who knows says more.
 */
export async function classifyOrganisation(
  trx: Trx,
  actor: Actor,
  organisationId: number,
  input: { type?: string | undefined; areaCode?: string | undefined },
): Promise<Organisation> {
  authorize(actor, "organisation.manage");
  const errors: FieldErrors = {};
  const { type, areaCode } = checkClassification(errors, input);
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  const before = await repo.findById(trx, organisationId);
  if (!before) throw new NotFoundError("There is no such organisation.");
  const after = await repo.updateClassification(trx, organisationId, { type, area_code: areaCode });
  await recordAudit(trx, actor, {
    action: "organisation.classify",
    entityType: "organisation",
    entityId: organisationId,
    before: { type: before.type, areaCode: before.areaCode },
    after: { type: after.type, areaCode: after.areaCode },
  });
  return after;
}

/** Records another name an organisation goes by (needs organisation.manage). */
export async function addOrganisationAlias(
  trx: Trx,
  actor: Actor,
  organisationId: number,
  name: string,
): Promise<void> {
  authorize(actor, "organisation.manage");
  const text = clean(name);
  const errors: FieldErrors = {};
  checkText(errors, "alias", text, short("other name"));
  const existing = text === "" ? undefined : await repo.findByName(trx, text);
  if (existing) errors.alias = `"${text}" already names ${existing.name}`;
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  await repo.insertAlias(trx, organisationId, text);
  await recordAudit(trx, actor, {
    action: "organisation.alias",
    entityType: "organisation",
    entityId: organisationId,
    after: { alias: text },
  });
}

/**
 * The organisation of this name, added to the register if it is not there yet. Whoever may manage
 * the register may add it; so may a group's secretariat while recording that group's members,
 * attendees or actions (pass { groupId }), since minutes name organisations as they come.
 */
export async function findOrCreateOrganisation(
  trx: Trx,
  actor: Actor,
  input: NewOrganisation,
  scope?: Scope,
): Promise<{ organisation: Organisation; created: boolean }> {
  const found = await findOrganisationByName(trx, input.name);
  if (found) return { organisation: found, created: false };
  if (
    !can(actor, "organisation.manage") &&
    !(scope?.groupId !== undefined && can(actor, "group.manage", scope))
  )
    authorize(actor, "organisation.manage");
  return { organisation: await insertChecked(trx, actor, input), created: true };
}
