import { fullDate } from "../../../platform/dates.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { notificationBanner } from "../../../platform/views/components/notification-banner.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { paragraphs } from "../../../platform/views/text.ts";
import { manageMeetingPath, meetingPath, paperFilePath } from "../governance.paths.ts";
import type { AgendaItem, Attendance, Meeting, MeetingAction } from "../governance.types.ts";
import { MINUTES_STATUS_LABELS } from "../governance.types.ts";
import { meetingWhen } from "./format.ts";

// A meeting's minutes, laid out the way the group's own published minutes are: attendees and
// apologies with their organisations (co-chairs marked), the items with their minute, discussion
// points, decisions and actions, matters arising, and the next meeting.

export function minutesTitle(meeting: Meeting): string {
  return `${meeting.group.name} minutes: ${fullDate(meeting.date)}`;
}

function attendee(a: Attendance): SafeHtml {
  const name = a.coChair ? `${a.person.name} (Co-Chair)` : a.person.name;
  const organisation = a.organisation ? `, ${a.organisation.name}` : "";
  if (a.status === "deputised" && a.deputisedBy)
    return html`<li>${name}${organisation}: ${a.deputisedBy.name} attended as deputy</li>`;
  return html`<li>${name}${organisation}</li>`;
}

function attendance(meeting: Meeting): SafeHtml {
  const present = meeting.attendance.filter((a) => a.status !== "apologies");
  const apologies = meeting.attendance.filter((a) => a.status === "apologies");
  if (meeting.attendance.length === 0) return html`<p>No attendance has been recorded.</p>`;
  return html`${present.length > 0 ? html`<ul>${present.map(attendee)}</ul>` : ""}
  ${apologies.length > 0 ? html`<h3>Apologies</h3><ul>${apologies.map(attendee)}</ul>` : ""}`;
}

function owner(action: MeetingAction): string {
  const who = [action.ownerPerson?.name, action.ownerOrganisation?.name].filter(Boolean).join(", ");
  return who;
}

export function actionText(action: MeetingAction): SafeHtml {
  const details = [
    owner(action) ? `Owner: ${owner(action)}` : "",
    action.dueDate ? `due ${fullDate(action.dueDate)}` : "",
    action.status === "closed" ? `closed${action.closedOn ? ` ${fullDate(action.closedOn)}` : ""}` : "",
  ].filter(Boolean);
  return html`${action.text}${details.length > 0 ? html` <span class="wm-action-details">(${details.join("; ")})</span>` : ""}`;
}

function item(agendaItem: AgendaItem, groupSlug: string): SafeHtml {
  return html`<h3>${agendaItem.title}</h3>
  ${
    agendaItem.papers.length > 0
      ? html`<p>Papers:</p><ul>${agendaItem.papers.map(
          (p) =>
            html`<li>${p.url ? html`<a href="${p.url}">${p.title}</a>` : p.title}${p.reference ? ` (${p.reference})` : ""}${
              p.fileName
                ? html`: <a href="${paperFilePath(groupSlug, p.id)}" download>download ${p.fileName}</a>`
                : ""
            }</li>`,
        )}</ul>`
      : ""
  }
  ${paragraphs(agendaItem.notes)}
  ${
    agendaItem.discussionPoints.length > 0
      ? html`<p>The following points were made in discussion:</p>
  <ul>${agendaItem.discussionPoints.map((point) => html`<li>${point}</li>`)}</ul>`
      : ""
  }
  ${
    agendaItem.decisions.length > 0
      ? html`<p>Decisions:</p><ul>${agendaItem.decisions.map((d) => html`<li>${d}</li>`)}</ul>`
      : ""
  }
  ${
    agendaItem.actions.length > 0
      ? html`<p>Actions:</p><ul>${agendaItem.actions.map((a) => html`<li>${actionText(a)}</li>`)}</ul>`
      : ""
  }`;
}

export function minutesView(meeting: Meeting, options: { canManage: boolean }): SafeHtml {
  const published = meeting.minutesStatus === "published";
  return html`${pageHeader({
    label: "Minutes",
    title: minutesTitle(meeting),
    metadata: [
      { key: "Date of meeting", value: fullDate(meeting.date) },
      ...(meeting.publishedOn ? [{ key: "Published", value: fullDate(meeting.publishedOn) }] : []),
      ...(meeting.nextMeeting
        ? [{ key: "Date of next meeting", value: fullDate(meeting.nextMeeting.date) }]
        : []),
    ],
  })}
  ${
    published
      ? ""
      : notificationBanner(
          html`These minutes are ${MINUTES_STATUS_LABELS[meeting.minutesStatus].toLowerCase()}: they are not public yet.`,
          { title: "Not published" },
        )
  }
  ${options.canManage ? html`<p><a class="ds_button ds_button--secondary" href="${manageMeetingPath(meeting.id)}">Manage this meeting</a></p>` : ""}
  <p>Minutes from the meeting of the group held on ${meetingWhen(meeting)}.</p>
  <p>Download these minutes <a href="${meetingPath(meeting.group.slug, meeting.id)}/minutes.docx">as a Word document</a> or <a href="${meetingPath(meeting.group.slug, meeting.id)}/minutes.html">as a web page</a>.</p>
  ${
    meeting.minutesStatus !== "draft"
      ? html`<p>${
          meeting.agreedAt
            ? html`These minutes were agreed at the ${
                meeting.agreedAt.minutesStatus === "published"
                  ? html`<a href="${meetingPath(meeting.group.slug, meeting.agreedAt.id)}">meeting on ${fullDate(meeting.agreedAt.date)}</a>`
                  : `meeting on ${fullDate(meeting.agreedAt.date)}`
              }.`
            : "These minutes were agreed by the group."
        }${meeting.amendments ? html` Amendments: ${meeting.amendments}` : ""}</p>`
      : ""
  }
  <h2>Attendees and apologies</h2>
  ${attendance(meeting)}
  ${
    meeting.mattersArising.length > 0
      ? html`<h2>Matters arising</h2>
  <p>Actions from earlier meetings that were still open:</p>
  <ul>${meeting.mattersArising.map((a) => html`<li>${actionText(a)} <span class="wm-action-details">(from ${fullDate(a.meetingDate)})</span></li>`)}</ul>`
      : ""
  }
  <h2>Items and actions</h2>
  ${meeting.items.length === 0 ? html`<p>No items have been recorded.</p>` : meeting.items.map((i) => item(i, meeting.group.slug))}
  ${
    meeting.otherActions.length > 0
      ? html`<h2>Other actions</h2><ul>${meeting.otherActions.map((a) => html`<li>${actionText(a)}</li>`)}</ul>`
      : ""
  }
  <h2>Date of next meeting</h2>
  <p>${
    meeting.nextMeeting
      ? `The group's next meeting is on ${meetingWhen(meeting.nextMeeting)}.`
      : "The date of the next meeting has not been set."
  }</p>`;
}
