import type { Actor } from "../../platform/actor.ts";
import { recordAudit, withoutVersion } from "../../platform/audit.ts";
import type { Db, Trx } from "../../platform/database.ts";
import { type FieldErrors, NotFoundError, StaleVersionError } from "../../platform/errors.ts";
import { authorize, can } from "../../platform/security/authorize.ts";
import { freeSlug, isSlug, slugify } from "../../platform/slugs.ts";
import {
  checkText,
  clean,
  optional,
  paragraph,
  refuse,
  type Submitted,
  short,
  throwIfInvalid,
} from "../../platform/validation.ts";
import type { DateInput, Group, GroupStatus, GroupSummary } from "./governance.types.ts";
import { GROUP_STATUSES } from "./governance.types.ts";
import { checkChoice, checkDateInput } from "./governance.validation.ts";
import * as repo from "./group.repository.ts";
import * as meetings from "./meeting.repository.ts";

// Governance groups: their details, for everyone to read, and their creation and changes, for
// those who may create groups or manage this one. Memberships are in membership.service.ts.

export interface GroupInput {
  name: Submitted;
  remit?: Submitted;
  priorities?: Submitted;
  /** The parent group's slug; empty for none. */
  parent?: Submitted;
  portfolio?: Submitted;
  startDate?: DateInput | undefined;
  reviewDate?: DateInput | undefined;
  endDate?: DateInput | undefined;
  status?: Submitted;
}

/** Every group, by name. Groups and their remits are public. */
export function listGroups(db: Db): Promise<GroupSummary[]> {
  return repo.listGroups(db);
}

/** A group by its address, or NotFoundError. */
export async function findGroup(db: Db, slug: string): Promise<GroupSummary> {
  const group = isSlug(slug) ? await repo.findGroupBySlug(db, slug) : undefined;
  if (!group) throw new NotFoundError("There is no group at this address.");
  return group;
}

/** A group by id, or NotFoundError. */
export async function findGroupById(db: Db, id: number): Promise<GroupSummary> {
  const group = await repo.findGroupById(db, id);
  if (!group) throw new NotFoundError("There is no such group.");
  return group;
}

/**
 * A group's page: details, sub-groups, members, and its meetings. The public and anyone who may
 * not read the group's private business see only meetings whose minutes are published.
 */
export async function getGroup(db: Db, actor: Actor, slug: string): Promise<Group> {
  const group = await findGroup(db, slug);
  const all = can(actor, "group.read_private", { groupId: group.id });
  const [children, members, meetingList] = await Promise.all([
    repo.listChildren(db, group.id),
    repo.listMemberships(db, group.id),
    meetings.listMeetings(db, group.id, { publishedOnly: !all }),
  ]);
  return { ...group, children, members, meetings: meetingList };
}

interface CheckedGroup {
  name: string;
  remit: string;
  priorities: string;
  parentId: number | null;
  portfolio: string;
  startDate: string | null;
  reviewDate: string | null;
  endDate: string | null;
  status: GroupStatus;
}

async function checkGroup(db: Db, input: GroupInput, groupId: number | null): Promise<CheckedGroup> {
  const errors: FieldErrors = {};
  const name = checkText(errors, "name", input.name, short("group's name"));
  const remit = checkText(errors, "remit", input.remit, paragraph("remit", optional));
  const priorities = checkText(errors, "priorities", input.priorities, paragraph("priorities", optional));
  const portfolio = checkText(errors, "portfolio", input.portfolio, short("portfolio", optional));
  const startDate = checkDateInput(errors, "startDate", input.startDate, {
    what: "start date",
    required: false,
  });
  const reviewDate = checkDateInput(errors, "reviewDate", input.reviewDate, {
    what: "review date",
    required: false,
  });
  const endDate = checkDateInput(errors, "endDate", input.endDate, { what: "end date", required: false });
  const status =
    clean(input.status) === ""
      ? "active"
      : checkChoice(errors, "status", input.status, GROUP_STATUSES, "Choose active, paused or ended");
  if (startDate && endDate && endDate < startDate && !errors.endDate)
    errors.endDate = "The end date must be the same as or after the start date";
  if (startDate && reviewDate && reviewDate < startDate && !errors.reviewDate)
    errors.reviewDate = "The review date must be after the start date";

  let parentId: number | null = null;
  const parentSlug = clean(input.parent);
  if (parentSlug !== "") {
    const parent = isSlug(parentSlug) ? await repo.findGroupBySlug(db, parentSlug) : undefined;
    if (!parent) refuse(errors, "parent", "Choose a parent group from the list");
    else if (
      groupId !== null &&
      (parent.id === groupId || (await repo.ancestorIds(db, parent.id)).includes(groupId))
    )
      refuse(errors, "parent", "A group cannot sit under itself or one of its own sub-groups");
    else parentId = parent.id;
  }
  throwIfInvalid(errors);
  return {
    name,
    remit,
    priorities,
    parentId,
    portfolio,
    startDate,
    reviewDate,
    endDate,
    status: status ?? "active",
  };
}

function columns(group: CheckedGroup) {
  return {
    name: group.name,
    remit: group.remit,
    priorities: group.priorities,
    parent_id: group.parentId,
    portfolio: group.portfolio,
    start_date: group.startDate,
    review_date: group.reviewDate,
    end_date: group.endDate,
    status: group.status,
  };
}

/** Creates a group (needs group.create); its address is made from its name. */
export async function createGroup(trx: Trx, actor: Actor, input: GroupInput): Promise<GroupSummary> {
  authorize(actor, "group.create");
  const checked = await checkGroup(trx, input, null);
  const slug = await freeSlug(slugify(checked.name), (s) => repo.slugTaken(trx, s));
  const id = await repo.insertGroup(trx, { slug, ...columns(checked) });
  const group = await findGroupById(trx, id);
  await recordAudit(trx, actor, {
    action: "group.create",
    entityType: "governance_group",
    entityId: id,
    after: withoutVersion(group),
  });
  return group;
}

/**
 * Changes a group's details (needs group.manage for it); its address stays the same. The form
 * was made from the group at `version`: if someone has saved since, nothing is saved
 * (StaleVersionError), so neither person's change silently overwrites the other's.
 */
export async function updateGroup(
  trx: Trx,
  actor: Actor,
  groupId: number,
  version: number,
  input: GroupInput,
): Promise<GroupSummary> {
  const before = await findGroupById(trx, groupId);
  authorize(actor, "group.manage", { groupId });
  await repo.lockGroup(trx, groupId);
  if (before.version !== version) throw new StaleVersionError();
  const checked = await checkGroup(trx, input, groupId);
  if (!(await repo.updateGroup(trx, groupId, version, columns(checked)))) throw new StaleVersionError();
  const after = await findGroupById(trx, groupId);
  await recordAudit(trx, actor, {
    action: "group.update",
    entityType: "governance_group",
    entityId: groupId,
    before: withoutVersion(before),
    after: withoutVersion(after),
  });
  return after;
}
