import { fullDate } from "../../../platform/dates.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import type { FormState } from "../../../platform/http-forms.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { table } from "../../../platform/views/components/table.ts";
import { tag } from "../../../platform/views/components/tag.ts";
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
import { groupPath, manageActionLogPath, manageGroupPath, manageMeetingPath } from "../governance.paths.ts";
import type { Group, GroupSummary } from "../governance.types.ts";
import {
  GROUP_STATUS_LABELS,
  GROUP_STATUSES,
  MEETING_STATUS_LABELS,
  MEMBERSHIP_ROLES,
  MINUTES_STATUS_LABELS,
  ROLE_LABELS,
} from "../governance.types.ts";
import { meetingWhen } from "./format.ts";

// Managing a group: its details (also the "new group" form), its members, and its meetings.

export const GROUP_DATES = ["startDate", "reviewDate", "endDate"] as const;
export const MEMBER_DATES = ["fromDate", "toDate"] as const;
export const MEETING_DATES = ["date"] as const;

export function groupInitial(group: GroupSummary): Record<string, string> {
  return {
    name: group.name,
    remit: group.remit,
    priorities: group.priorities,
    parent: group.parent?.slug ?? "",
    portfolio: group.portfolio,
    status: group.status,
    startDate: group.startDate ?? "",
    reviewDate: group.reviewDate ?? "",
    endDate: group.endDate ?? "",
  };
}

/** The details form; changing a group's details carries the version they were shown at. */
export function groupForm(
  context: FormContext,
  options: { action: string; parents: GroupSummary[]; submit: string; version?: number },
): SafeHtml {
  return postForm(
    options.action,
    context.csrfToken,
    html`${formProblems(context)}${options.version === undefined ? "" : hiddenField("version", options.version)}
    ${text(context, "name", "Name of the group", { width: "fluid-two-thirds" })}
    ${longText(context, "remit", "Remit", { hint: "What the group is for, and what it is not for." })}
    ${longText(context, "priorities", "Priorities", { hint: "One priority per line." })}
    ${select({
      id: fieldId(context, "parent"),
      name: "parent",
      label: "Part of (parent group)",
      hint: hintWith(context, "parent"),
      placeholder: "None",
      value: value(context, "parent"),
      error: errorOf(context, "parent"),
      options: options.parents.map((p) => ({ value: p.slug, text: p.name })),
    })}
    ${text(context, "portfolio", "Portfolio", { hint: "For example, Children and Families", width: "fluid-two-thirds" })}
    ${date(context, "startDate", "Start date")}
    ${date(context, "reviewDate", "Review date", "When the group should next check it is still needed")}
    ${date(context, "endDate", "End date", "Leave empty if the group has no end date yet")}
    ${select({
      id: fieldId(context, "status"),
      name: "status",
      label: "Status",
      hint: hintWith(context, "status"),
      value: value(context, "status") || "active",
      error: errorOf(context, "status"),
      options: GROUP_STATUSES.map((s) => ({ value: s, text: GROUP_STATUS_LABELS[s] })),
    })}
    ${button({ text: options.submit })}`,
  );
}

export function newGroupView(model: {
  csrfToken: string;
  parents: GroupSummary[];
  state?: FormState | undefined;
}): SafeHtml {
  const context: FormContext = {
    name: "group",
    csrfToken: model.csrfToken,
    state: model.state,
    dates: GROUP_DATES,
  };
  return html`${pageHeader({ label: "Governance", title: "Add a group" })}
  ${groupForm(context, { action: "/manage/groups", parents: model.parents, submit: "Add the group" })}`;
}

const SAVED: Record<string, string> = {
  created: "The group has been added.",
  details: "The group's details have been saved.",
  member: "The member has been added.",
  "member-updated": "The membership has been saved.",
  "member-removed": "The membership has been removed.",
};

function membersSection(group: Group, context: FormContext): SafeHtml {
  return html`<h2 id="members">Members</h2>
  ${
    group.members.length === 0
      ? html`<p>No members yet.</p>`
      : table({
          caption: `Members of ${group.name}`,
          head: ["Name", "Organisation", "Role", "Dates", "Change"],
          rowHeaders: true,
          rows: group.members.map((m) => [
            m.person.name,
            m.organisation?.name ?? "",
            m.deputyFor ? `${ROLE_LABELS[m.role]}, deputy for ${m.deputyFor.name}` : ROLE_LABELS[m.role],
            [m.fromDate ? `from ${fullDate(m.fromDate)}` : "", m.toDate ? `to ${fullDate(m.toDate)}` : ""]
              .filter(Boolean)
              .join(" "),
            html`<a href="/manage/memberships/${m.id}">Change<span class="visually-hidden"> ${m.person.name}'s membership</span></a>`,
          ]),
        })
  }
  <h3>Add a member</h3>
  ${postForm(
    `${manageGroupPath(group.slug)}/members`,
    context.csrfToken,
    html`${formProblems(context)}
    ${text(context, "person", "Name", { width: "fluid-two-thirds" })}
    ${text(context, "organisation", "Organisation", { hint: "The organisation they represent on the group", width: "fluid-two-thirds" })}
    ${select({
      id: fieldId(context, "role"),
      name: "role",
      label: "Role",
      value: value(context, "role") || "member",
      error: errorOf(context, "role"),
      options: MEMBERSHIP_ROLES.map((r) => ({ value: r, text: ROLE_LABELS[r] })),
    })}
    ${text(context, "deputyFor", "Deputy for", { hint: "If they stand in for another member, that member's name", width: "fluid-two-thirds" })}
    ${date(context, "fromDate", "Member from")}
    ${button({ text: "Add the member", variant: "secondary" })}`,
  )}`;
}

function meetingsSection(group: Group, context: FormContext): SafeHtml {
  return html`<h2 id="meetings">Meetings</h2>
  <p><a href="${manageActionLogPath(group.slug)}">The action log</a>: every action from every meeting, to close or reopen.</p>
  ${
    group.meetings.length === 0
      ? html`<p>No meetings yet.</p>`
      : table({
          caption: `Meetings of ${group.name}`,
          head: ["Meeting", "Status", "Minutes"],
          rowHeaders: true,
          rows: group.meetings.map((m) => [
            html`<a href="${manageMeetingPath(m.id)}">${meetingWhen(m)}</a>`,
            MEETING_STATUS_LABELS[m.status],
            tag(MINUTES_STATUS_LABELS[m.minutesStatus], m.minutesStatus === "published" ? "green" : "grey"),
          ]),
        })
  }
  <h3>Plan a meeting</h3>
  ${postForm(
    `${manageGroupPath(group.slug)}/meetings`,
    context.csrfToken,
    html`${formProblems(context)}
    ${date(context, "date", "Date of the meeting")}
    ${text(context, "startTime", "Start time", { hint: "For example, 15:05 or 3.05pm", width: "fixed-10" })}
    ${text(context, "endTime", "End time", { width: "fixed-10" })}
    ${text(context, "place", "Place", { hint: "Leave empty if it is only online", width: "fluid-two-thirds" })}
    ${checkbox(context, "online", "The meeting is online")}
    ${button({ text: "Plan the meeting", variant: "secondary" })}`,
  )}`;
}

export function manageGroupView(model: {
  group: Group;
  parents: GroupSummary[];
  csrfToken: string;
  saved?: string | undefined;
  state?: FormState | undefined;
}): SafeHtml {
  const { group, csrfToken, state } = model;
  const details: FormContext = {
    name: "group",
    csrfToken,
    state,
    initial: groupInitial(group),
    dates: GROUP_DATES,
    showSaved: true,
    savedWords: { parent: group.parent?.name ?? "None", status: GROUP_STATUS_LABELS[group.status] },
  };
  const member: FormContext = { name: "member", csrfToken, state, dates: MEMBER_DATES };
  const meeting: FormContext = { name: "meeting", csrfToken, state, dates: MEETING_DATES };
  const saved = model.saved ? SAVED[model.saved] : undefined;
  return html`${pageHeader({ label: "Manage group", title: group.name })}
  ${saved ? notification(saved) : ""}
  <p><a href="${groupPath(group.slug)}">See the group's public page</a></p>
  ${meetingsSection(group, meeting)}
  ${membersSection(group, member)}
  <h2 id="details">Details</h2>
  ${groupForm(details, {
    action: manageGroupPath(group.slug),
    parents: model.parents.filter((p) => p.id !== group.id),
    submit: "Save the details",
    version: group.version,
  })}
`;
}
