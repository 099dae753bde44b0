import { html, type SafeHtml } from "../../../platform/html.ts";

/** How to reach the people who run this site: their address when configured, else who they are. */
export function contactLine(contactEmail: string | undefined, operator: string): SafeHtml {
  return contactEmail
    ? html`email <a href="mailto:${contactEmail}">${contactEmail}</a>`
    : html`contact ${operator}`;
}
