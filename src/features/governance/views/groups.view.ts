import { fullDate } from "../../../platform/dates.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { categoryList } from "../../../platform/views/components/category-item.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { summaryList } from "../../../platform/views/components/summary-list.ts";
import { table } from "../../../platform/views/components/table.ts";
import { tag } from "../../../platform/views/components/tag.ts";
import { paragraphs } from "../../../platform/views/text.ts";
import { actionLogPath, groupPath, manageGroupPath, meetingPath } from "../governance.paths.ts";
import type { Group, GroupSummary } from "../governance.types.ts";
import { GROUP_STATUS_LABELS, MINUTES_STATUS_LABELS, ROLE_LABELS } from "../governance.types.ts";
import { meetingWhen } from "./format.ts";

// The public group pages: every group, and one group with its remit, members and meetings.

function statusTag(group: GroupSummary): SafeHtml {
  if (group.status === "active") return html``;
  return tag(GROUP_STATUS_LABELS[group.status], group.status === "ended" ? "grey" : "orange");
}

export function groupsView(groups: GroupSummary[], options: { canCreate: boolean }): SafeHtml {
  return html`${pageHeader({ label: "Governance", title: "Groups" })}
  <p class="ds_lead">The groups that lead and oversee the work to keep the promise: what each is for, who sits on it, and the minutes of its meetings.</p>
  ${options.canCreate ? html`<p><a class="ds_button ds_button--secondary" href="/manage/groups/new">Add a group</a></p>` : ""}
  <p><a href="/landscape">See every group side by side</a>: where they overlap, and how many meetings people are asked to go to.</p>
  ${
    groups.length === 0
      ? html`<p>There are no groups yet.</p>`
      : categoryList(
          groups.map((g) => ({
            href: groupPath(g.slug),
            title: g.name,
            summary: g.remit.split("\n")[0] ?? "",
            extra: html`${g.parent ? html`<p>Part of ${g.parent.name}</p>` : ""}${statusTag(g)}`,
          })),
        )
  }`;
}

function dates(group: Group) {
  const items = [
    { key: "Status", value: GROUP_STATUS_LABELS[group.status] },
    group.parent
      ? { key: "Part of", value: html`<a href="${groupPath(group.parent.slug)}">${group.parent.name}</a>` }
      : null,
    group.portfolio ? { key: "Portfolio", value: group.portfolio } : null,
    group.startDate ? { key: "Started", value: fullDate(group.startDate) } : null,
    group.reviewDate ? { key: "Next review", value: fullDate(group.reviewDate) } : null,
    group.endDate ? { key: "Ends", value: fullDate(group.endDate) } : null,
  ];
  return summaryList(items.filter((i) => i !== null));
}

export function groupView(group: Group, options: { canManage: boolean; seesPrivate: boolean }): SafeHtml {
  const members = group.members.filter((m) => m.toDate === null);
  return html`${pageHeader({ label: "Group", title: group.name })}
  ${options.canManage ? html`<p><a class="ds_button ds_button--secondary" href="${manageGroupPath(group.slug)}">Manage this group</a></p>` : ""}
  <h2>What the group is for</h2>
  ${group.remit ? paragraphs(group.remit) : html`<p>The group's remit has not been written down yet.</p>`}
  ${group.priorities ? html`<h2>Priorities</h2>${paragraphs(group.priorities)}` : ""}
  ${dates(group)}
  ${
    group.children.length > 0
      ? html`<h2>Groups that report to it</h2>
  <ul>${group.children.map((c) => html`<li><a href="${groupPath(c.slug)}">${c.name}</a></li>`)}</ul>`
      : ""
  }
  <h2>Members</h2>
  ${
    members.length === 0
      ? html`<p>No members have been recorded.</p>`
      : table({
          caption: `Members of ${group.name}`,
          head: ["Name", "Organisation", "Role"],
          rowHeaders: true,
          rows: members.map((m) => [
            m.person.name,
            m.organisation?.name ?? "",
            m.deputyFor ? `${ROLE_LABELS[m.role]}, deputy for ${m.deputyFor.name}` : ROLE_LABELS[m.role],
          ]),
        })
  }
  <h2>Meetings</h2>
  <p><a href="${groupPath(group.slug)}/calendar.ics">Add this group's meetings to your calendar</a> (iCalendar).</p>
  <p><a href="${actionLogPath(group.slug)}">The group's action log</a>: what was agreed at its meetings, who owns each action and whether it is done.</p>
  ${
    group.meetings.length === 0
      ? html`<p>${options.seesPrivate ? "No meetings have been planned." : "No minutes have been published yet."}</p>`
      : html`<ul>${group.meetings.map(
          (m) =>
            html`<li>${
              m.minutesStatus === "published" || options.seesPrivate
                ? html`<a href="${meetingPath(group.slug, m.id)}">${meetingWhen(m)}</a>`
                : meetingWhen(m)
            }${options.seesPrivate && m.minutesStatus !== "published" ? html` ${tag(`Minutes: ${MINUTES_STATUS_LABELS[m.minutesStatus].toLowerCase()}`, "grey")}` : ""}</li>`,
        )}</ul>`
  }`;
}
