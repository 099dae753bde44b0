import { type HtmlValue, html, type SafeHtml } from "../../html.ts";

export interface MetadataItem {
  key: string;
  value: HtmlValue;
}

/**
 * Design system "page metadata": a description list of facts about the page.
 * `inline` collapses it to one line and hides the keys visually (screen readers still hear them),
 * so inline values must make sense on their own.
 */
export function metadata(
  items: MetadataItem[],
  options: { inline?: boolean; className?: string } = {},
): SafeHtml {
  const classes = ["ds_metadata", options.inline ? "ds_metadata--inline" : "", options.className ?? ""]
    .filter(Boolean)
    .join("  ");
  return html`<dl class="${classes}">
  ${items.map(
    (item) => html`<div class="ds_metadata__item">
    <dt class="ds_metadata__key">${item.key}</dt>
    <dd class="ds_metadata__value">${item.value}</dd>
  </div>`,
  )}
</dl>`;
}
