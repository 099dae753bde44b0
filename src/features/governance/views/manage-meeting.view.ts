import { fullDate } from "../../../platform/dates.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import type { FormState } from "../../../platform/http-forms.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { summaryList } from "../../../platform/views/components/summary-list.ts";
import {
  checkbox,
  date,
  errorOf,
  type FormContext,
  fieldId,
  formProblems,
  hintWith,
  longText,
  postForm,
  text,
  value,
} from "../../../platform/views/form-parts.ts";
import { button, hiddenField, notification, select } from "../../../platform/views/forms.ts";
import { manageGroupPath, manageMeetingPath, meetingPath } from "../governance.paths.ts";
import type { Meeting, MeetingSummary } from "../governance.types.ts";
import { MEETING_STATUS_LABELS, MEETING_STATUSES, MINUTES_STATUS_LABELS } from "../governance.types.ts";
import { meetingWhen } from "./format.ts";
import { actionsSection, agendaSection } from "./meeting-agenda.view.ts";

// Managing one meeting: its minutes' workflow, its details, attendance, agenda, actions and the
// next meeting. The agenda and actions are in meeting-agenda.view.ts.

export interface ManageMeetingModel {
  meeting: Meeting;
  /** The group's other meetings, for "agreed at". */
  groupMeetings: MeetingSummary[];
  /** Route maps an action may be promoted into: empty for whoever may not edit route maps. */
  routeMaps: { slug: string; name: string }[];
  csrfToken: string;
  saved?: string | undefined;
  state?: FormState | undefined;
}

const SAVED: Record<string, string> = {
  planned: "The meeting has been planned.",
  details: "The meeting's details have been saved.",
  attendance: "The attendance has been saved.",
  item: "The agenda item has been added.",
  "item-updated": "The agenda item has been saved.",
  "item-removed": "The agenda item has been removed.",
  "item-moved": "The agenda item has been moved.",
  action: "The action has been added.",
  "action-status": "The action has been updated.",
  "action-promoted": "The action has been added to the route map's draft edition.",
  next: "The next meeting has been set.",
  agreed: "The minutes have been marked as agreed.",
  published: "The minutes have been published. Anyone can now read them.",
  paper: "The paper has been updated.",
};

export function manageMeetingTitle(meeting: Meeting): string {
  return `${meeting.group.name}: meeting on ${fullDate(meeting.date)}`;
}

function minutesSection(model: ManageMeetingModel): SafeHtml {
  const { meeting, csrfToken, state } = model;
  const path = manageMeetingPath(meeting.id);
  if (meeting.minutesStatus === "published")
    return html`<p>The minutes were published on ${fullDate(meeting.publishedOn ?? meeting.date)}. <a href="${meetingPath(meeting.group.slug, meeting.id)}">Read the published minutes</a>.</p>`;
  if (meeting.minutesStatus === "agreed") {
    const context: FormContext = { name: "publish", csrfToken, state, dates: ["publishedOn"] };
    return html`<p>The minutes were agreed${meeting.agreedAt ? ` at the meeting on ${fullDate(meeting.agreedAt.date)}` : ""}.${meeting.amendments ? ` Amendments: ${meeting.amendments}` : ""}</p>
    <h3>Publish the minutes</h3>
    <p>Once published, anyone can read the minutes, with their attendees, items and actions. Private papers stay private.</p>
    ${postForm(
      `${path}/publish`,
      csrfToken,
      html`${formProblems(context)}
      ${date(context, "publishedOn", "Date of publication", "Leave empty for today")}
      ${button({ text: "Publish the minutes" })}`,
    )}`;
  }
  const context: FormContext = { name: "agree", csrfToken, state };
  const later = model.groupMeetings.filter((m) => m.date > meeting.date && m.status !== "cancelled");
  return html`<p>The minutes are a draft: only the group's secretariat and people who may read its private business can see them.</p>
  <h3>Agree the minutes</h3>
  <p>Minutes are agreed at a later meeting of the group. Agreed minutes can no longer be changed: note any amendments here.</p>
  ${postForm(
    `${path}/agree`,
    csrfToken,
    html`${formProblems(context)}
    ${select({
      id: fieldId(context, "agreedAt"),
      name: "agreedAt",
      label: "Agreed at the meeting on",
      placeholder: "Not at a meeting (agreed by correspondence)",
      value: value(context, "agreedAt"),
      error: errorOf(context, "agreedAt"),
      options: later.map((m) => ({ value: String(m.id), text: meetingWhen(m) })),
    })}
    ${longText(context, "amendments", "Amendments agreed", { hint: "Leave empty if there were none", rows: 3 })}
    ${button({ text: "Mark the minutes as agreed", variant: "secondary" })}`,
  )}`;
}

export function meetingInitial(meeting: MeetingSummary): Record<string, string> {
  return {
    date: meeting.date,
    startTime: meeting.startTime ?? "",
    endTime: meeting.endTime ?? "",
    place: meeting.place,
    online: meeting.online ? "yes" : "",
    status: meeting.status,
  };
}

function detailsSection(model: ManageMeetingModel): SafeHtml {
  const context: FormContext = {
    name: "meeting",
    csrfToken: model.csrfToken,
    state: model.state,
    initial: meetingInitial(model.meeting),
    dates: ["date"],
    showSaved: true,
    savedWords: {
      online: model.meeting.online ? "online" : "not online",
      status: MEETING_STATUS_LABELS[model.meeting.status],
    },
  };
  return postForm(
    manageMeetingPath(model.meeting.id),
    model.csrfToken,
    html`${formProblems(context)}${hiddenField("version", model.meeting.version)}
    ${date(context, "date", "Date of the meeting")}
    ${text(context, "startTime", "Start time", { hint: "For example, 15:05 or 3.05pm", width: "fixed-10" })}
    ${text(context, "endTime", "End time", { width: "fixed-10" })}
    ${text(context, "place", "Place", { width: "fluid-two-thirds" })}
    ${checkbox(context, "online", "The meeting is online")}
    ${select({
      id: fieldId(context, "status"),
      name: "status",
      label: "Status",
      hint: hintWith(context, "status"),
      value: value(context, "status"),
      error: errorOf(context, "status"),
      options: MEETING_STATUSES.map((s) => ({ value: s, text: MEETING_STATUS_LABELS[s] })),
    })}
    ${button({ text: "Save the meeting's details", variant: "secondary" })}`,
  );
}

function attendanceSection(meeting: Meeting): SafeHtml {
  const present = meeting.attendance.filter((a) => a.status !== "apologies").length;
  const apologies = meeting.attendance.length - present;
  return html`<p>${
    meeting.attendance.length === 0
      ? "No attendance has been recorded."
      : `${present} ${present === 1 ? "person" : "people"} attended; ${apologies} sent apologies.`
  }</p>
  ${
    meeting.minutesStatus === "draft"
      ? html`<p><a class="ds_button ds_button--secondary" href="${manageMeetingPath(meeting.id)}/attendance">Record attendance</a></p>`
      : ""
  }`;
}

function nextSection(model: ManageMeetingModel): SafeHtml {
  const { meeting } = model;
  const context: FormContext = {
    name: "next",
    csrfToken: model.csrfToken,
    state: model.state,
    dates: ["nextDate"],
  };
  return html`<p>${meeting.nextMeeting ? html`The next meeting is on <a href="${manageMeetingPath(meeting.nextMeeting.id)}">${meetingWhen(meeting.nextMeeting)}</a>.` : "The next meeting has not been set."}</p>
  ${postForm(
    `${manageMeetingPath(meeting.id)}/next`,
    model.csrfToken,
    html`${formProblems(context)}
    ${date(context, "nextDate", "Date of the next meeting")}
    ${text(context, "nextStartTime", "Start time", { width: "fixed-10" })}
    ${text(context, "nextEndTime", "End time", { width: "fixed-10" })}
    ${text(context, "nextPlace", "Place", { width: "fluid-two-thirds" })}
    ${checkbox(context, "nextOnline", "The next meeting is online")}
    ${button({ text: "Set the next meeting", variant: "secondary" })}`,
  )}`;
}

export function manageMeetingView(model: ManageMeetingModel): SafeHtml {
  const { meeting } = model;
  const saved = model.saved ? SAVED[model.saved] : undefined;
  // A refused one-button change (removing an agenda item someone has changed since…) says why here.
  const buttons: FormContext = { name: "button", csrfToken: model.csrfToken, state: model.state };
  return html`${formProblems(buttons)}
  ${pageHeader({ label: "Manage meeting", title: manageMeetingTitle(meeting) })}
  ${saved ? notification(saved) : ""}
  ${summaryList([
    { key: "Group", value: html`<a href="${manageGroupPath(meeting.group.slug)}">${meeting.group.name}</a>` },
    { key: "When and where", value: meetingWhen(meeting) },
    { key: "Status", value: MEETING_STATUS_LABELS[meeting.status] },
    { key: "Minutes", value: MINUTES_STATUS_LABELS[meeting.minutesStatus] },
  ])}
  <p><a href="${meetingPath(meeting.group.slug, meeting.id)}">See the minutes as they will be published</a></p>
  <h2 id="minutes">Minutes</h2>
  ${minutesSection(model)}
  <h2 id="attendance">Attendance</h2>
  ${attendanceSection(meeting)}
  <h2 id="agenda">Agenda</h2>
  ${agendaSection(model)}
  <h2 id="actions">Actions</h2>
  ${actionsSection(model)}
  <h2 id="next">Next meeting</h2>
  ${nextSection(model)}
  <h2 id="details">Details</h2>
  ${detailsSection(model)}`;
}
