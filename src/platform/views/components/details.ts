import { type HtmlValue, html, type SafeHtml } from "../../html.ts";

/** Design system details: a native <details> disclosure, so it works without JavaScript. */
export function details(summary: string, content: HtmlValue, options: { open?: boolean } = {}): SafeHtml {
  return html`<details class="ds_details"${options.open ? html` open` : ""}>
  <summary class="ds_details__summary">${summary}</summary>
  <div class="ds_details__text">${content}</div>
</details>`;
}
