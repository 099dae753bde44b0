import { html, type SafeHtml } from "../../../platform/html.ts";
import { summaryList } from "../../../platform/views/components/summary-list.ts";
import { table } from "../../../platform/views/components/table.ts";
import { tag } from "../../../platform/views/components/tag.ts";
import { button, csrfField, hiddenField } from "../../../platform/views/forms.ts";
import type { GroupSummary } from "../../governance/governance.types.ts";
import type { ParsedDocument } from "../document.parser.ts";
import { describeDocument, kindName } from "../document-describe.ts";
import type { MinutesPlan } from "../minutes-import.service.ts";

// The review page: what the document was found to hold and what importing it will create or
// match, with near-matches to confirm, before anything is saved. The import button posts the
// document again (as base64, so its hash is the same) with the choices made here.

export interface ReviewViewModel {
  csrfToken: string;
  fileName: string;
  /** The document's bytes, base64. */
  document: string;
  source: string;
  group: string;
  parsed: ParsedDocument;
  /** Minutes only: what will be created and matched. */
  plan: MinutesPlan | null;
  /** Minutes of a group Waymark does not have: the nearest group there is, to choose instead. */
  nearestGroup?: GroupSummary | null | undefined;
}

const state = (matched: boolean) => (matched ? tag("Already in Waymark", "green") : tag("New", "blue"));

function minutesPlan(plan: MinutesPlan): SafeHtml {
  const newPeople = plan.people.filter((p) => !p.matched).length;
  const newOrganisations = plan.organisations.filter((o) => !o.matched).length;
  return html`<h2>What will be created</h2>
  ${
    plan.existingMeetingId !== null
      ? html`<p>${plan.group.name} already has a meeting on ${plan.meetingDate}. Importing will change nothing.</p>`
      : html`<p>${plan.newGroup ? html`A new group, “${plan.newGroup}”, and a` : "A"} meeting of ${plan.group.name} on ${plan.meetingDate}, held, with draft minutes: ${plan.attendance.length} attendance entries and ${plan.items.length} agenda items. ${newPeople} new people and ${newOrganisations} new organisations will be added.</p>`
  }
  ${table({
    caption: "People",
    head: ["Name", "In Waymark"],
    rows: plan.people.map((p) => [p.name, state(p.matched)]),
  })}
  ${table({
    caption: "Organisations",
    head: ["Name", "In Waymark"],
    rows: plan.organisations.map((o) => [o.name, state(o.matched)]),
  })}
  ${table({
    caption: "Agenda items",
    head: ["Item", "Discussion points", "Decisions"],
    rows: plan.items.map((i) => [i.title, String(i.discussionPoints.length), String(i.decisions.length)]),
  })}`;
}

/** The minutes' group is not in Waymark: creating it must be chosen, and a near one is named. */
function newGroupChoice(plan: MinutesPlan | null, nearest: GroupSummary | null | undefined): SafeHtml {
  if (!plan?.newGroup) return html``;
  return html`<div class="ds_question">
    <fieldset aria-describedby="createGroup-hint">
      <legend>Create the group “${plan.newGroup}”?</legend>
      <p class="ds_hint-text" id="createGroup-hint">Waymark has no group called “${plan.newGroup}”.${
        nearest
          ? html` The nearest is “${nearest.name}”: if that is the one, <a href="/manage/import">go back</a> and choose it under Group.`
          : ""
      } Tick to create it with the meeting; you can add its remit and members afterwards.</p>
      <div class="ds_checkbox ds_checkbox--small">
        <input class="ds_checkbox__input" type="checkbox" id="createGroup" name="createGroup" value="yes">
        <label class="ds_checkbox__label" for="createGroup">Create the group “${plan.newGroup}”</label>
      </div>
    </fieldset>
  </div>`;
}

function nearMatches(plan: MinutesPlan | null): SafeHtml {
  if (!plan || plan.nearMatches.length === 0) return html``;
  return html`<div class="ds_question">
    <fieldset>
      <legend>Are these the same?</legend>
      <p class="ds_hint-text">These names are close to ones Waymark already has. Tick the ones that are the same ${"\u2013"} otherwise a new record is made.</p>
      ${plan.nearMatches.map(
        (n, i) => html`<div class="ds_checkbox ds_checkbox--small">
        <input class="ds_checkbox__input" type="checkbox" id="same-${i}" name="same" value="${`${n.name}=${n.existing}`}">
        <label class="ds_checkbox__label" for="same-${i}">“${n.name}” is ${n.kind === "person" ? "the person" : "the organisation"} “${n.existing}”</label>
      </div>`,
      )}
    </fieldset>
  </div>`;
}

function progressPlan(parsed: ParsedDocument): SafeHtml {
  if (parsed.kind !== "progress-update") return html``;
  return html`<h2>Key actions</h2>
  <p>Each key action will become a commitment, listed on the <a href="/commitments">commitments page</a> with this document as its source.</p>
  <ol>${(parsed.commitments ?? []).map((c) => html`<li>${c.text}</li>`)}</ol>`;
}

export function importReviewView(m: ReviewViewModel): SafeHtml {
  const p = m.parsed;
  return html`<h1 class="ds_page-header__title">Check before importing</h1>
  ${summaryList([
    { key: "File", value: m.fileName },
    { key: "Kind", value: kindName(p) },
    { key: "Found", value: describeDocument(p) },
    { key: "Looks cut off", value: p.truncated ? "Yes: check it against the published page" : "No" },
  ])}
  ${
    p.warnings.length > 0 ? html`<h2>Warnings</h2><ul>${p.warnings.map((w) => html`<li>${w}</li>`)}</ul>` : ""
  }
  ${m.plan ? minutesPlan(m.plan) : ""}
  ${progressPlan(p)}
  ${p.kind === "route-map" ? html`<p>A draft edition of the ${p.themeName ?? "named"} route map will be created, unless it already has a draft or says what a published edition says.</p>` : ""}
  <form method="post" action="/manage/import/confirm" novalidate>
    ${csrfField(m.csrfToken)}
    ${hiddenField("document", m.document)}
    ${hiddenField("fileName", m.fileName)}
    ${hiddenField("source", m.source)}
    ${hiddenField("group", m.group)}
    ${newGroupChoice(m.plan, m.nearestGroup)}
    ${nearMatches(m.plan)}
    ${button({ text: "Import it" })}
  </form>
  <p><a href="/manage/import">Choose another document</a></p>`;
}
