import { html, type SafeHtml } from "../../../platform/html.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { table } from "../../../platform/views/components/table.ts";
import { tag } from "../../../platform/views/components/tag.ts";
import { button, csrfField, hiddenField, notification } from "../../../platform/views/forms.ts";
import type { FrameworkVision } from "../indicator.types.ts";
import { indicatorPath } from "./format.ts";

// The analyst's list of indicators: publish or withdraw each, and load its data.

export function manageIndicatorsView(
  visions: FrameworkVision[],
  versions: Map<string, number>,
  csrfToken: string,
  saved?: string,
): SafeHtml {
  const indicators = visions.flatMap((v) => v.outcomes.flatMap((o) => o.indicators));
  return html`${pageHeader({ label: "Progress framework", title: "Manage indicators" })}
  ${saved === "published" ? notification("The indicator is now public.") : ""}
  ${saved === "withdrawn" ? notification("The indicator is no longer public.") : ""}
  ${
    indicators.length === 0
      ? html`<p>There are no indicators yet.</p>`
      : table({
          caption: "Indicators",
          head: ["Indicator", "Public?", "Data", "Publish"],
          rows: indicators.map((i) => [
            html`<a href="${indicatorPath(i.slug)}">${i.title}</a>`,
            i.published ? tag("Published", "green") : tag("Not published", "grey"),
            html`<a href="/manage/indicators/${encodeURIComponent(i.slug)}/upload">Upload data<span class="visually-hidden"> for ${i.title}</span></a>`,
            html`<form method="post" action="/manage/indicators/${encodeURIComponent(i.slug)}/publish" class="wm-inline-form">
              ${csrfField(csrfToken)}${hiddenField("version", versions.get(i.slug) ?? 0)}${hiddenField("published", i.published ? "no" : "yes")}
              ${button({ text: html`${i.published ? "Withdraw" : "Publish"}<span class="visually-hidden"> ${i.title}</span>`, variant: "secondary", small: true })}
            </form>`,
          ]),
        })
  }`;
}
