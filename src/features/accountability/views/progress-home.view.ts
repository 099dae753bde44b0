import { html, type SafeHtml } from "../../../platform/html.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import type { OrganisationSummary } from "../accountability.types.ts";

// /progress: where a signed-in person starts reporting. A contributor sees their own
// organisations; the programme team, every organisation.

export function progressHomeView(model: {
  organisations: OrganisationSummary[];
  everywhere: boolean;
  /** The programme team: a way to the reporting rounds. */
  runsRounds?: boolean;
}): SafeHtml {
  const { organisations } = model;
  return html`${pageHeader({ title: "Progress updates" })}
  ${model.runsRounds ? html`<p>To ask organisations for updates by a date, with email reminders, open a <a href="/rounds">reporting round</a>.</p>` : ""}
  ${
    organisations.length === 0
      ? html`<p>You do not report for any organisation yet. Ask the programme team to add you as a contributor for yours.</p>`
      : html`<p>${model.everywhere ? "Choose an organisation to see what it owes and its draft updates." : "See what your organisation must act on, give updates and submit them."}</p>
  <ul>
    ${organisations.map((o) => html`<li><a href="/progress/${encodeURIComponent(o.slug)}">${o.name}</a></li>`)}
  </ul>`
  }`;
}
