import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Db, Trx } from "../../platform/database.ts";
import { type FieldErrors, ValidationError } from "../../platform/errors.ts";
import { authorize, can, type Scope } from "../../platform/security/authorize.ts";
import { checkText, clean, short } from "../../platform/validation.ts";
import * as repo from "./person.repository.ts";
import type { Person } from "./person.types.ts";

// People are shared across Waymark, not copied into each group: the same Jane Scott is a member
// of two groups and attended ten meetings. Names are matched tolerant of case and spacing; telling
// apart two people of the same name, or a typo ("Andrew Warson"), is for whoever enters them.

export interface NewPerson {
  name: string;
  email?: string | undefined;
  organisationId?: number | null | undefined;
}

export function getPerson(db: Db, id: number): Promise<Person | undefined> {
  return repo.findById(db, id);
}

/** The first person of this name (case and spacing aside), if any. */
export async function findPersonByName(db: Db, name: string): Promise<Person | undefined> {
  const text = clean(name);
  return text === "" ? undefined : (await repo.findByName(db, text))[0];
}

/** Everyone, by name. Holds e-mail addresses: for signed-in pages that manage groups only. */
export async function listPeople(db: Db, actor: Actor): Promise<Person[]> {
  if (!can(actor, "group.manage") && !can(actor, "group.create")) authorize(actor, "group.manage");
  return repo.listPeople(db);
}

function authorizeCreate(actor: Actor, scope: Scope | undefined): void {
  if (scope?.groupId !== undefined && can(actor, "group.manage", scope)) return;
  if (can(actor, "group.create") || can(actor, "organisation.manage")) return;
  authorize(actor, "group.manage", scope ?? { groupId: -1 });
}

/**
 * The person of this name, added if there is none. A group's secretariat may add people while
 * recording that group's members or meetings (pass { groupId }); so may whoever may create groups
 * or manage the register. An organisation given is recorded for a new person only.
 */
export async function findOrCreatePerson(
  trx: Trx,
  actor: Actor,
  input: NewPerson,
  scope?: Scope,
): Promise<{ person: Person; created: boolean }> {
  const errors: FieldErrors = {};
  const name = checkText(errors, "name", input.name, short("person's name"));
  const email = clean(input.email).toLowerCase() || null;
  if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    errors.email = "Enter an email address in the correct format, like name@example.com";
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);

  const found = (await repo.findByName(trx, name))[0];
  if (found) return { person: found, created: false };
  authorizeCreate(actor, scope);
  if (email !== null && (await repo.emailTaken(trx, email)))
    throw new ValidationError({ email: "Someone else already has that email address" });
  const person = await repo.insertPerson(trx, { name, email, organisation_id: input.organisationId ?? null });
  await recordAudit(trx, actor, {
    action: "person.create",
    entityType: "person",
    entityId: person.id,
    after: { name: person.name, organisationId: person.organisationId },
  });
  return { person, created: true };
}
