import type { FieldErrors } from "../../../platform/errors.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { checkboxes } from "../../../platform/views/components/checkboxes.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { table } from "../../../platform/views/components/table.ts";
import { tag } from "../../../platform/views/components/tag.ts";
import {
  button,
  csrfField,
  dateInput,
  dateInputId,
  errorSummary,
  formTitle,
  hiddenField,
  notification,
  radioId,
  radios,
  select,
  textarea,
  textInput,
} from "../../../platform/views/forms.ts";
import {
  MANAGE_TIMELINE_PATH,
  manageTimelineItemPath,
  NEW_TIMELINE_ITEM_PATH,
  publishTimelineItemPath,
  timelineItemPath,
} from "../timeline.paths.ts";
import {
  KIND_LABELS,
  STATUS_LABELS,
  TIMELINE_KINDS,
  TIMELINE_STATUSES,
  type TimelineItem,
  type TimelineItemInput,
} from "../timeline.types.ts";
import type { ClashNotice } from "../timeline-clash.ts";
import { APPROXIMATE_LABELS, APPROXIMATE_PARTS, readApproximate } from "../timeline-dates.ts";
import type { TimelineChoices } from "../timeline-input.ts";
import { clashWarning, kindText, whenCell } from "./timeline-parts.ts";

// The editors' pages (timeline.edit): every item with its drafts, and the form that adds or
// changes one. A save that would ask an audience too much at once comes back with the warning,
// the other items named, and a "Save anyway" button.

export function manageTimelineView(model: {
  items: TimelineItem[];
  clashes: ClashNotice[];
  saved?: string | undefined;
}): SafeHtml {
  return html`${model.saved ? notification("The timeline item was saved.") : ""}
  ${pageHeader({ label: "Manage", title: "The timeline" })}
  <p>Add what is coming up: laws, plans, guidance, consultations, surveys, reports, events and deadlines. New items are drafts until you publish them.</p>
  <p><a class="ds_button" href="${NEW_TIMELINE_ITEM_PATH}">Add an item</a></p>
  ${clashWarning(model.clashes, { link: manageTimelineItemPath, intro: "These audiences are asked too many things at once (drafts count too)." })}
  ${
    model.items.length === 0
      ? html`<p>There is nothing on the timeline yet.</p>`
      : table({
          caption: "Every item on the timeline, drafts too",
          head: ["When", "What", "Kind", "Who is doing it", "Public"],
          rows: model.items.map((item) => [
            whenCell(item),
            html`<a href="${manageTimelineItemPath(item.id)}">${item.title}</a>`,
            kindText(item),
            item.organisation.name,
            item.published ? tag("Published", "green") : tag("Draft", "grey"),
          ]),
        })
  }`;
}

/** What the form shows in its fields: the saved item's values, or what was typed. */
export type ItemFormValues = TimelineItemInput;

export interface ItemFormModel {
  csrfToken: string;
  choices: TimelineChoices;
  /** The item being changed, as saved now; absent when adding one. */
  item?: TimelineItem | undefined;
  values?: ItemFormValues | undefined;
  errors?: FieldErrors | undefined;
  /** Why the save was refused when someone else saved first. */
  conflict?: string | undefined;
  /** The clashes saving would make: the form asks to save anyway. */
  clashes?: ClashNotice[] | undefined;
  saved?: string | undefined;
}

const FIELD_IDS: Record<string, string> = {
  title: "title",
  summary: "summary",
  kind: "kind",
  organisation: "organisation",
  dateKind: radioId("dateKind", "exact"),
  start: dateInputId("start"),
  end: dateInputId("end"),
  approximatePart: "approximatePart",
  approximateYear: "approximateYear",
  status: "status",
  link: "link",
  audiences: "audiences-0",
  themes: "themes-0",
  groups: "groups-0",
};

function heading(model: ItemFormModel): string {
  return model.item ? `Change: ${model.item.title}` : "Add an item to the timeline";
}

export function itemFormTitle(model: ItemFormModel): string {
  return formTitle(heading(model), Boolean(model.conflict) || Object.keys(model.errors ?? {}).length > 0);
}

function dateParts(iso: string | null | undefined) {
  const [year, month, day] = (iso ?? "").split("-");
  return { day: day ? String(Number(day)) : "", month: month ? String(Number(month)) : "", year: year ?? "" };
}

/** The form's values from a saved item. */
export function valuesOf(item: TimelineItem): ItemFormValues {
  const approximate = item.approximate ? readApproximate(item.approximate) : undefined;
  return {
    title: item.title,
    summary: item.summary,
    kind: item.kind,
    organisation: String(item.organisation.id),
    dateKind: approximate ? "approximate" : "exact",
    start: approximate ? dateParts(null) : dateParts(item.startsOn),
    end: approximate ? dateParts(null) : dateParts(item.endsOn),
    approximatePart: approximate?.part,
    approximateYear: approximate ? String(approximate.year) : undefined,
    status: item.status,
    link: item.link ?? "",
    audiences: item.audiences.map((a) => String(a.id)),
    themes: item.themes.map((t) => String(t.id)),
    groups: item.groups.map((g) => String(g.id)),
  };
}

function ticks(
  idPrefix: string,
  legend: string,
  hint: string,
  list: Array<{ id: number; name: string }>,
  chosen: string[],
  error: string | undefined,
) {
  const set = new Set(chosen);
  return checkboxes({
    idPrefix,
    name: idPrefix,
    legend,
    hint,
    error,
    items: list.map((x) => ({ value: String(x.id), text: x.name, checked: set.has(String(x.id)) })),
  });
}

export function itemFormView(model: ItemFormModel): SafeHtml {
  const errors = model.errors ?? {};
  const item = model.item;
  const v: ItemFormValues = model.values ??
    (item ? valuesOf(item) : undefined) ?? {
      title: "",
      summary: "",
      kind: undefined,
      organisation: undefined,
      dateKind: "exact",
      start: dateParts(null),
      end: dateParts(null),
      approximatePart: undefined,
      approximateYear: undefined,
      status: "planned",
      link: "",
      audiences: [],
      themes: [],
      groups: [],
    };
  const str = (value: string | undefined) => value ?? "";
  const action = item ? manageTimelineItemPath(item.id) : MANAGE_TIMELINE_PATH;
  const clashes = model.clashes ?? [];
  return html`${model.saved ? notification(model.saved === "published" ? "The item is published: anyone can see it." : model.saved === "unpublished" ? "The item is a draft again: only the programme team can see it." : "The item was saved.") : ""}
  ${errorSummary({
    description: model.conflict,
    errors: Object.entries(errors).map(([name, message]) => ({
      href: `#${FIELD_IDS[name] ?? name}`,
      message,
    })),
  })}
  ${pageHeader({ label: item ? (item.published ? "Published" : "Draft") : "Manage the timeline", title: heading(model) })}
  ${
    clashes.length > 0
      ? html`<div id="clash-warning">${clashWarning(clashes, {
          link: (id) => (id === item?.id || id > 2_147_483_647 ? "#title" : manageTimelineItemPath(id)),
          intro:
            "Saving this would ask some people to take part in too many things at the same time. It has not been saved yet.",
        })}</div>`
      : ""
  }
  <form method="post" action="${action}" novalidate>
    ${csrfField(model.csrfToken)}${item ? hiddenField("version", item.version) : ""}
    ${textInput({ id: "title", name: "title", label: "Title", hint: "Short and in plain words, for example: Consultation on the future of fostering.", value: v.title, error: errors.title })}
    ${textarea({ id: "summary", name: "summary", label: "What it is about (optional)", hint: "A few short sentences a young person can follow.", value: v.summary, error: errors.summary })}
    ${select({ id: "kind", name: "kind", label: "Kind of thing", value: v.kind, placeholder: "Choose a kind", error: errors.kind, options: TIMELINE_KINDS.map((k) => ({ value: k, text: KIND_LABELS[k] })) })}
    ${select({ id: "organisation", name: "organisation", label: "Who is doing it", value: v.organisation, placeholder: "Choose an organisation", error: errors.organisation, options: model.choices.organisations.map((o) => ({ value: String(o.id), text: o.name })) })}
    ${radios({
      idPrefix: "dateKind",
      name: "dateKind",
      legend: "Do you know the date?",
      error: errors.dateKind,
      value: v.dateKind,
      items: [
        { value: "exact", text: "Yes: give the day, and the last day if it runs for a while" },
        { value: "approximate", text: "Only roughly: give the part of the year" },
      ],
    })}
    ${dateInput({ name: "start", legend: "The day it happens or starts", error: errors.start, value: { day: str(v.start.day), month: str(v.start.month), year: str(v.start.year) } })}
    ${dateInput({ name: "end", legend: "The last day (optional)", hint: "Leave empty for a single day. For example, 30 9 2024", error: errors.end, value: { day: str(v.end.day), month: str(v.end.month), year: str(v.end.year) } })}
    ${select({ id: "approximatePart", name: "approximatePart", label: "Roughly when in the year", value: v.approximatePart, placeholder: "Choose a part of the year", error: errors.approximatePart, options: APPROXIMATE_PARTS.map((p) => ({ value: p, text: APPROXIMATE_LABELS[p] })) })}
    ${textInput({ id: "approximateYear", name: "approximateYear", label: "Year", value: v.approximateYear, error: errors.approximateYear, width: "fixed-4", inputmode: "numeric" })}
    ${select({ id: "status", name: "status", label: "Status", value: v.status, error: errors.status, options: TIMELINE_STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s] })) })}
    ${textInput({ id: "link", name: "link", label: "Link to more information (optional)", hint: "A full web address, for example https://www.gov.scot/consultations", value: v.link, error: errors.link, type: "url", spellcheck: false })}
    ${ticks("audiences", "Who it asks or is for", "A consultation, survey, call for evidence or event must name who it asks.", model.choices.audiences, v.audiences, errors.audiences)}
    ${ticks("themes", "Route maps it is part of (optional)", "Choose any that apply.", model.choices.themes, v.themes, errors.themes)}
    ${ticks("groups", "Groups involved (optional)", "Choose any that apply.", model.choices.groups, v.groups, errors.groups)}
    <div class="ds_button-group">
      ${clashes.length > 0 ? button({ text: "Save anyway", name: "saveAnyway", value: "yes" }) : ""}
      ${button({ text: clashes.length > 0 ? "Check again" : item ? "Save the changes" : "Add the item", variant: clashes.length > 0 ? "secondary" : "primary" })}
    </div>
  </form>
  ${item ? publishForm(item, model.csrfToken) : ""}
  <p><a href="${MANAGE_TIMELINE_PATH}">Back to the timeline items</a></p>`;
}

function publishForm(item: TimelineItem, csrfToken: string): SafeHtml {
  return html`<h2>${item.published ? "Take it off the public timeline" : "Publish it"}</h2>
  <p>${item.published ? html`Anyone can see it now, at <a href="${timelineItemPath(item.id)}">its page</a>. Taking it off makes it a draft again.` : "Only the programme team can see it now. Publishing shows it to everyone, in the calendars and the spreadsheet too."}</p>
  <form method="post" action="${publishTimelineItemPath(item.id)}" novalidate>
    ${csrfField(csrfToken)}${hiddenField("version", item.version)}${hiddenField("published", item.published ? "no" : "yes")}
    ${button({ text: item.published ? "Take it off the public timeline" : "Publish it", variant: item.published ? "secondary" : "primary" })}
  </form>`;
}
