import { fullDate } from "../../../platform/dates.ts";
import type { FieldErrors } from "../../../platform/errors.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { details } from "../../../platform/views/components/details.ts";
import { table } from "../../../platform/views/components/table.ts";
import { tag } from "../../../platform/views/components/tag.ts";
import { button, dateInput, dateInputId, errorLinks, errorSummary } from "../../../platform/views/forms.ts";
import type { GroupFlag, GroupSummary } from "../group-summary.ts";
import type { MeetingRow } from "../landscape.repository.ts";
import type { LandscapeReport } from "../landscape.service.ts";
import type { PeriodForm } from "../landscape-period.ts";
import type { GroupOverlap } from "../overlap.ts";

// The landscape page: every group, where groups overlap, and the meeting load over a period chosen
// with a plain GET form (works without JavaScript; the address can be shared).

const percent = (x: number) => `${Math.round(x * 100)}%`;

export function groupHref(slug: string): string {
  return `/groups/${encodeURIComponent(slug)}`;
}

function flagTag(flag: GroupFlag): SafeHtml {
  switch (flag.kind) {
    case "past_end":
      return tag(`Past its end date, ${fullDate(flag.date)}`, "red");
    case "review_due":
      return tag(`Review was due ${fullDate(flag.date)}`, "orange");
    case "no_end_date":
      return tag("No end date", "grey");
  }
}

function meetingCell(meeting: MeetingRow | null): string {
  return meeting ? fullDate(meeting.date) : "None";
}

function groupsTable(groups: GroupSummary<MeetingRow>[]): SafeHtml {
  if (groups.length === 0) return html`<p>There are no groups yet.</p>`;
  return table({
    caption: "Every group, with its place, dates and meetings",
    head: [
      "Group",
      "Remit",
      "Sits under",
      "Portfolio",
      "Review date",
      "End date",
      "Last meeting",
      "Next meeting",
      "Needs attention",
    ],
    rowHeaders: true,
    rows: groups.map((s) => [
      html`<a href="${groupHref(s.group.slug)}">${s.group.name}</a>${s.group.status === "active" ? "" : html` ${tag(s.group.status === "ended" ? "Ended" : "Paused", "grey")}`}`,
      s.group.remit === "" ? "Not written yet" : s.group.remit,
      s.parent ? html`<a href="${groupHref(s.parent.slug)}">${s.parent.name}</a>` : "None",
      s.group.portfolio ?? "None",
      s.group.reviewDate ? fullDate(s.group.reviewDate) : "None",
      s.group.endDate ? fullDate(s.group.endDate) : "None",
      meetingCell(s.lastMeeting),
      meetingCell(s.nextMeeting),
      s.flags.length === 0 ? "Nothing" : html`${s.flags.map((f) => html`${flagTag(f)} `)}`,
    ]),
  });
}

function names(list: { name: string }[]): string {
  return list.length === 0 ? "" : `: ${list.map((x) => x.name).join(", ")}`;
}

function overlapTable(overlaps: GroupOverlap[]): SafeHtml {
  if (overlaps.length === 0) return html`<p>No two groups share people, organisations or remit words.</p>`;
  return table({
    caption: "Pairs of groups, most overlapping first",
    head: ["Groups", "People on both", "Organisations on both", "Remit words in common", "Overlap"],
    rows: overlaps.map((o) => [
      html`<a href="${groupHref(o.a.slug)}">${o.a.name}</a> and <a href="${groupHref(o.b.slug)}">${o.b.name}</a>`,
      `${o.sharedPeople.length} (${percent(o.people)})${names(o.sharedPeople)}`,
      `${o.sharedOrganisations.length} (${percent(o.organisations)})${names(o.sharedOrganisations)}`,
      `${o.sharedWords.length} (${percent(o.remit)})${o.sharedWords.length ? `: ${o.sharedWords.join(", ")}` : ""}`,
      percent(o.score),
    ]),
  });
}

function periodForm(form: PeriodForm, errors: FieldErrors): SafeHtml {
  return html`<form method="get" action="/landscape" novalidate>
    ${dateInput({ name: "from", legend: "First day", value: form.from, error: errors.from, hint: "For example, 1 4 2025" })}
    ${dateInput({ name: "to", legend: "Last day", value: form.to, error: errors.to, hint: "For example, 31 3 2026" })}
    ${button({ text: "Show meeting load", variant: "secondary" })}
  </form>`;
}

function loadTables(report: LandscapeReport): SafeHtml {
  const span = `${fullDate(report.period.from)} to ${fullDate(report.period.to)}`;
  const people =
    report.people.length === 0
      ? html`<p>No one was expected at or attended a meeting from ${span}.</p>`
      : table({
          caption: `Meetings per person, ${span}`,
          head: ["Person", "Groups", "Meetings expected at", "Meetings attended", "Apologies"],
          rowHeaders: true,
          rows: report.people.map((p) => [p.person.name, p.groups, p.expected, p.attended, p.apologies]),
        });
  const organisations =
    report.organisations.length === 0
      ? html`<p>No organisation had a seat at a meeting from ${span}.</p>`
      : table({
          caption: `Meetings per organisation, ${span}`,
          head: ["Organisation", "Groups", "Meetings", "Seats at meetings", "Attendances"],
          rowHeaders: true,
          rows: report.organisations.map((o) => [
            o.organisation.name,
            o.groups,
            o.meetings,
            o.seats,
            o.attendances,
          ]),
        });
  return html`<h3>People</h3>${people}<h3>Organisations</h3>${organisations}`;
}

const METHOD = html`<p>Overlap compares each pair of groups three ways, each from 0% (nothing in common) to 100% (the same):</p>
<ul>
  <li>people: the members of both groups today, out of everyone who is a member of either;</li>
  <li>organisations: the organisations those members sit for, counted the same way;</li>
  <li>remit: the words of the two remits, leaving out everyday words like "the" and "will", counted the same way.</li>
</ul>
<p>The overlap is the average of the three. Ended groups are left out.</p>`;

const LOAD_METHOD = html`<p>A meeting counts if it falls in the period and was not cancelled. Someone is expected at a meeting if they were a member of the group that day. They attended if the minutes say they were present, or came in someone else's place. Apologies include sending someone else. An organisation's seats are its members expected at each meeting, added up.</p>`;

export function landscapeView(report: LandscapeReport, form: PeriodForm, errors: FieldErrors = {}): SafeHtml {
  const hasErrors = Object.keys(errors).length > 0;
  return html`${hasErrors ? errorSummary({ errors: errorLinks(errors, dateInputId) }) : ""}
<h1>The landscape of groups</h1>
<p class="ds_lead">Every group, what it is for, when it meets, where groups overlap, and how many meetings people and organisations are asked to go to.</p>
${report.includesPrivate ? "" : html`<p>Meetings are counted from published minutes.</p>`}
<h2 id="groups">Groups</h2>
${groupsTable(report.groups)}
<h2 id="overlap">Where groups overlap</h2>
${details("How overlap is worked out", METHOD)}
${overlapTable(report.overlaps)}
<h2 id="meeting-load">Meeting load</h2>
${details("How meetings are counted", LOAD_METHOD)}
${periodForm(form, errors)}
${hasErrors ? "" : loadTables(report)}
<h2 id="downloads">Download the data</h2>
<ul>
  <li><a href="/data/groups.csv">Groups (CSV)</a></li>
  <li><a href="/data/memberships.csv">Memberships (CSV)</a></li>
  <li><a href="/data/meetings.csv">Meetings (CSV)</a></li>
  <li><a href="/api/v1/groups">Groups as JSON, in the open data API</a></li>
</ul>`;
}
