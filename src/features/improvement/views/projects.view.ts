import { fullDate } from "../../../platform/dates.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { tag } from "../../../platform/views/components/tag.ts";
import { projectPath } from "../improvement.paths.ts";
import { PROJECT_STATUS_LABELS, type ProjectSummary } from "../improvement.types.ts";

// The public list of published improvement projects.

export function projectsView(projects: Array<ProjectSummary & { organisations: string[] }>): SafeHtml {
  return html`${pageHeader({ title: "Improvement projects" })}
  <p class="ds_lead">People across Scotland are testing small changes to see what makes things better for children, young people and families. Each project says what it wants to improve, how it measures that, and what it has learned.</p>
  <p>Each measure has a run chart. A run chart shows whether a change is real or could be chance.</p>
  ${
    projects.length === 0
      ? html`<p>No improvement projects have been published yet.</p>`
      : html`<ul class="ds_no-bullets">${projects.map(
          (p) => html`<li class="wm-improvement-item">
          <h2 class="ds_h3"><a href="${projectPath(p.slug)}">${p.title}</a></h2>
          <p>${tag(PROJECT_STATUS_LABELS[p.status], "blue")}</p>
          <p>Aim: ${p.aim.what} ${p.aim.howMuch}, by ${fullDate(p.aim.by)}.</p>
          ${p.organisations.length > 0 ? html`<p>Taking part: ${p.organisations.join(", ")}.</p>` : ""}
        </li>`,
        )}</ul>`
  }`;
}
