import { fullDate } from "../../platform/dates.ts";
import { html, type SafeHtml } from "../../platform/html.ts";
import { tag } from "../../platform/views/components/tag.ts";
import { organisationPath } from "./accountability.paths.ts";
import type { Due, Party, ProgressUpdate } from "./accountability.types.ts";
import { type ProgressStatus, statusInfo } from "./progress-status.ts";
import type { Rolled } from "./rollup.ts";

// How progress is shown wherever it appears: status tags, who must act, due dates, flags and the
// roll-up in words. Accountability's pages use them, and so do the pages of the features that
// show its data (organisations, rounds, bulk updates): one look for the same facts everywhere.

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

/** The roll-up of one level as words: "Delayed: 38% done, across 10 actions." */
export function rolledText(rolled: Rolled | undefined): SafeHtml {
  if (!rolled || rolled.counted === 0 || rolled.percent === null)
    return html`${statusTag(null)} <span>Nothing to measure yet.</span>`;
  return html`${statusTag(rolled.status)} <span>${rolled.percent}% done, across ${rolled.counted} ${rolled.counted === 1 ? "action" : "actions"}.</span>`;
}
