import { fullDate } from "../../../platform/dates.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { table } from "../../../platform/views/components/table.ts";
import { tag } from "../../../platform/views/components/tag.ts";
import { buttonForm } from "../../../platform/views/form-parts.ts";
import { button, notification, radios } from "../../../platform/views/forms.ts";
import type { ActionFilter, ActionLog, ActionLogEntry } from "../action-log.service.ts";
import {
  actionLogCsvPath,
  actionLogPath,
  groupPath,
  manageActionLogPath,
  manageGroupPath,
  manageMeetingPath,
  meetingPath,
} from "../governance.paths.ts";

// A group's action log: a filter (all, open, closed) that works without JavaScript, the counts,
// and one row per action. The secretariat's view adds actions of unpublished minutes, links to
// the meetings' managing pages, and a button to close or reopen each action.

const FILTER_LABELS: Record<ActionFilter, string> = {
  all: "All actions",
  open: "Open actions",
  closed: "Closed actions",
};

export function ownerText(action: ActionLogEntry): string {
  if (action.ownerPerson && action.ownerOrganisation)
    return `${action.ownerPerson.name}, ${action.ownerOrganisation.name}`;
  return action.ownerPerson?.name ?? action.ownerOrganisation?.name ?? "";
}

function statusCell(action: ActionLogEntry): SafeHtml {
  if (action.status === "closed")
    return html`${tag("Closed", "grey")}${action.closedOn ? html`<br>on ${fullDate(action.closedOn)}` : ""}`;
  return action.overdue ? html`${tag("Overdue", "red")}` : html`${tag("Open", "green")}`;
}

function meetingCell(log: ActionLog, action: ActionLogEntry, manage: boolean): SafeHtml {
  const when = fullDate(action.meetingDate);
  if (manage) return html`<a href="${manageMeetingPath(action.meetingId)}#actions">${when}</a>`;
  if (action.minutesStatus === "published")
    return html`<a href="${meetingPath(log.group.slug, action.meetingId)}">${when}</a>`;
  return html`<a href="${meetingPath(log.group.slug, action.meetingId)}">${when}</a><br>${tag("Minutes not published", "orange")}`;
}

function changeCell(action: ActionLogEntry, csrfToken: string): SafeHtml {
  const hidden = html`<span class="visually-hidden">: ${action.text}</span>`;
  return action.status === "open"
    ? buttonForm(`/manage/actions/${action.id}/status`, csrfToken, html`Close${hidden}`, {
        status: "closed",
        back: "log",
      })
    : buttonForm(`/manage/actions/${action.id}/status`, csrfToken, html`Reopen${hidden}`, {
        status: "open",
        back: "log",
      });
}

export function actionLogView(
  log: ActionLog,
  options: { manage: boolean; canManage: boolean; csrfToken: string; saved?: boolean },
): SafeHtml {
  const { manage } = options;
  const here = manage ? manageActionLogPath(log.group.slug) : actionLogPath(log.group.slug);
  const csv = `${actionLogCsvPath(log.group.slug)}${log.filter === "all" ? "" : `?status=${log.filter}`}`;
  const head = ["Action", "Meeting", "Owner", "Due", "Status", "Route map", ...(manage ? ["Change"] : [])];
  return html`${pageHeader({ label: log.group.name, title: "Action log" })}
  ${options.saved ? notification("The action has been updated.") : ""}
  <p class="ds_lead">Every action agreed at the group's meetings: who owns it, when it is due, and whether it is done. Open actions come back as matters arising at every later meeting until they are closed.</p>
  ${
    log.includesUnpublished
      ? html`<p>This log includes actions from minutes that are not published yet. The public see only the actions of published minutes.</p>`
      : html`<p>Only actions from published minutes are shown.</p>`
  }
  <p>
    <a href="${groupPath(log.group.slug)}">Back to ${log.group.name}</a>
    ${options.canManage && !manage ? html` · <a href="${manageActionLogPath(log.group.slug)}">Manage the action log</a>` : ""}
    ${manage ? html` · <a href="${manageGroupPath(log.group.slug)}">Manage the group</a>` : ""}
  </p>
  <form method="get" action="${here}" novalidate>
    ${radios({
      idPrefix: "status",
      name: "status",
      legend: "Show",
      value: log.filter,
      inline: true,
      small: true,
      items: (["all", "open", "closed"] as const).map((f) => ({
        value: f,
        text: `${FILTER_LABELS[f]} (${log.counts[f]})`,
      })),
    })}
    ${button({ text: "Show these actions", variant: "secondary", small: true })}
  </form>
  <p>${log.counts.overdue === 0 ? "No open action is overdue." : log.counts.overdue === 1 ? "1 open action is overdue." : `${log.counts.overdue} open actions are overdue.`}</p>
  ${
    log.entries.length === 0
      ? html`<p>There are no ${log.filter === "all" ? "" : `${log.filter} `}actions to show.</p>`
      : table({
          caption: `${FILTER_LABELS[log.filter]} of ${log.group.name}`,
          head,
          rowHeaders: true,
          smallscreen: "boxes",
          rows: log.entries.map((a) => [
            a.text,
            meetingCell(log, a, manage),
            ownerText(a),
            a.dueDate ? fullDate(a.dueDate) : "",
            statusCell(a),
            a.routeMap ? html`<a href="${a.routeMap.href}">${a.routeMap.text}</a>` : "",
            ...(manage ? [changeCell(a, options.csrfToken)] : []),
          ]),
        })
  }
  <p><a href="${csv}" download>Download these actions as a spreadsheet (CSV)</a></p>`;
}
