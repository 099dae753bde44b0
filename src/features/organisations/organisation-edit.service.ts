import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Db, Trx } from "../../platform/database.ts";
import {
  type FieldErrors,
  NotFoundError,
  StaleVersionError,
  ValidationError,
} from "../../platform/errors.ts";
import { authorize } from "../../platform/security/authorize.ts";
import * as accountability from "../accountability/accountability.service.ts";
import { getOrganisationSummary } from "../accountability/accountability.service.ts";
import type { OrganisationSummary } from "../accountability/accountability.types.ts";
import * as repo from "./organisation.repository.ts";
import { classifyOrganisation, createOrganisation } from "./organisation.service.ts";

// Keeping the register of organisations (organisation.manage: programme editors and
// administrators): adding an organisation with its kind, area code and sectors, and changing
// those later (minutes add organisations as "other", with no sectors). A change of sectors is
// audited on its own, with the sectors before and after. The change form carries the version it
// was made from: if someone has saved since, nothing is saved (StaleVersionError).

export interface OrganisationDetails {
  type: string | undefined;
  areaCode: string | undefined;
  /** Sector ids, as the form's checkboxes send them. */
  sectors: string[];
}

/** An organisation as its change form shows it, with the version the form carries. */
export interface OrganisationToChange extends OrganisationSummary {
  version: number;
}

/** The sectors one may choose from. */
export function listSectorChoices(db: Db) {
  return accountability.listSectors(db);
}

/** The sector ids chosen, or a message when one is not a sector. */
async function checkSectors(db: Db, values: string[]): Promise<{ ids: number[]; errors: FieldErrors }> {
  const known = new Map((await accountability.listSectors(db)).map((s) => [String(s.id), s.id]));
  const ids = [...new Set(values)].map((v) => known.get(v));
  if (ids.some((id) => id === undefined))
    return { ids: [], errors: { sectors: "Choose sectors from the list" } };
  return { ids: ids as number[], errors: {} };
}

/**
 * Runs a change that checks its own fields, refusing with its messages and these others together
 * (the caller's transaction then saves nothing).
 */
async function withMoreErrors<T>(more: FieldErrors, change: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await change();
  } catch (error) {
    if (error instanceof ValidationError) throw new ValidationError({ ...error.fields, ...more });
    throw error;
  }
  if (Object.keys(more).length > 0) throw new ValidationError(more);
  return result;
}

async function setSectors(
  trx: Trx,
  actor: Actor,
  organisationId: number,
  before: string[],
  ids: number[],
): Promise<void> {
  await trx.deleteFrom("organisation_sector").where("organisation_id", "=", organisationId).execute();
  await accountability.linkSectors(trx, organisationId, ids);
  const after = (await accountability.listOrganisationSectors(trx, [organisationId])).map((s) => s.slug);
  if (before.join() === after.join()) return;
  await recordAudit(trx, actor, {
    action: "organisation.sectors",
    entityType: "organisation",
    entityId: organisationId,
    before: { sectors: before },
    after: { sectors: after },
  });
}

/** Adds an organisation to the register with its kind, area code and sectors. Returns its slug. */
export async function addOrganisation(
  trx: Trx,
  actor: Actor,
  input: OrganisationDetails & { name: string | undefined },
): Promise<string> {
  authorize(actor, "organisation.manage");
  const sectors = await checkSectors(trx, input.sectors);
  const organisation = await withMoreErrors(sectors.errors, () =>
    createOrganisation(trx, actor, { name: input.name ?? "", type: input.type, areaCode: input.areaCode }),
  );
  await setSectors(trx, actor, organisation.id, [], sectors.ids);
  return organisation.slug;
}

/**
 * Changes an organisation's kind, area code and sectors, from a form made at `version`; if the
 * organisation has changed since, nothing is saved (StaleVersionError).
 */
export async function changeOrganisation(
  trx: Trx,
  actor: Actor,
  slug: string,
  version: number,
  input: OrganisationDetails,
): Promise<void> {
  const before = await getOrganisationToChange(trx, actor, slug);
  // The one conditional update that guards the change: of two saves from one version, one wins.
  if (!(await repo.takeVersion(trx, before.id, version))) throw new StaleVersionError();
  const sectors = await checkSectors(trx, input.sectors);
  // A field the form did not send keeps its value; a sector left unticked is left out.
  const kind = { type: input.type ?? before.type, areaCode: input.areaCode ?? before.areaCode ?? "" };
  const sameKind = kind.type === before.type && kind.areaCode.trim() === (before.areaCode ?? "");
  await withMoreErrors(sectors.errors, async () => {
    if (!sameKind) await classifyOrganisation(trx, actor, before.id, kind);
  });
  await setSectors(
    trx,
    actor,
    before.id,
    before.sectors.map((s) => s.slug),
    sectors.ids,
  );
}

/** The organisation as the change form shows it (organisation.manage); not found when there is none. */
export async function getOrganisationToChange(
  db: Db,
  actor: Actor,
  slug: string,
): Promise<OrganisationToChange> {
  authorize(actor, "organisation.manage");
  const summary = await getOrganisationSummary(db, slug);
  const version = await repo.findVersion(db, summary.id);
  if (version === undefined) throw new NotFoundError("There is no organisation at this address.");
  return { ...summary, version };
}
