import { html, type SafeHtml } from "../../../platform/html.ts";
import { button, csrfField, errorSummary, hiddenField } from "../../../platform/views/forms.ts";
import type { Edition } from "../route-map.types.ts";
import { editPath } from "./edit-sections.ts";

// Asking before a draft is thrown away: discarding cannot be undone from the app.

export function discardView(model: {
  edition: Edition;
  csrfToken: string;
  conflict?: string | undefined;
}): SafeHtml {
  const { edition } = model;
  return html`${model.conflict ? errorSummary({ title: "The draft has not been discarded", description: model.conflict, errors: [] }) : ""}
  <a class="ds_back-link" href="${editPath(edition.id)}">Back to the draft</a>
  <h1>Discard the draft of the ${edition.theme.name} route map?</h1>
  <p>Every change in this draft will be lost. The published route map stays as it is.</p>
  <form method="post" action="/manage/editions/${edition.id}/discard">
    ${csrfField(model.csrfToken)}${hiddenField("version", edition.version)}
    <div class="ds_button-group">
      ${button({ text: "Yes, discard this draft" })}
      <a class="ds_link" href="${editPath(edition.id)}">No, keep editing</a>
    </div>
  </form>`;
}
