import { fullDate, londonDayInWords } from "../../../platform/dates.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { summaryList } from "../../../platform/views/components/summary-list.ts";
import { table } from "../../../platform/views/components/table.ts";
import { tag } from "../../../platform/views/components/tag.ts";
import { button, csrfField, notification } from "../../../platform/views/forms.ts";
import { actionPath, organisationPath } from "../../accountability/accountability.paths.ts";
import type { RoundDetail } from "../round.types.ts";
import { completionWords, updatesWords } from "../round.words.ts";
import { dueWords, reminderWords, roundPath, roundState, scopeWords } from "./round-parts.ts";

// One reporting round for the programme team: how complete it is, each organisation with what it
// owes and whether it has answered, the reminder days, and closing it. And the part of an
// organisation's progress page that shows its contributors the open rounds and what they owe.

function savedNotice(saved: string | undefined): SafeHtml {
  if (saved === "opened")
    return notification(
      "The round is open. Each organisation's contributors now see what they owe, and reminders will go on the days below.",
    );
  if (saved === "closed") return notification("The round is closed. No more reminders will be sent for it.");
  return html``;
}

export function roundView(model: {
  round: RoundDetail;
  csrfToken: string;
  saved?: string | undefined;
}): SafeHtml {
  const { round } = model;
  const t = round.totals;
  const rows = round.organisations.map((o) => [
    html`<a href="${organisationPath(o.slug)}">${o.name}</a>`,
    html`${o.answered === o.owed ? tag("Answered", "green") : o.answered === 0 ? tag("Not yet", "red") : tag("Part answered", "orange")}`,
    completionWords(o.answered, o.owed, o.percent),
    html`<ul class="ds_no-bullets wm-owed">${o.items.map(
      (i) =>
        html`<li>${i.answered ? "Answered" : "Waiting"}: ${i.themeSlug ? html`<a href="${actionPath(i.themeSlug, i.key)}">${i.text.slice(0, 90)}${i.text.length > 90 ? "…" : ""}</a>` : i.text} (${i.role === "lead" ? "lead" : "partner"})</li>`,
    )}</ul>`,
  ]);
  return html`${savedNotice(model.saved)}
  ${pageHeader({ label: "Reporting round", title: round.title })}
  ${summaryList([
    {
      key: "State",
      value: html`${roundState(round)}${round.closedAt ? html` since ${londonDayInWords(round.closedAt)}` : ""}`,
    },
    { key: "Updates due", value: dueWords(round) },
    { key: "Route maps", value: scopeWords(round) },
    { key: "Opened", value: londonDayInWords(round.openedAt) },
    { key: "Reminders", value: reminderWords(round) },
  ])}
  <h2 id="completion">Who has answered</h2>
  <p class="wm-lead">${t.percent}% complete: ${updatesWords(t.answered, t.owed)} given. ${t.organisationsDone} of ${t.organisations} ${t.organisations === 1 ? "organisation has" : "organisations have"} answered everything.</p>
  <p>An organisation has answered an action when it submitted an update on it after the round opened${round.closedAt ? " and before it closed" : ""}. Those furthest behind come first.</p>
  ${table({
    caption: `Organisations in ${round.title}, furthest behind first`,
    head: ["Organisation", "Answered", "Updates given", "Actions"],
    rows,
    rowHeaders: true,
    smallscreen: "boxes",
  })}
  <h2 id="reminders">Reminder emails</h2>
  ${
    round.reminders.length === 0
      ? html`<p>No reminder days are set for this round.</p>`
      : table({
          caption: "Reminder days and what happened on each",
          head: ["Day", "Organisations", "Sent", "Not needed", "Failed, to try again"],
          rows: round.reminders.map((r) => [
            fullDate(r.sendOn),
            String(r.total),
            String(r.sent),
            String(r.skipped),
            String(r.failing),
          ]),
          rowHeaders: true,
        })
  }
  <p>A reminder is not needed when the organisation has already answered everything, has nobody to write to, or a later reminder went instead.</p>
  ${
    round.closedAt
      ? ""
      : html`<h2 id="close">Close the round</h2>
  <p>Closing stops its reminders and takes it off contributors' pages. Updates given after it closes do not count towards it.</p>
  <form method="post" action="${roundPath(round.id)}/close" novalidate>
    ${csrfField(model.csrfToken)}
    ${button({ text: "Close the round", variant: "secondary" })}
  </form>`
  }
  <p><a href="/rounds">All reporting rounds</a></p>`;
}
