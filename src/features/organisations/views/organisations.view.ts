import { londonDayInWords } from "../../../platform/dates.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { summaryList } from "../../../platform/views/components/summary-list.ts";
import { table } from "../../../platform/views/components/table.ts";
import { tag } from "../../../platform/views/components/tag.ts";
import { button, notification, radios, select, textInput } from "../../../platform/views/forms.ts";
import { actionPath, organisationPath, updateFormPath } from "../../accountability/accountability.paths.ts";
import type { OrganisationAccount, OwedAction } from "../../accountability/accountability.service.ts";
import type { OrganisationSummary } from "../../accountability/accountability.types.ts";
import { actionDownloads } from "../../accountability/open-data.display.ts";
import { dueText, flags, updateStatus } from "../../accountability/progress-display.ts";
import { ORGANISATION_TYPE_LABELS } from "../organisation.types.ts";
import {
  ACTION_LIST_SHOWS,
  type ActionListFilter,
  filterActions,
  routeMapsOf,
  SHOW_LABELS,
  showCounts,
} from "../organisation-filter.ts";
import { NEW_ORGANISATION_PATH, organisationEditPath } from "./organisation-form.view.ts";

// The public register of organisations and each organisation's page: everything it must act on.

export function organisationsView(organisations: OrganisationSummary[], canManage = false): SafeHtml {
  const rows = organisations.map((o) => [
    html`<a href="${organisationPath(o.slug)}">${o.name}</a>`,
    ORGANISATION_TYPE_LABELS[o.type],
    o.areaCode ?? "",
    o.sectors.map((s) => s.name).join(", "),
  ]);
  return html`${pageHeader({ title: "Organisations" })}
  <p>The organisations that must act to keep the promise: national government, the 32 councils, health boards, the third sector, education, inspectorates and others. Each one's page shows what it must act on across every route map, and how it is going.</p>
  ${canManage ? html`<p><a class="ds_button" href="${NEW_ORGANISATION_PATH}">Add an organisation</a></p>` : ""}
  ${
    organisations.length === 0
      ? html`<p>There are no organisations in the register yet.</p>`
      : table({
          caption: `All ${organisations.length} organisations, by name`,
          head: ["Organisation", "Kind", "Area code", "Sectors"],
          rows,
          rowHeaders: true,
          smallscreen: "boxes",
        })
  }`;
}

export interface OrganisationPageModel {
  account: OrganisationAccount;
  /** Whether the reader may write updates for this organisation. */
  canReport: boolean;
  /** Where the page is (the public page, or the contributor's /progress page). */
  path: string;
  /** Just saved: "draft" or "submitted". */
  saved?: string | undefined;
  /** The open reporting rounds it owes updates in (its progress page). */
  rounds?: SafeHtml;
  /** Which of its actions to list. */
  filter: ActionListFilter;
  /** Whether the reader may change its kind, area code and sectors. */
  canManage?: boolean;
}

function savedNotice(saved: string | undefined): SafeHtml {
  if (saved === "organisation")
    return notification("Saved: its kind, area code and sectors are as shown below.");
  if (saved === "submitted") return notification("Your update is submitted: everyone can now read it.");
  if (saved === "draft")
    return notification(
      "Your draft is saved. Only your organisation and the programme team can see it until you submit it.",
    );
  return html``;
}

/** The GET form that narrows the list: what to show, which route map, and when an update is old. */
function filterForm(model: OrganisationPageModel): SafeHtml {
  const { account, filter } = model;
  const counts = showCounts(account.actions, filter.theme);
  const routeMaps = routeMapsOf(account.actions);
  return html`<form method="get" action="${model.path}" novalidate>
    ${radios({
      idPrefix: "show",
      name: "show",
      legend: "Show",
      value: filter.show,
      inline: true,
      small: true,
      items: ACTION_LIST_SHOWS.map((s) => ({ value: s, text: `${SHOW_LABELS[s]} (${counts[s]})` })),
    })}
    ${select({
      id: "theme",
      name: "theme",
      label: "Route map",
      value: filter.theme ?? "",
      placeholder: `All route maps (${account.actions.length})`,
      options: routeMaps.map((r) => ({ value: r.slug, text: `${r.name} (${r.count})` })),
    })}
    ${textInput({
      id: "staleAfterDays",
      name: "staleAfterDays",
      label: "Count an action as having no recent update after this many days",
      value: String(account.staleAfterDays),
      width: "fixed-4",
      inputmode: "numeric",
    })}
    ${button({ text: "Show these actions", variant: "secondary", small: true })}
  </form>`;
}

/** What the table holds, when the reader narrowed it: "overdue, in the Leadership route map". */
function narrowedTo(model: OrganisationPageModel, listed: OwedAction[]): string {
  const { filter, account } = model;
  const parts: string[] = [];
  if (filter.show === "overdue") parts.push("overdue");
  if (filter.show === "stale") parts.push(`no update for more than ${account.staleAfterDays} days`);
  if (filter.show === "lead") parts.push(`${account.organisation.name} leads`);
  const routeMap = filter.theme && routeMapsOf(listed)[0];
  if (filter.theme) parts.push(`in the ${routeMap ? routeMap.name : filter.theme} route map`);
  return parts.length === 0 ? "" : ` (showing: ${parts.join(", ")})`;
}

export function organisationView(model: OrganisationPageModel): SafeHtml {
  const { account, canReport } = model;
  const { organisation, actions } = account;
  const overdue = actions.filter((a) => a.overdue).length;
  const stale = actions.filter((a) => a.stale).length;
  const listed = filterActions(actions, model.filter);
  const rows = listed.map((a) => [
    html`<a href="${actionPath(a.action.themeSlug, a.action.key)}">${a.action.text}</a>`,
    html`<a href="/themes/${encodeURIComponent(a.action.themeSlug)}">${a.action.themeName}</a>`,
    html`${a.role === "lead" ? "Lead" : "Partner"}${a.namedAs.every((p) => p.kind === "sector") ? html` (as ${a.namedAs[0]!.name})` : ""}`,
    dueText(a.due),
    html`${updateStatus(a.latest)} ${flags(a)}${a.draft ? html` ${tag("Draft saved", "yellow")}` : ""}`,
    a.latest?.submittedAt ? londonDayInWords(a.latest.submittedAt) : "Never",
    ...(canReport
      ? [
          html`<a href="${updateFormPath(organisation.slug, a.action.themeSlug, a.action.key)}">${a.draft ? "Finish the update" : "Give an update"}<span class="visually-hidden"> on: ${a.action.text.slice(0, 60)}</span></a>`,
        ]
      : []),
  ]);
  return html`${savedNotice(model.saved)}
  ${pageHeader({ label: "Organisation", title: organisation.name })}
  ${summaryList([
    { key: "Kind", value: ORGANISATION_TYPE_LABELS[organisation.type] },
    ...(organisation.areaCode ? [{ key: "Area code", value: organisation.areaCode }] : []),
    {
      key: "Sectors",
      value: organisation.sectors.length === 0 ? "None" : organisation.sectors.map((s) => s.name).join(", "),
    },
  ])}
  ${
    model.canManage
      ? html`<p><a href="${organisationEditPath(organisation.slug)}">Change its kind, area code or sectors<span class="visually-hidden"> (${organisation.name})</span></a></p>`
      : ""
  }
  ${model.rounds ?? ""}
  <h2 id="must-act">What ${organisation.name} must act on</h2>
  <p><a href="/reports">Reports</a>, kept as they were made, can set this out as at a date, for a board.</p>
  ${
    actions.length === 0
      ? html`<p>No route-map action names ${organisation.name} or its sectors yet.</p>`
      : html`<p>${actions.length} ${actions.length === 1 ? "action names" : "actions name"} ${organisation.name} or one of its sectors. ${overdue} ${overdue === 1 ? "is" : "are"} overdue; ${stale} ${stale === 1 ? "has" : "have"} had no update for more than ${account.staleAfterDays} days.</p>
  ${canReport && model.path.startsWith("/progress/") ? html`<p><a href="${model.path}/upload">Update many actions at once with a spreadsheet</a></p>` : ""}
  ${filterForm(model)}
  ${
    listed.length === 0
      ? html`<p>No action matches what you chose to show. <a href="${model.path}">Show all ${actions.length} actions</a>.</p>`
      : table({
          caption: `Actions ${organisation.name} must act on, leads first${narrowedTo(model, listed)}`,
          head: [
            "Action",
            "Route map",
            "Role",
            "Due",
            "How it is going",
            "Last update",
            ...(canReport ? ["Update"] : []),
          ],
          rows,
          smallscreen: "boxes",
        })
  }
  ${actionDownloads({ kind: "organisation", organisationSlug: organisation.slug }, `every action naming ${organisation.name}`)}`
  }`;
}
