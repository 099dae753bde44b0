import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Db, Trx } from "../../platform/database.ts";
import { ConflictError, type FieldErrors, NotFoundError, ValidationError } from "../../platform/errors.ts";
import { authorize, can } from "../../platform/security/authorize.ts";
import { isSlug } from "../../platform/slugs.ts";
import {
  checkText,
  clean,
  optional,
  paragraph,
  parseId,
  type Submitted,
  short,
  throwIfInvalid,
} from "../../platform/validation.ts";
import { findOrCreateOrganisation } from "../organisations/organisation.service.ts";
import { findOrCreatePerson } from "../people/person.service.ts";
import { startDraft } from "../route-maps/edition-drafts.service.ts";
import { addItem } from "../route-maps/edition-items.service.ts";
import * as routeMaps from "../route-maps/route-map.service.ts";
import * as repo from "./agenda.repository.ts";
import type { DateInput, MeetingAction } from "./governance.types.ts";
import { checkDateInput } from "./governance.validation.ts";
import { meetingAndGroup, meetingToChange } from "./meeting.service.ts";

// The action log: actions agreed at a meeting, each with an owner (a person, an organisation or
// both) and a due date. Open actions come back as matters arising at every later meeting of the
// group until closed. An action can be promoted into a route-map action (a draft edition item):
// the action keeps the item's key, which stays the same in every later edition.

export interface ActionInput {
  text: Submitted;
  /** The agenda item it came from (its id), if any. */
  agendaItemId?: Submitted;
  ownerPerson?: Submitted;
  ownerOrganisation?: Submitted;
  dueDate?: DateInput | undefined;
}

async function checkAction(trx: Trx, meetingId: number, input: ActionInput) {
  const errors: FieldErrors = {};
  const text = checkText(errors, "text", input.text, paragraph("action"));
  const ownerPerson = checkText(errors, "ownerPerson", input.ownerPerson, short("owner's name", optional));
  const ownerOrganisation = checkText(
    errors,
    "ownerOrganisation",
    input.ownerOrganisation,
    short("owning organisation", optional),
  );
  const dueDate = checkDateInput(errors, "dueDate", input.dueDate, { what: "due date", required: false });
  let agendaItemId: number | null = null;
  if (clean(input.agendaItemId) !== "") {
    const id = parseId(clean(input.agendaItemId));
    const item = id === null ? undefined : await repo.findItem(trx, id);
    if (!item || item.meetingId !== meetingId)
      errors.agendaItemId = "Choose an item of this meeting's agenda";
    else agendaItemId = item.id;
  }
  throwIfInvalid(errors);
  return { text, ownerPerson, ownerOrganisation, dueDate, agendaItemId };
}

async function owners(
  trx: Trx,
  actor: Actor,
  groupId: number,
  names: { ownerPerson: string; ownerOrganisation: string },
) {
  const scope = { groupId };
  const organisation =
    names.ownerOrganisation === ""
      ? null
      : (await findOrCreateOrganisation(trx, actor, { name: names.ownerOrganisation }, scope)).organisation;
  const person =
    names.ownerPerson === ""
      ? null
      : (
          await findOrCreatePerson(
            trx,
            actor,
            { name: names.ownerPerson, organisationId: organisation?.id ?? null },
            scope,
          )
        ).person;
  return { owner_person_id: person?.id ?? null, owner_organisation_id: organisation?.id ?? null };
}

/** Records an action agreed at a meeting (needs group.manage for its group). Returns its id. */
export async function addAction(
  trx: Trx,
  actor: Actor,
  meetingId: number,
  input: ActionInput,
): Promise<number> {
  const { group } = await meetingToChange(trx, actor, meetingId);
  const values = await checkAction(trx, meetingId, input);
  const id = await repo.insertAction(trx, {
    meeting_id: meetingId,
    agenda_item_id: values.agendaItemId,
    text: values.text,
    due_date: values.dueDate,
    ...(await owners(trx, actor, group.id, values)),
  });
  await recordAudit(trx, actor, {
    action: "action.add",
    entityType: "meeting_action",
    entityId: id,
    after: values,
  });
  return id;
}

async function actionToChange(trx: Trx, actor: Actor, actionId: number) {
  const action = await repo.findAction(trx, actionId);
  if (!action) throw new NotFoundError("There is no such action.");
  const found = await meetingToChange(trx, actor, action.meetingId);
  return { action, ...found };
}

/** Changes an action's text, owner, due date or agenda item. */
export async function updateAction(
  trx: Trx,
  actor: Actor,
  actionId: number,
  input: ActionInput,
): Promise<void> {
  const { action, group } = await actionToChange(trx, actor, actionId);
  const values = await checkAction(trx, action.meetingId, input);
  await repo.updateAction(trx, actionId, {
    agenda_item_id: values.agendaItemId,
    text: values.text,
    due_date: values.dueDate,
    ...(await owners(trx, actor, group.id, values)),
  });
  await recordAudit(trx, actor, {
    action: "action.update",
    entityType: "meeting_action",
    entityId: actionId,
    before: action,
    after: values,
  });
}

/** Closes an action (it stops coming back as a matter arising), or opens it again. */
export async function setActionStatus(
  trx: Trx,
  actor: Actor,
  actionId: number,
  input: { status: "open" | "closed"; closedOn?: DateInput | undefined },
): Promise<void> {
  const { action } = await actionToChange(trx, actor, actionId);
  const errors: FieldErrors = {};
  let closedOn: string | null = null;
  if (input.status === "closed") {
    closedOn =
      checkDateInput(errors, "closedOn", input.closedOn, { what: "date it was closed", required: false }) ??
      new Date().toISOString().slice(0, 10);
    if (!errors.closedOn && closedOn < action.meetingDate)
      errors.closedOn = "An action cannot be closed before the meeting that agreed it";
  }
  throwIfInvalid(errors);
  await repo.updateAction(trx, actionId, { status: input.status, closed_on: closedOn });
  await recordAudit(trx, actor, {
    action: input.status === "closed" ? "action.close" : "action.reopen",
    entityType: "meeting_action",
    entityId: actionId,
    before: { status: action.status, closedOn: action.closedOn },
    after: { status: input.status, closedOn },
  });
}

/** Removes an action entered by mistake. */
export async function removeAction(trx: Trx, actor: Actor, actionId: number): Promise<void> {
  const { action } = await actionToChange(trx, actor, actionId);
  await repo.deleteAction(trx, actionId);
  await recordAudit(trx, actor, {
    action: "action.remove",
    entityType: "meeting_action",
    entityId: actionId,
    before: action,
  });
}

/** A group's open actions, oldest first (needs group.read_private: the log of work in progress). */
export async function listOpenActions(db: Db, actor: Actor, groupId: number): Promise<MeetingAction[]> {
  authorize(actor, "group.read_private", { groupId });
  return repo.listOpenActions(db, groupId);
}

/**
 * Promotes an action into a route-map action: adds it to the route map's draft edition (starting
 * one from the latest published edition if there is none), and links the two. Needs group.manage
 * for the group and route_map.edit. Returns the draft edition's id.
 */
export async function promoteAction(
  trx: Trx,
  actor: Actor,
  actionId: number,
  input: { themeSlug: Submitted },
): Promise<{ editionId: number; itemId: number }> {
  const { action } = await actionToChange(trx, actor, actionId);
  authorize(actor, "route_map.edit");
  if (action.routeMapItem) throw new ConflictError("This action is already a route-map action.");
  const themeSlug = clean(input.themeSlug);
  const theme = isSlug(themeSlug) ? await routeMaps.findThemeName(trx, themeSlug) : undefined;
  if (!theme) throw new ValidationError({ themeSlug: "Choose the route map to add the action to" });
  const { editionId } = await startDraft(trx, actor, { themeSlug });
  const version = await routeMaps.findEditionVersion(trx, editionId);
  if (version === undefined) throw new NotFoundError("The route map's draft edition could not be found.");
  const { itemId } = await addItem(trx, actor, {
    editionId,
    version,
    section: "action",
    text: action.text,
  });
  const key = (await routeMaps.findItemKey(trx, editionId, itemId)) ?? null;
  await repo.updateAction(trx, actionId, { edition_item_id: itemId, edition_item_key: key });
  await recordAudit(trx, actor, {
    action: "action.promote",
    entityType: "meeting_action",
    entityId: actionId,
    after: { editionId, itemId, key },
  });
  return { editionId, itemId };
}

/** The route maps an action may be promoted into (for whoever may edit route maps), by name. */
export async function routeMapsForPromotion(db: Db, actor: Actor): Promise<{ slug: string; name: string }[]> {
  if (!can(actor, "route_map.edit")) return [];
  return (await routeMaps.listThemeNames(db)).map((t) => ({ slug: t.slug, name: t.name }));
}

/** The meeting actions promoted into a route-map item (by its key, the same in every edition). */
export async function actionsForRouteMapItem(db: Db, actor: Actor, key: string): Promise<MeetingAction[]> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(key)) return [];
  const actions = await repo.listActionsForItemKey(db, key);
  const visible: MeetingAction[] = [];
  for (const action of actions) {
    const { meeting, group } = await meetingAndGroup(db, action.meetingId);
    if (meeting.minutesStatus === "published" || can(actor, "group.read_private", { groupId: group.id }))
      visible.push(action);
  }
  return visible;
}
