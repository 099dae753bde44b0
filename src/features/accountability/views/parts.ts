import { fullDate } from "../../../platform/dates.ts";
import { attr, html, type SafeHtml } from "../../../platform/html.ts";
import { tag } from "../../../platform/views/components/tag.ts";
import type { Due, Party, ProgressUpdate } from "../accountability.types.ts";
import { type ProgressStatus, statusInfo } from "../progress-status.ts";
import type { Rolled } from "../rollup.ts";

// Small pieces the accountability pages share: addresses, status tags, who must act, due dates,
// a design-system checkbox list, and the roll-up summary.

export function actionPath(themeSlug: string, key: string): string {
  return `/themes/${encodeURIComponent(themeSlug)}/actions/${encodeURIComponent(key)}`;
}

export function organisationPath(slug: string): string {
  return `/organisations/${encodeURIComponent(slug)}`;
}

export function updateFormPath(organisationSlug: string, themeSlug: string, key: string): string {
  return `/progress/${encodeURIComponent(organisationSlug)}/${encodeURIComponent(themeSlug)}/${encodeURIComponent(key)}`;
}

export function responsibilityPath(themeSlug: string, key: string): string {
  return `/manage${actionPath(themeSlug, key)}/responsibility`;
}

export function statusTag(status: ProgressStatus | null): SafeHtml {
  if (!status) return tag("No actions yet", "grey");
  const info = statusInfo(status);
  return tag(info.label, info.colour);
}

/** "On track, 50%" as a tag and words; "Not reported yet" when there is no update. */
export function updateStatus(update: ProgressUpdate | null): SafeHtml {
  if (!update) return html`${tag("Not reported yet", "grey")}`;
  return html`${statusTag(update.status)} ${update.status === "superseded" ? "" : `${update.percent}%`}`;
}

export function dueText(due: Due): string {
  if (due.date) return fullDate(due.date);
  if (due.year) return `By the end of ${due.year}`;
  return "Not set";
}

/** A timestamp as a calendar date in words, in Scotland's time. */
export function dayOf(date: Date): string {
  const iso = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(date);
  return fullDate(iso);
}

export function isoDay(date: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(date);
}

/** "Lead: Scottish Government. Partners: COSLA, Local Authorities (sector)." */
export function partiesText(parties: Party[], link = true): SafeHtml {
  if (parties.length === 0) return html`Nobody named yet`;
  const name = (p: Party) =>
    p.kind === "organisation"
      ? link
        ? html`<a href="${organisationPath(p.slug)}">${p.name}</a>`
        : html`${p.name}`
      : html`${p.name} (sector)`;
  const group = (role: "lead" | "partner", one: string, many: string) => {
    const list = parties.filter((p) => p.role === role);
    if (list.length === 0) return html``;
    return html`<span class="wm-parties">${list.length === 1 ? one : many}: ${list.map((p, i) => html`${i > 0 ? ", " : ""}${name(p)}`)}.</span> `;
  };
  return html`${group("lead", "Lead", "Leads")}${group("partner", "Partner", "Partners")}`;
}

/** Flags for an action that needs attention. */
export function flags(item: { overdue: boolean; stale: boolean }): SafeHtml {
  return html`${item.overdue ? tag("Overdue", "red") : ""} ${item.stale ? tag("No recent update", "orange") : ""}`;
}

export interface CheckboxItem {
  value: string;
  text: string;
  checked: boolean;
}

/** Design-system checkboxes in a fieldset with its legend. */
export function checkboxes(o: {
  idPrefix: string;
  name: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  items: CheckboxItem[];
}): SafeHtml {
  const hintId = o.hint ? `${o.idPrefix}-hint` : undefined;
  const errorId = o.error ? `${o.idPrefix}-error` : undefined;
  const described = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return html`<div class="ds_question${o.error ? " ds_question--error" : ""}"><fieldset${attr("aria-describedby", described)}>
  <legend>${o.legend}</legend>
  ${hintId ? html`<p class="ds_hint-text" id="${hintId}">${o.hint}</p>` : ""}
  ${errorId ? html`<p class="ds_question__error-message" id="${errorId}">${o.error}</p>` : ""}
  <div class="ds_field-group">
    ${o.items.map(
      (item, i) => html`<div class="ds_checkbox  ds_checkbox--small">
      <input class="ds_checkbox__input" type="checkbox" id="${o.idPrefix}-${i}" name="${o.name}" value="${item.value}"${attr("checked", item.checked)}>
      <label class="ds_checkbox__label" for="${o.idPrefix}-${i}">${item.text}</label>
    </div>`,
    )}
  </div>
</fieldset></div>`;
}

/** The roll-up of one level as words: "Delayed: 38% done, across 10 actions." */
export function rolledText(rolled: Rolled | undefined): SafeHtml {
  if (!rolled || rolled.counted === 0 || rolled.percent === null)
    return html`${statusTag(null)} <span>Nothing to measure yet.</span>`;
  return html`${statusTag(rolled.status)} <span>${rolled.percent}% done, across ${rolled.counted} ${rolled.counted === 1 ? "action" : "actions"}.</span>`;
}
