import type { Actor } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";
import { NotFoundError } from "../../platform/errors.ts";
import { paperFilePath } from "../governance/governance.paths.ts";
import type { Meeting, MeetingAction, MeetingSummary } from "../governance/governance.types.ts";
import { getMeeting } from "../governance/meeting.service.ts";
import { minutesDocx } from "./minutes-docx.ts";
import { minutesHtml } from "./minutes-html.ts";
import type { MeetingTime, MinutesAction, MinutesDocument } from "./minutes-outline.ts";

// Minutes to download, read through the governance service with the asker's actor, so the same
// rule holds as on the minutes page: unpublished minutes are "not found" to anyone who may not read
// the group's private business. Downloads are made to be passed on, so they carry public papers
// only, whoever asks.

function action(a: MeetingAction): MinutesAction {
  return {
    text: a.text,
    owner: a.ownerPerson?.name ?? a.ownerOrganisation?.name ?? null,
    due: a.dueDate,
    status: a.status,
  };
}

function time(m: MeetingSummary): MeetingTime {
  return {
    date: m.date,
    startTime: m.startTime,
    endTime: m.endTime,
    place: m.place === "" ? null : m.place,
    online: m.online,
  };
}

/** The meeting's minutes as the downloads write them. */
export function toMinutesDocument(meeting: Meeting, url: string | null): MinutesDocument {
  const items = meeting.items.map((item) => ({
    title: item.title,
    notes: item.notes,
    discussionPoints: item.discussionPoints,
    decisions: item.decisions,
    actions: item.actions.map(action),
    papers: item.papers
      .filter((p) => p.public)
      .map((p) => ({
        title: p.title,
        reference: p.reference === "" ? null : p.reference,
        // Its web address, or else where its uploaded file downloads (beside the meeting's page).
        url: p.url ?? (p.fileName && url ? new URL(paperFilePath(meeting.group.slug, p.id), url).href : null),
      })),
  }));
  if (meeting.otherActions.length > 0)
    items.push({
      title: "Other actions",
      notes: "",
      discussionPoints: [],
      decisions: [],
      actions: meeting.otherActions.map(action),
      papers: [],
    });
  return {
    groupName: meeting.group.name,
    meeting: time(meeting),
    minutesStatus: meeting.minutesStatus,
    publishedDate: meeting.publishedOn,
    attendees: meeting.attendance.map((a) => ({
      name: a.person.name,
      organisation: a.organisation?.name ?? null,
      coChair: a.coChair,
      status: a.status,
      deputy: a.deputisedBy ? { name: a.deputisedBy.name, organisation: null } : null,
    })),
    items,
    mattersArising: meeting.mattersArising.map(action),
    nextMeeting: meeting.nextMeeting ? time(meeting.nextMeeting) : null,
    url,
  };
}

/** The meeting, checked to belong to the group in the address. */
async function meetingOf(db: Db, actor: Actor, groupSlug: string, meetingId: number): Promise<Meeting> {
  const meeting = await getMeeting(db, actor, meetingId);
  if (meeting.group.slug !== groupSlug) throw new NotFoundError("There is no such meeting.");
  return meeting;
}

export async function minutesAsDocx(
  db: Db,
  actor: Actor,
  groupSlug: string,
  meetingId: number,
  url: string,
): Promise<Buffer> {
  return minutesDocx(toMinutesDocument(await meetingOf(db, actor, groupSlug, meetingId), url));
}

export async function minutesAsHtml(
  db: Db,
  actor: Actor,
  groupSlug: string,
  meetingId: number,
  url: string,
): Promise<string> {
  return minutesHtml(toMinutesDocument(await meetingOf(db, actor, groupSlug, meetingId), url));
}
