import { type HtmlValue, html, type SafeHtml } from "../../html.ts";

export interface SummaryListItem {
  key: string;
  value: HtmlValue;
}

/** Design system summary list: key and value pairs, read-only (no change actions on public pages). */
export function summaryList(items: SummaryListItem[], options: { noBorder?: boolean } = {}): SafeHtml {
  return html`<ol class="ds_summary-list${options.noBorder ? "  ds_summary-list--no-border" : ""}">
  ${items.map(
    (item) => html`<li class="ds_summary-list__item">
    <span class="ds_summary-list__key">${item.key}</span>
    <span class="ds_summary-list__value">${item.value}</span>
  </li>`,
  )}
</ol>`;
}
