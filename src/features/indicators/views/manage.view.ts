import { html, type SafeHtml } from "../../../platform/html.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { table } from "../../../platform/views/components/table.ts";
import { tag } from "../../../platform/views/components/tag.ts";
import { button, csrfField, hiddenField, notification } from "../../../platform/views/forms.ts";
import type { FrameworkOutcome, FrameworkVision } from "../indicator.types.ts";
import { editIndicatorPath, manageOutcomePath, manageVisionPath } from "./edit-parts.ts";
import { indicatorPath } from "./format.ts";

// The analyst's view of the framework: each vision statement and outcome with a link to change
// it, and each indicator with links to change it and load its data, and a button to publish or
// withdraw it. Adding starts here too.

const SAVED: Record<string, string> = {
  published: "The indicator is now public.",
  withdrawn: "The indicator is no longer public.",
  vision: "The vision statement has been added.",
  outcome: "The outcome has been added.",
};

function outcomeBlock(o: FrameworkOutcome, versions: Map<string, number>, csrfToken: string): SafeHtml {
  return html`<h3>${o.title}</h3>
  <p><a href="${manageOutcomePath(o.slug)}">Change<span class="visually-hidden"> the outcome ${o.title}</span></a> · <a href="/manage/indicators/new?outcome=${encodeURIComponent(o.slug)}">Add an indicator<span class="visually-hidden"> to ${o.title}</span></a></p>
  ${
    o.indicators.length === 0
      ? html`<p>No indicators yet.</p>`
      : table({
          caption: `Indicators of the outcome: ${o.title}`,
          head: ["Indicator", "Public?", "Change", "Publish"],
          rows: o.indicators.map((i) => [
            html`<a href="${indicatorPath(i.slug)}">${i.title}</a>`,
            i.published ? tag("Published", "green") : tag("Not published", "grey"),
            html`<a href="${editIndicatorPath(i.slug)}">Details and evidence<span class="visually-hidden"> for ${i.title}</span></a><br><a href="/manage/indicators/${encodeURIComponent(i.slug)}/upload">Upload data<span class="visually-hidden"> for ${i.title}</span></a>`,
            html`<form method="post" action="/manage/indicators/${encodeURIComponent(i.slug)}/publish" class="wm-inline-form">
              ${csrfField(csrfToken)}${hiddenField("version", versions.get(i.slug) ?? 0)}${hiddenField("published", i.published ? "no" : "yes")}
              ${button({ text: html`${i.published ? "Withdraw" : "Publish"}<span class="visually-hidden"> ${i.title}</span>`, variant: "secondary", small: true })}
            </form>`,
          ]),
        })
  }`;
}

export function manageIndicatorsView(
  visions: FrameworkVision[],
  versions: Map<string, number>,
  csrfToken: string,
  saved?: string,
): SafeHtml {
  return html`${pageHeader({ label: "Progress framework", title: "Manage indicators" })}
  ${saved && SAVED[saved] ? notification(SAVED[saved]!) : ""}
  <p><a class="ds_button ds_button--secondary" href="/manage/indicators/visions/new">Add a vision statement</a></p>
  ${
    visions.length === 0
      ? html`<p>There are no vision statements yet. Start by adding one, then its outcomes and their indicators.</p>`
      : visions.map(
          (v) => html`<section class="wm-manage-vision">
  <h2>${v.title}</h2>
  <p><a href="${manageVisionPath(v.slug)}">Change<span class="visually-hidden"> the vision statement ${v.title}</span></a> · <a href="/manage/indicators/outcomes/new?vision=${encodeURIComponent(v.slug)}">Add an outcome<span class="visually-hidden"> to ${v.title}</span></a></p>
  ${v.outcomes.length === 0 ? html`<p>No outcomes yet.</p>` : v.outcomes.map((o) => outcomeBlock(o, versions, csrfToken))}
</section>`,
        )
  }`;
}
