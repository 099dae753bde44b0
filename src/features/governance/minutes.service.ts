import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Db, Trx } from "../../platform/database.ts";
import { fullDate } from "../../platform/dates.ts";
import { ConflictError, type FieldErrors, NotFoundError } from "../../platform/errors.ts";
import {
  checkText,
  clean,
  optional,
  paragraph,
  parseId,
  type Submitted,
  throwIfInvalid,
} from "../../platform/validation.ts";
import * as agenda from "./agenda.repository.ts";
import type { DateInput } from "./governance.types.ts";
import { checkDateInput } from "./governance.validation.ts";
import * as repo from "./meeting.repository.ts";
import { mayReadPrivate, meetingAndGroup, meetingToChange } from "./meeting.service.ts";

// The minutes workflow: draft → agreed (at a later meeting of the group, amendments noted) →
// published (with the date published). Only published minutes reach the public. Agreed minutes
// no longer change: amendments agreed with them are noted alongside.

export interface AgreeInput {
  /** The id of the later meeting at which the minutes were agreed; empty: agreed by correspondence. */
  agreedAt?: Submitted;
  amendments?: Submitted;
}

/** Marks a held meeting's draft minutes as agreed (needs group.manage for its group). */
export async function agreeMinutes(
  trx: Trx,
  actor: Actor,
  meetingId: number,
  input: AgreeInput,
): Promise<void> {
  const { meeting, group } = await meetingToChange(trx, actor, meetingId);
  if (meeting.minutesStatus !== "draft")
    throw new ConflictError(`The minutes of this meeting are already ${meeting.minutesStatus}.`);
  const errors: FieldErrors = {};
  if (meeting.status !== "held")
    errors.agreedAt =
      "Only the minutes of a meeting that was held can be agreed: mark the meeting as held first";
  const amendments = checkText(errors, "amendments", input.amendments, paragraph("amendments", optional));
  let agreedAtId: number | null = null;
  if (clean(input.agreedAt) !== "" && !errors.agreedAt) {
    const id = parseId(clean(input.agreedAt));
    const later = id === null ? undefined : await repo.findMeetingSummary(trx, id);
    if (!later || later.groupId !== group.id) errors.agreedAt = "Choose one of this group's meetings";
    else if (later.date <= meeting.date)
      errors.agreedAt = `Minutes are agreed at a later meeting: choose one after ${fullDate(meeting.date)}`;
    else if (later.status === "cancelled") errors.agreedAt = "That meeting was cancelled: choose another";
    else agreedAtId = later.id;
  }
  throwIfInvalid(errors);
  await repo.updateMeeting(trx, meetingId, {
    minutes_status: "agreed",
    agreed_at_meeting_id: agreedAtId,
    amendments,
  });
  await recordAudit(trx, actor, {
    action: "minutes.agree",
    entityType: "meeting",
    entityId: meetingId,
    before: { minutesStatus: meeting.minutesStatus },
    after: { minutesStatus: "agreed", agreedAtMeetingId: agreedAtId, amendments },
  });
}

/** Publishes agreed minutes (needs group.manage for the group): from now on they are public. */
export async function publishMinutes(
  trx: Trx,
  actor: Actor,
  meetingId: number,
  input: { publishedOn?: DateInput | undefined },
): Promise<void> {
  const { meeting } = await meetingToChange(trx, actor, meetingId);
  if (meeting.minutesStatus === "published") throw new ConflictError("These minutes are already published.");
  const errors: FieldErrors = {};
  if (meeting.minutesStatus !== "agreed")
    errors.publishedOn = "The minutes must be agreed before they are published";
  const publishedOn =
    checkDateInput(errors, "publishedOn", input.publishedOn, {
      what: "date of publication",
      required: false,
    }) ?? new Date().toISOString().slice(0, 10);
  if (!errors.publishedOn && publishedOn < meeting.date)
    errors.publishedOn = `Minutes cannot be published before the meeting, on ${fullDate(meeting.date)}`;
  throwIfInvalid(errors);
  await repo.updateMeeting(trx, meetingId, { minutes_status: "published", published_on: publishedOn });
  await recordAudit(trx, actor, {
    action: "minutes.publish",
    entityType: "meeting",
    entityId: meetingId,
    before: { minutesStatus: meeting.minutesStatus },
    after: { minutesStatus: "published", publishedOn },
  });
}

/**
 * A paper's file. Not found to anyone who may not read the group's private business unless the
 * paper is public and the minutes are published. `forAnyone`: the public may have it too (so it
 * may be cached publicly); `groupSlug`: the group it belongs to, for its address.
 */
export async function getPaperFile(
  db: Db,
  actor: Actor,
  paperId: number,
): Promise<{
  fileName: string;
  mediaType: string;
  content: Uint8Array;
  groupSlug: string;
  forAnyone: boolean;
}> {
  const paper = await agenda.findPaper(db, paperId);
  if (!paper) throw new NotFoundError("There is no such paper.");
  const { meeting, group } = await meetingAndGroup(db, paper.meetingId);
  const forAnyone = paper.public && meeting.minutesStatus === "published";
  const visible = forAnyone || mayReadPrivate(actor, group.id);
  const file = visible ? await agenda.paperFile(db, paperId) : undefined;
  if (!file) throw new NotFoundError("There is no such paper.");
  return { ...file, groupSlug: group.slug, forAnyone };
}
