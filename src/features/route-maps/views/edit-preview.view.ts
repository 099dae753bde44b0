import { html, type SafeHtml } from "../../../platform/html.ts";
import { notificationBanner } from "../../../platform/views/components/notification-banner.ts";
import type { Edition } from "../route-map.types.ts";
import { editPath } from "./edit-sections.ts";
import { editionBody } from "./edition.view.ts";

// The draft as the public page will show it, under a banner that says it is not public.

/** The banner under the preview's heading: it stays for as long as the page is open. */
export function previewBanner(edition: Edition): SafeHtml {
  return notificationBanner(
    html`<p><strong>Draft preview: not public.</strong> This is how the ${edition.theme.name} route map will look when this edition is published. <a href="${editPath(edition.id)}">Back to editing</a></p>`,
    { title: "Draft preview" },
  );
}

export function previewView(edition: Edition): SafeHtml {
  return html`<h1>${edition.theme.name}</h1>
  ${previewBanner(edition)}
  ${editionBody(edition)}
  <p><a href="${editPath(edition.id)}">Back to editing the draft</a></p>`;
}
