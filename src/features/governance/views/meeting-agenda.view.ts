import { fullDate } from "../../../platform/dates.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import {
  buttonForm,
  date,
  errorOf,
  type FormContext,
  fieldId,
  formProblems,
  longText,
  postForm,
  text,
  value,
} from "../../../platform/views/form-parts.ts";
import { button, select } from "../../../platform/views/forms.ts";
import { manageMeetingPath } from "../governance.paths.ts";
import type { MeetingAction } from "../governance.types.ts";
import type { ManageMeetingModel } from "./manage-meeting.view.ts";
import { actionText } from "./minutes.view.ts";

// The agenda and the action log on a meeting's managing page.

export function agendaItemFields(context: FormContext): SafeHtml {
  return html`${text(context, "title", "Title", { width: "fluid-two-thirds" })}
  ${longText(context, "notes", "Minute of the item", { hint: "What was presented and said. Leave a blank line between paragraphs.", rows: 6 })}
  ${longText(context, "discussionPoints", "Points made in discussion", { hint: "One point per line.", rows: 5 })}
  ${longText(context, "decisions", "Decisions", { hint: "One decision per line.", rows: 3 })}`;
}

export function agendaSection(model: ManageMeetingModel): SafeHtml {
  const { meeting, csrfToken } = model;
  const editable = meeting.minutesStatus === "draft";
  const context: FormContext = { name: "item", csrfToken, state: model.state };
  return html`${
    meeting.items.length === 0
      ? html`<p>No items yet.</p>`
      : html`<ol class="wm-agenda">${meeting.items.map(
          (item, index) => html`<li>
      <p><strong>${item.title}</strong>${item.papers.length > 0 ? ` (${item.papers.length} ${item.papers.length === 1 ? "paper" : "papers"})` : ""}</p>
      ${
        editable
          ? html`<p><a href="/manage/agenda-items/${item.id}">Change<span class="visually-hidden"> ${item.title}</span></a></p>
      ${index > 0 ? buttonForm(`/manage/agenda-items/${item.id}/move`, csrfToken, html`Move up<span class="visually-hidden"> ${item.title}</span>`, { direction: "up" }) : ""}
      ${index < meeting.items.length - 1 ? buttonForm(`/manage/agenda-items/${item.id}/move`, csrfToken, html`Move down<span class="visually-hidden"> ${item.title}</span>`, { direction: "down" }) : ""}
      ${buttonForm(`/manage/agenda-items/${item.id}/remove`, csrfToken, html`Remove<span class="visually-hidden"> ${item.title}</span>`, { version: String(item.version) })}`
          : html`<p><a href="/manage/agenda-items/${item.id}">Papers<span class="visually-hidden"> of ${item.title}</span></a></p>`
      }
    </li>`,
        )}</ol>`
  }
  ${
    editable
      ? html`<h3>Add an item</h3>
  ${postForm(
    `${manageMeetingPath(meeting.id)}/items`,
    csrfToken,
    html`${formProblems(context)}
    ${agendaItemFields(context)}
    ${button({ text: "Add the item", variant: "secondary" })}`,
  )}`
      : ""
  }`;
}

function promoteForm(action: MeetingAction, model: ManageMeetingModel): SafeHtml {
  if (action.routeMapItem) return html` <span class="wm-action-details">(added to a route map)</span>`;
  if (model.routeMaps.length === 0 || action.status !== "open") return html``;
  const id = `promote-${action.id}-theme`;
  return postForm(
    `/manage/actions/${action.id}/promote`,
    model.csrfToken,
    html`<div class="ds_question">
      <label class="ds_label" for="${id}">Route map to add it to</label>
      <div class="ds_select-wrapper">
        <select class="ds_select" id="${id}" name="themeSlug">
          ${model.routeMaps.map((r) => html`<option value="${r.slug}">${r.name}</option>`)}
        </select>
        <span class="ds_select-arrow" aria-hidden="true"></span>
      </div>
    </div>
    <button class="ds_button ds_button--secondary ds_button--small" type="submit">Add to the route map's draft<span class="visually-hidden">: ${action.text}</span></button>`,
  );
}

function actionRow(action: MeetingAction, csrfToken: string, model?: ManageMeetingModel): SafeHtml {
  const toggle =
    action.status === "open"
      ? buttonForm(
          `/manage/actions/${action.id}/status`,
          csrfToken,
          html`Close<span class="visually-hidden"> this action</span>`,
          {
            status: "closed",
          },
        )
      : buttonForm(
          `/manage/actions/${action.id}/status`,
          csrfToken,
          html`Reopen<span class="visually-hidden"> this action</span>`,
          {
            status: "open",
          },
        );
  return html`<li>${actionText(action)}${action.status === "closed" ? "" : " (open)"} ${toggle}${model ? promoteForm(action, model) : ""}</li>`;
}

export function actionsSection(model: ManageMeetingModel): SafeHtml {
  const { meeting, csrfToken } = model;
  const context: FormContext = { name: "action", csrfToken, state: model.state, dates: ["dueDate"] };
  const actions = [...meeting.items.flatMap((i) => i.actions), ...meeting.otherActions];
  return html`${
    meeting.mattersArising.length > 0
      ? html`<h3>Matters arising</h3>
  <p>Actions from earlier meetings that are still open. They come back at every meeting until closed.</p>
  <ul>${meeting.mattersArising.map((a) => html`${actionRow(a, csrfToken)}`)}</ul>
  <p class="ds_hint-text">From the meetings on ${[...new Set(meeting.mattersArising.map((a) => fullDate(a.meetingDate)))].join(", ")}.</p>`
      : ""
  }
  <h3>Actions from this meeting</h3>
  ${actions.length === 0 ? html`<p>No actions yet.</p>` : html`<ul>${actions.map((a) => actionRow(a, csrfToken, model))}</ul>`}
  <h3>Add an action</h3>
  ${postForm(
    `${manageMeetingPath(meeting.id)}/actions`,
    csrfToken,
    html`${formProblems(context)}
    ${longText(context, "text", "Action", { rows: 3 })}
    ${select({
      id: fieldId(context, "agendaItemId"),
      name: "agendaItemId",
      label: "Agenda item",
      placeholder: "None",
      value: value(context, "agendaItemId"),
      error: errorOf(context, "agendaItemId"),
      options: meeting.items.map((i) => ({ value: String(i.id), text: i.title })),
    })}
    ${text(context, "ownerPerson", "Owner", { hint: "The person who will do it", width: "fluid-two-thirds" })}
    ${text(context, "ownerOrganisation", "Owning organisation", { width: "fluid-two-thirds" })}
    ${date(context, "dueDate", "Due date")}
    ${button({ text: "Add the action", variant: "secondary" })}`,
  )}`;
}
