import type { Actor } from "../../platform/actor.ts";
import { recordAudit, withoutVersion } from "../../platform/audit.ts";
import type { Db, Trx } from "../../platform/database.ts";
import { ConflictError, type FieldErrors, NotFoundError, StaleVersionError } from "../../platform/errors.ts";
import { authorize } from "../../platform/security/authorize.ts";
import {
  checkText,
  clean,
  optional,
  type Submitted,
  short,
  throwIfInvalid,
} from "../../platform/validation.ts";
import { findOrCreateOrganisation } from "../organisations/organisation.service.ts";
import { findOrCreatePerson, findPersonByName } from "../people/person.service.ts";
import type { DateInput, Membership, MembershipRole } from "./governance.types.ts";
import { MEMBERSHIP_ROLES } from "./governance.types.ts";
import { checkChoice, checkDateInput } from "./governance.validation.ts";
import * as repo from "./group.repository.ts";

// Who sits on a group: a person, for an organisation, in a role, perhaps as deputy for another
// member, from and to dates. People and organisations are found by name, and added when new.

export interface MembershipInput {
  person: Submitted;
  organisation?: Submitted;
  role?: Submitted;
  /** The name of the member this person deputises for. */
  deputyFor?: Submitted;
  fromDate?: DateInput | undefined;
  toDate?: DateInput | undefined;
}

/** A group's members (memberships are public, as minutes list them). */
export function listMemberships(db: Db, groupId: number): Promise<Membership[]> {
  return repo.listMemberships(db, groupId);
}

async function checkMembership(
  trx: Trx,
  groupId: number,
  input: MembershipInput,
  membershipId: number | null,
) {
  const errors: FieldErrors = {};
  const personName = checkText(errors, "person", input.person, short("person's name"));
  const organisationName = checkText(
    errors,
    "organisation",
    input.organisation,
    short("organisation", optional),
  );
  const role =
    clean(input.role) === ""
      ? "member"
      : checkChoice(
          errors,
          "role",
          input.role,
          MEMBERSHIP_ROLES,
          "Choose co-chair, secretariat, member or observer",
        );
  const fromDate = checkDateInput(errors, "fromDate", input.fromDate, {
    what: "date they joined",
    required: false,
  });
  const toDate = checkDateInput(errors, "toDate", input.toDate, { what: "date they left", required: false });
  if (fromDate && toDate && toDate < fromDate && !errors.toDate)
    errors.toDate = "The date they left must be the same as or after the date they joined";

  const members = await repo.listMemberships(trx, groupId);
  const deputyForName = clean(input.deputyFor);
  let deputyForId: number | null = null;
  if (deputyForName !== "") {
    const deputyFor = await findPersonByName(trx, deputyForName);
    const isMember = deputyFor && members.some((m) => m.person.id === deputyFor.id && m.id !== membershipId);
    if (!deputyFor || !isMember)
      errors.deputyFor = `${deputyForName} is not a member of this group: add them first, or leave "deputy for" empty`;
    else if (deputyFor.name.toLowerCase() === personName.toLowerCase())
      errors.deputyFor = "A person cannot be their own deputy";
    else deputyForId = deputyFor.id;
  }
  throwIfInvalid(errors);
  return {
    personName,
    organisationName,
    role: (role ?? "member") as MembershipRole,
    fromDate,
    toDate,
    deputyForId,
    members,
  };
}

/** Adds a member to a group (needs group.manage for it). Returns the membership's id. */
export async function addMembership(
  trx: Trx,
  actor: Actor,
  groupId: number,
  input: MembershipInput,
): Promise<number> {
  const group = await repo.findGroupById(trx, groupId);
  if (!group) throw new NotFoundError("There is no such group.");
  authorize(actor, "group.manage", { groupId });
  await repo.lockGroup(trx, groupId);
  const checked = await checkMembership(trx, groupId, input, null);
  const scope = { groupId };
  const organisation =
    checked.organisationName === ""
      ? null
      : (await findOrCreateOrganisation(trx, actor, { name: checked.organisationName }, scope)).organisation;
  const { person } = await findOrCreatePerson(
    trx,
    actor,
    { name: checked.personName, organisationId: organisation?.id ?? null },
    scope,
  );
  const current = checked.members.find((m) => m.person.id === person.id && m.toDate === null);
  if (current)
    throw new ConflictError(
      `${person.name} is already a member of ${group.name}. Change their membership instead.`,
    );
  if (checked.deputyForId === person.id) throw new ConflictError("A person cannot be their own deputy.");
  const id = await repo.insertMembership(trx, {
    group_id: groupId,
    person_id: person.id,
    organisation_id: organisation?.id ?? null,
    role: checked.role,
    deputy_for_id: checked.deputyForId,
    from_date: checked.fromDate,
    to_date: checked.toDate,
  });
  await recordAudit(trx, actor, {
    action: "membership.add",
    entityType: "group_membership",
    entityId: id,
    after: withoutVersion(await repo.findMembership(trx, id)),
  });
  return id;
}

async function membershipToChange(trx: Trx, actor: Actor, membershipId: number): Promise<Membership> {
  const membership = await repo.findMembership(trx, membershipId);
  if (!membership) throw new NotFoundError("There is no such membership.");
  authorize(actor, "group.manage", { groupId: membership.groupId });
  await repo.lockGroup(trx, membership.groupId);
  return membership;
}

/**
 * Changes a membership's organisation, role, deputy and dates; the person stays the same. The
 * form was made from the membership at `version`: if it has changed since, nothing is saved
 * (StaleVersionError).
 */
export async function updateMembership(
  trx: Trx,
  actor: Actor,
  membershipId: number,
  version: number,
  input: Omit<MembershipInput, "person">,
): Promise<void> {
  const before = await membershipToChange(trx, actor, membershipId);
  if (before.version !== version) throw new StaleVersionError();
  const checked = await checkMembership(
    trx,
    before.groupId,
    { ...input, person: before.person.name },
    membershipId,
  );
  if (checked.deputyForId === before.person.id)
    throw new ConflictError("A person cannot be their own deputy.");
  const organisation =
    checked.organisationName === ""
      ? null
      : (
          await findOrCreateOrganisation(
            trx,
            actor,
            { name: checked.organisationName },
            { groupId: before.groupId },
          )
        ).organisation;
  const saved = await repo.updateMembership(trx, membershipId, version, {
    organisation_id: organisation?.id ?? null,
    role: checked.role,
    deputy_for_id: checked.deputyForId,
    from_date: checked.fromDate,
    to_date: checked.toDate,
  });
  if (!saved) throw new StaleVersionError();
  await recordAudit(trx, actor, {
    action: "membership.update",
    entityType: "group_membership",
    entityId: membershipId,
    before: withoutVersion(before),
    after: withoutVersion(await repo.findMembership(trx, membershipId)),
  });
}

/**
 * Removes a membership entered by mistake. (Someone who leaves keeps their membership with the
 * date they left.) Refused while another member is recorded as their deputy, and when the
 * membership has changed since the page was made from it at `version` (StaleVersionError).
 */
export async function removeMembership(
  trx: Trx,
  actor: Actor,
  membershipId: number,
  version: number,
): Promise<void> {
  const before = await membershipToChange(trx, actor, membershipId);
  if (before.version !== version) throw new StaleVersionError("removal");
  if ((await repo.countDeputiesFor(trx, before.groupId, before.person.id)) > 0)
    throw new ConflictError(
      `Another member is recorded as ${before.person.name}'s deputy: change that membership first.`,
    );
  if (!(await repo.deleteMembership(trx, membershipId, version))) throw new StaleVersionError("removal");
  await recordAudit(trx, actor, {
    action: "membership.remove",
    entityType: "group_membership",
    entityId: membershipId,
    before: withoutVersion(before),
  });
}
