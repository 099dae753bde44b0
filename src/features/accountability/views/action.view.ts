import { londonDayInWords, londonToday } from "../../../platform/dates.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { summaryList } from "../../../platform/views/components/summary-list.ts";
import { tag } from "../../../platform/views/components/tag.ts";
import { button, csrfField, errorSummary, hiddenField, textarea } from "../../../platform/views/forms.ts";
import { responsibilityPath } from "../accountability.paths.ts";
import type { ProgressUpdate } from "../accountability.types.ts";
import type { ActionStory } from "../progress.service.ts";
import { dueText, partiesText, updateStatus } from "../progress-display.ts";
import { confidenceLabel, EVIDENCE_KINDS } from "../progress-status.ts";

// One action's page: who must act and by when, and its history as a dated story, newest first.

export interface ActionPageModel {
  story: ActionStory;
  csrfToken: string;
  canEditResponsibility: boolean;
  /** A refused evidence request: which update, and why. */
  refused?: { updateId: number; errors: Record<string, string>; conflict?: string | undefined; note: string };
}

function evidenceList(update: ProgressUpdate): SafeHtml {
  if (update.evidence.length === 0) return html``;
  return html`<h4 class="ds_h5">Evidence</h4>
  <ul>
    ${update.evidence.map(
      (e) =>
        html`<li>${EVIDENCE_KINDS[e.kind]}: ${
          (e.kind === "link" || e.kind === "document") && e.url
            ? html`<a href="${e.url}" rel="nofollow noopener">${e.title || e.url}</a>`
            : e.kind === "voice"
              ? html`<q>${e.body}</q>`
              : e.title || e.body
        }</li>`,
    )}
  </ul>`;
}

function requestForm(model: ActionPageModel, update: ProgressUpdate): SafeHtml {
  const refused = model.refused?.updateId === update.id ? model.refused : undefined;
  const id = `note-${update.id}`;
  return html`<form method="post" action="/manage/progress-updates/${update.id}/request-evidence" novalidate>
    ${csrfField(model.csrfToken)}
    ${hiddenField("version", model.story.progressVersions[update.organisation.id] ?? 0)}
    ${textarea({
      id,
      name: "note",
      label: "Ask for more evidence",
      hint: "Say what would show the progress: a report, a link, what people said.",
      error: refused?.errors.note,
      value: refused?.note,
      rows: 3,
    })}
    ${button({ text: "Ask for more evidence", variant: "secondary", small: true })}
  </form>`;
}

function storyEntry(model: ActionPageModel, update: ProgressUpdate): SafeHtml {
  const when = update.submittedAt ?? update.updatedAt;
  return html`<li class="wm-story__entry">
  <h3 class="ds_h4"><time datetime="${londonToday(when)}">${londonDayInWords(when)}</time>: ${update.organisation.name}${update.state === "draft" ? html` ${tag("Draft: not public", "yellow")}` : ""}</h3>
  <p>${updateStatus(update)} <span>Confidence: ${confidenceLabel(update.confidence)}.</span></p>
  ${update.narrative ? html`<p>${update.narrative}</p>` : ""}
  ${evidenceList(update)}
  <p class="ds_hint-text">${update.state === "draft" ? "Saved" : "Submitted"} by ${update.authorName || "the programme team"}.</p>
  ${
    update.evidenceRequestedAt
      ? html`<div class="ds_inset-text"><div class="ds_inset-text__text"><strong>More evidence asked for on ${londonDayInWords(update.evidenceRequestedAt)}:</strong> ${update.evidenceRequest ?? ""}</div></div>`
      : ""
  }
  ${model.story.canReview && update.state === "submitted" ? requestForm(model, update) : ""}
</li>`;
}

export function actionView(model: ActionPageModel): SafeHtml {
  const { story } = model;
  const latest = story.updates.find((u) => u.state === "submitted") ?? null;
  const refused = model.refused;
  return html`${
    refused
      ? errorSummary({
          description: refused.conflict,
          errors: Object.entries(refused.errors).map(([, message]) => ({
            href: `#note-${refused.updateId}`,
            message,
          })),
        })
      : ""
  }
  ${pageHeader({ label: `${story.action.themeName} route map: action`, title: story.action.text })}
  ${story.children.length > 0 ? html`<ul>${story.children.map((c) => html`<li>${c}</li>`)}</ul>` : ""}
  ${story.editionStatus === "draft" ? html`<p>${tag("In a draft edition", "yellow")} This action is in a draft of the route map, not yet published.</p>` : ""}
  ${summaryList([
    { key: "Who must act", value: partiesText(story.parties) },
    { key: "Due", value: dueText(story.due) },
    { key: "How it is going", value: updateStatus(latest) },
  ])}
  ${model.canEditResponsibility ? html`<p><a href="${responsibilityPath(story.action.themeSlug, story.action.key)}">Change who must act and by when</a></p>` : ""}
  <h2 id="story">What has happened</h2>
  ${
    story.updates.length === 0
      ? html`<p>Nobody has reported on this action yet.</p>`
      : html`<ol class="ds_no-bullets wm-story">${story.updates.map((u) => storyEntry(model, u))}</ol>`
  }
  <p><a href="/themes/${encodeURIComponent(story.action.themeSlug)}">Back to the ${story.action.themeName} route map</a></p>`;
}
