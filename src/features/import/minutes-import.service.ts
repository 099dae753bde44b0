import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Db, Trx } from "../../platform/database.ts";
import { ValidationError } from "../../platform/errors.ts";
import { authorize } from "../../platform/security/authorize.ts";
import { addAgendaItem } from "../governance/agenda.service.ts";
import { type AttendanceInput, recordAttendance } from "../governance/attendance.service.ts";
import type { GroupSummary } from "../governance/governance.types.ts";
import { createGroup, listGroups } from "../governance/group.service.ts";
import { planMeeting, setNextMeeting } from "../governance/meeting.service.ts";
import * as repo from "./import.repository.ts";
import { type NameIndex, type NearMatch, organisationsIndex, peopleIndex } from "./import-matching.ts";
import { foldName, nearName } from "./import-names.ts";
import type { MinutesResult } from "./minutes.types.ts";

// Imported minutes become a meeting of their group, held, with draft minutes: attendance (people
// and organisations matched by name, or added), agenda items with their minute, discussion points
// and decisions, and the next meeting planned. All through the governance services, so the same
// rules and audit apply as to a secretary typing them in. Nothing is saved unless all of it is.

export interface MinutesPlan {
  /** The group; when it is to be created (newGroup), a stand-in with id 0 until it is. */
  group: GroupSummary;
  /** The name of a group the import will create, as the minutes print it; null: it exists. */
  newGroup: string | null;
  meetingDate: string;
  /** A meeting of the group on that date already: nothing will be changed. */
  existingMeetingId: number | null;
  people: { name: string; matched: boolean }[];
  organisations: { name: string; matched: boolean }[];
  nearMatches: NearMatch[];
  /** Agenda items as they will be recorded. */
  items: { title: string; notes: string; discussionPoints: string[]; decisions: string[] }[];
  attendance: AttendanceInput[];
  warnings: string[];
}

export interface MinutesImportOptions {
  /** The group's slug, when the title does not name it as Waymark does. */
  groupSlug?: string | undefined;
  /** Printed name (folded) → existing name, confirmed to be the same record. */
  confirmed?: Map<string, string> | undefined;
  /** No group has the name the minutes print: create it (needs group.create) rather than refuse. */
  createGroup?: boolean | undefined;
}

/**
 * The minutes name a group Waymark does not have (exactly). `name` is the name they print; a
 * near-match is offered (to choose instead), never taken silently.
 */
export class MissingGroupError extends ValidationError {
  readonly groupName: string;
  readonly nearest: GroupSummary | null;
  constructor(groupName: string, nearest: GroupSummary | null, message: string) {
    super({ group: message }, message);
    this.groupName = groupName;
    this.nearest = nearest;
  }
}

const MAX_NOTES = 10_000;

/** The group the minutes are of: by slug if given, else by the name the title prints. */
export async function findMinutesGroup(
  db: Db,
  parsed: MinutesResult,
  groupSlug: string | undefined,
): Promise<GroupSummary> {
  const groups = await listGroups(db);
  if (groupSlug) {
    const group = groups.find((g) => g.slug === groupSlug);
    if (!group) throw new ValidationError({ group: `There is no group at the address “${groupSlug}”.` });
    return group;
  }
  const names = [
    parsed.groupQualifier && parsed.groupName ? `${parsed.groupQualifier} ${parsed.groupName}` : null,
    parsed.groupName,
  ].filter((n): n is string => n !== null);
  if (names.length === 0) {
    throw new ValidationError(
      { group: "The minutes do not name their group." },
      "The minutes do not name their group: choose the group (--group <address>).",
    );
  }
  for (const name of names) {
    const found = groups.find((g) => foldName(g.name) === foldName(name));
    if (found) return found;
  }
  const near = groups.find((g) => names.some((n) => nearName(g.name, n)));
  const printed = names.at(-1)!;
  const message = near
    ? `There is no group called “${printed}”; the nearest is “${near.name}” (${near.slug}). If that is the one, choose it (--group ${near.slug}); if not, create the group (--create-group).`
    : `There is no group called “${printed}”. Choose the group it is (--group <address>), or create it (--create-group).`;
  throw new MissingGroupError(printed, near ?? null, message);
}

/** A stand-in for a group the import will create: shown on the review, never saved as it is. */
function groupToCreate(name: string): GroupSummary {
  return {
    id: 0,
    slug: "",
    name,
    remit: "",
    priorities: "",
    parent: null,
    portfolio: "",
    startDate: null,
    reviewDate: null,
    endDate: null,
    status: "active",
    version: 0,
  };
}

/** The minutes' group, or a stand-in for the one to create when that was asked for and may be done. */
async function groupForPlan(
  db: Db,
  actor: Actor,
  parsed: MinutesResult,
  options: MinutesImportOptions,
): Promise<{ group: GroupSummary; newGroup: string | null }> {
  try {
    const group = await findMinutesGroup(db, parsed, options.groupSlug);
    authorize(actor, "group.manage", { groupId: group.id });
    return { group, newGroup: null };
  } catch (error) {
    if (!(error instanceof MissingGroupError) || !options.createGroup) throw error;
    authorize(actor, "group.create");
    return { group: groupToCreate(error.groupName), newGroup: error.groupName };
  }
}

/** Creates the group planned (inside the import's transaction), so the meeting can be saved in it. */
export async function createPlannedGroup(trx: Trx, actor: Actor, plan: MinutesPlan): Promise<MinutesPlan> {
  if (plan.newGroup === null) return plan;
  const group = await createGroup(trx, actor, { name: plan.newGroup });
  return { ...plan, group, newGroup: null };
}

function clipNotes(text: string, title: string, warnings: string[]): string {
  if (text.length <= MAX_NOTES) return text;
  warnings.push(
    `The minute of “${title}” is longer than ${MAX_NOTES} characters and was shortened; check it.`,
  );
  return `${text.slice(0, MAX_NOTES - 1)}…`;
}

function agendaItems(parsed: MinutesResult, warnings: string[]): MinutesPlan["items"] {
  const items: MinutesPlan["items"] = (parsed.items ?? []).map((item) => ({
    title: item.title.slice(0, 200),
    notes: clipNotes(item.text.filter((t) => !t.startsWith("• ")).join("\n\n"), item.title, warnings),
    discussionPoints: item.points.slice(0, 100),
    decisions: item.decisions.slice(0, 100),
  }));
  // Next steps and any other business are items of the meeting too, as the minutes print them.
  for (const [title, text] of [
    ["Next steps", parsed.nextSteps],
    ["Any other business", parsed.otherBusiness],
  ] as const) {
    if (text && text.length > 0) {
      const prose = text.filter((t) => !t.startsWith("• "));
      const points = text.filter((t) => t.startsWith("• ")).map((t) => t.slice(2));
      items.push({
        title,
        notes: clipNotes(prose.join("\n\n"), title, warnings),
        discussionPoints: points,
        decisions: [],
      });
    }
  }
  return items;
}

function attendanceRows(
  parsed: MinutesResult,
  people: NameIndex,
  organisations: NameIndex,
  plan: Pick<MinutesPlan, "people" | "organisations" | "nearMatches" | "warnings">,
): AttendanceInput[] {
  const rows: AttendanceInput[] = [];
  const seenOrganisations = new Set<string>();
  for (const entry of parsed.attendees ?? []) {
    const person = people.match(entry.name.slice(0, 200));
    plan.people.push({ name: person.name, matched: person.matched });
    if (person.near) plan.nearMatches.push(person.near);
    if (!person.matched) people.add(person.name);
    let organisation: string | undefined;
    if (entry.organisation) {
      const found = organisations.match(entry.organisation.slice(0, 200));
      organisation = found.name;
      if (!seenOrganisations.has(foldName(found.name))) {
        seenOrganisations.add(foldName(found.name));
        plan.organisations.push({ name: found.name, matched: found.matched });
        if (found.near) plan.nearMatches.push(found.near);
      }
      if (!found.matched) organisations.add(found.name);
    }
    if (entry.status === "deputised") {
      plan.warnings.push(
        `${entry.name} came as a deputy (${entry.note ?? "for a member"}); recorded as present: set who they deputised for by hand.`,
      );
    }
    rows.push({
      person: person.name,
      organisation,
      status: entry.status === "apologies" ? "apologies" : "present",
      coChair: entry.role !== null,
    });
  }
  return rows;
}

/** What importing these minutes would do, read from the database, changing nothing. */
export async function planMinutesImport(
  db: Db,
  actor: Actor,
  parsed: MinutesResult,
  options: MinutesImportOptions = {},
): Promise<MinutesPlan> {
  const { group, newGroup } = await groupForPlan(db, actor, parsed, options);
  if (!parsed.meetingDate) {
    throw new ValidationError(
      { meetingDate: "The minutes do not give the date of the meeting." },
      "The minutes do not give the date of the meeting, so they cannot become a meeting.",
    );
  }
  const warnings: string[] = [];
  const plan = { people: [], organisations: [], nearMatches: [], warnings } as Pick<
    MinutesPlan,
    "people" | "organisations" | "nearMatches" | "warnings"
  >;
  const attendance = attendanceRows(
    parsed,
    await peopleIndex(db, options.confirmed),
    await organisationsIndex(db, options.confirmed),
    plan,
  );
  return {
    ...plan,
    group,
    newGroup,
    meetingDate: parsed.meetingDate,
    existingMeetingId:
      newGroup === null ? ((await repo.findMeetingOn(db, group.id, parsed.meetingDate)) ?? null) : null,
    items: agendaItems(parsed, warnings),
    attendance,
  };
}

/** Saves planned minutes as a held meeting with draft minutes. Returns the meeting's id. */
export async function saveMinutes(
  trx: Trx,
  actor: Actor,
  parsed: MinutesResult,
  plan: MinutesPlan,
): Promise<number> {
  if (plan.newGroup !== null)
    throw new Error("saveMinutes: create the planned group first (createPlannedGroup)");
  const meetingId = await planMeeting(trx, actor, plan.group.id, {
    date: plan.meetingDate,
    status: "held",
  });
  if (plan.attendance.length > 0) await recordAttendance(trx, actor, meetingId, plan.attendance);
  for (const item of plan.items) {
    await addAgendaItem(trx, actor, meetingId, {
      title: item.title,
      notes: item.notes,
      discussionPoints: item.discussionPoints,
      decisions: item.decisions,
    });
  }
  const next = parsed.nextMeeting;
  if (next?.date && next.date > plan.meetingDate) {
    await setNextMeeting(trx, actor, meetingId, {
      date: next.date,
      startTime: next.startTime ?? undefined,
      endTime: next.endTime ?? undefined,
      place: next.place ?? undefined,
      online: next.online === true,
    });
  } else if (next) {
    plan.warnings.push("The next meeting's date could not be read, so it was not planned: plan it by hand.");
  }
  await recordAudit(trx, actor, {
    action: "meeting.import",
    entityType: "meeting",
    entityId: meetingId,
    after: {
      group: plan.group.slug,
      date: plan.meetingDate,
      attendance: plan.attendance.length,
      items: plan.items.length,
    },
  });
  return meetingId;
}
