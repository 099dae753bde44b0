import { html, type SafeHtml } from "../../../platform/html.ts";
import { notificationBanner } from "../../../platform/views/components/notification-banner.ts";
import type { Edition } from "../route-map.types.ts";
import { editPath } from "./edit-sections.ts";
import { editionBody } from "./edition.view.ts";

// The draft as the public page will show it, under a banner that says it is not public.
// Readers may preview a draft too; only those who may edit it are offered the way back to editing.

function previewBanner(edition: Edition, canEdit: boolean): SafeHtml {
  return notificationBanner(
    html`<p><strong>Draft preview: not public.</strong> This is how the ${edition.theme.name} route map will look when this edition is published.${
      canEdit ? html` <a href="${editPath(edition.id)}">Back to editing</a>` : ""
    }</p>`,
    { title: "Draft preview" },
  );
}

export function previewView(edition: Edition, canEdit: boolean): SafeHtml {
  return html`<h1>${edition.theme.name}</h1>
  ${previewBanner(edition, canEdit)}
  ${editionBody(edition)}
  ${canEdit ? html`<p><a href="${editPath(edition.id)}">Back to editing the draft</a></p>` : ""}`;
}
