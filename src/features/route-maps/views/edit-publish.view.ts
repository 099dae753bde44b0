import { fullDate } from "../../../platform/dates.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { button, dateInput } from "../../../platform/views/forms.ts";
import { type EditContext, type EditPageModel, formFields, sectionBlock, valuesFor } from "./edit-page.ts";
import { PUBLISH_ANCHOR } from "./edit-sections.ts";

// The publish form at the end of a draft's edit page.

/** The form that publishes the draft with its "last updated" date. */
export function publishSection(model: EditPageModel, ctx: EditContext): SafeHtml {
  const { values: v, errors: e } = valuesFor(model.state, (s) => s.form === "publish", {});
  const previous = model.view.previousLastUpdated;
  return sectionBlock(
    PUBLISH_ANCHOR,
    "Publish this edition",
    html`<p>Publishing makes this edition public straight away. It becomes the route map's latest edition and can no longer be changed.</p>
    <p><a href="/manage/editions/${ctx.editionId}/preview">Preview the draft</a> first to check how it will look.</p>
    <form method="post" action="/manage/editions/${ctx.editionId}/publish" novalidate>
      ${formFields(ctx)}
      ${dateInput({
        name: "lastUpdated",
        legend: "Last updated",
        hint: `The date the route map says it was last updated. For example, 1 12 2025.${
          previous ? ` It cannot be before ${fullDate(previous)}, the previous edition's date.` : ""
        }`,
        value: {
          day: v["lastUpdated-day"] ?? "",
          month: v["lastUpdated-month"] ?? "",
          year: v["lastUpdated-year"] ?? "",
        },
        error: e.lastUpdated,
      })}
      ${button({ text: "Publish this edition" })}
    </form>`,
  );
}
