import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Trx } from "../../platform/database.ts";
import { type FieldErrors, ValidationError } from "../../platform/errors.ts";
import { checkText, clean, type Submitted, short } from "../../platform/validation.ts";
import { findOrCreateOrganisation, findOrganisationByName } from "../organisations/organisation.service.ts";
import { findOrCreatePerson, findPersonByName } from "../people/person.service.ts";
import type { AttendanceStatus } from "./governance.types.ts";
import { ATTENDANCE_STATUSES } from "./governance.types.ts";
import { checkChoice, checkFlag } from "./governance.validation.ts";
import * as repo from "./meeting.repository.ts";
import { meetingToChange, refuseIfMinutesFixed } from "./meeting.service.ts";

// Who came to a meeting: one row per person, in the order the minutes list them, with the
// organisation they came for, whether they were present, sent apologies or sent a deputy, and
// whether they chaired. People and organisations are found by name, and added when new.

export interface AttendanceInput {
  person: Submitted;
  organisation?: Submitted;
  /** present (the default), apologies or deputised. */
  status?: Submitted;
  /** Who came in their place, when the status is "deputised". */
  deputisedBy?: Submitted;
  coChair?: Submitted | boolean;
}

/** Field names for row n (1-based) of the attendance form. */
export const attendanceField = (
  n: number,
  name: "person" | "organisation" | "status" | "deputisedBy" | "coChair",
) => `${name}-${n}`;

interface CheckedRow {
  n: number;
  person: string;
  organisation: string;
  status: AttendanceStatus;
  deputisedBy: string;
  coChair: boolean;
}

function checkRows(rows: AttendanceInput[], errors: FieldErrors): CheckedRow[] {
  const checked: CheckedRow[] = [];
  const seen = new Map<string, number>();
  for (const [index, row] of rows.entries()) {
    const n = index + 1;
    const person = clean(row.person);
    const rest = [row.organisation, row.deputisedBy].map(clean).join("");
    if (person === "") {
      // A blank row is skipped; a row with only an organisation or a deputy is a mistake.
      if (rest !== "") errors[attendanceField(n, "person")] = `Enter the name of the person in row ${n}`;
      continue;
    }
    checkText(errors, attendanceField(n, "person"), person, short(`name in row ${n}`));
    const organisation = checkText(
      errors,
      attendanceField(n, "organisation"),
      row.organisation,
      short(`organisation in row ${n}`, { required: false }),
    );
    const status =
      clean(row.status) === ""
        ? "present"
        : (checkChoice(
            errors,
            attendanceField(n, "status"),
            row.status,
            ATTENDANCE_STATUSES,
            `Choose present, apologies or sent a deputy in row ${n}`,
          ) ?? "present");
    const deputisedBy = clean(row.deputisedBy);
    if (status === "deputised" && deputisedBy === "")
      errors[attendanceField(n, "deputisedBy")] = `Enter who came in place of ${person} (row ${n})`;
    if (status !== "deputised" && deputisedBy !== "")
      errors[attendanceField(n, "status")] =
        `Choose "sent a deputy" for ${person} (row ${n}), or leave the deputy empty`;
    if (deputisedBy !== "" && deputisedBy.toLowerCase() === person.toLowerCase())
      errors[attendanceField(n, "deputisedBy")] = `${person} cannot deputise for themselves (row ${n})`;
    const key = person.toLowerCase().replace(/\s+/g, " ");
    const earlier = seen.get(key);
    if (earlier !== undefined)
      errors[attendanceField(n, "person")] =
        `${person} is listed twice, in rows ${earlier} and ${n}: keep one row`;
    else seen.set(key, n);
    checked.push({ n, person, organisation, status, deputisedBy, coChair: checkFlag(row.coChair) });
  }
  return checked;
}

/**
 * Records a meeting's attendance, replacing what was recorded before (needs group.manage for its
 * group; the minutes must still be a draft). Blank rows are skipped. Refused as a whole, naming
 * each row's field, for a person listed twice, a deputised row without a deputy, or a deputy sent
 * by someone who is not a member of the group.
 */
export async function recordAttendance(
  trx: Trx,
  actor: Actor,
  meetingId: number,
  rows: AttendanceInput[],
): Promise<number> {
  const { meeting, group } = await meetingToChange(trx, actor, meetingId);
  refuseIfMinutesFixed(meeting);
  const errors: FieldErrors = {};
  const checked = checkRows(rows, errors);
  if (checked.length === 0 && Object.keys(errors).length === 0)
    errors[attendanceField(1, "person")] = "Enter at least one person who attended or sent apologies";

  const members = await repo.memberPersonIds(trx, group.id);
  for (const row of checked.filter((r) => r.status === "deputised")) {
    const person = await findPersonByName(trx, row.person);
    if (!person || !members.has(person.id))
      errors[attendanceField(row.n, "status")] =
        `${row.person} is not a member of ${group.name}, so cannot send a deputy (row ${row.n}). Add them as a member first`;
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);

  const scope = { groupId: group.id };
  const values = [];
  for (const [position, row] of checked.entries()) {
    const organisation =
      row.organisation === ""
        ? null
        : ((await findOrganisationByName(trx, row.organisation)) ??
          (await findOrCreateOrganisation(trx, actor, { name: row.organisation }, scope)).organisation);
    const { person } = await findOrCreatePerson(
      trx,
      actor,
      { name: row.person, organisationId: organisation?.id ?? null },
      scope,
    );
    const deputy =
      row.deputisedBy === ""
        ? null
        : (
            await findOrCreatePerson(
              trx,
              actor,
              { name: row.deputisedBy, organisationId: organisation?.id ?? null },
              scope,
            )
          ).person;
    values.push({
      person_id: person.id,
      organisation_id: organisation?.id ?? null,
      status: row.status,
      deputised_by_id: deputy?.id ?? null,
      co_chair: row.coChair,
      position: position + 1,
    });
  }
  // Two names that differ only in spacing or case are one person: caught here, after matching.
  const ids = values.map((v) => v.person_id);
  const twice = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (twice >= 0) {
    const row = checked[twice] as CheckedRow;
    throw new ValidationError({
      [attendanceField(row.n, "person")]: `${row.person} is listed twice: keep one row`,
    });
  }
  const before = await repo.listAttendance(trx, meetingId);
  await repo.replaceAttendance(trx, meetingId, values);
  await recordAudit(trx, actor, {
    action: "meeting.attendance",
    entityType: "meeting",
    entityId: meetingId,
    before: before.map((a) => ({ personId: a.person.id, status: a.status })),
    after: values.map((v) => ({ personId: v.person_id, status: v.status })),
  });
  return values.length;
}
