import { type HtmlValue, html, type SafeHtml } from "../../html.ts";

/** Design system inset text: a note set apart from the text around it. */
export function insetText(content: HtmlValue): SafeHtml {
  return html`<div class="ds_inset-text">
  <div class="ds_inset-text__text">${content}</div>
</div>`;
}
