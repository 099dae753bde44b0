import { type HtmlValue, html, type SafeHtml } from "../../html.ts";

export interface TableOptions {
  /** Every table has a caption: it names the table for screen-reader users. */
  caption: string;
  /** Column headings. */
  head: string[];
  rows: HtmlValue[][];
  /** When true, each row's first cell is a row header (`<th scope="row">`). */
  rowHeaders?: boolean;
  /** How the design system's script adapts the table on small screens. */
  smallscreen?: "scrolling" | "boxes";
  /** Extra classes on the table, e.g. a Waymark modifier. */
  className?: string;
}

/**
 * Design system table with a caption, column headers and optional row headers. It sits in a
 * focusable region that scrolls sideways on its own when the table is wider than a phone, so
 * the page itself never does, with or without JavaScript.
 */
export function table(options: TableOptions): SafeHtml {
  const classes = ["ds_table", options.className ?? ""].filter(Boolean).join(" ");
  return html`<div class="wm-table-scroll" role="region" aria-label="${options.caption}" tabindex="0"><table class="${classes}"${options.smallscreen ? html` data-smallscreen="${options.smallscreen}"` : ""}>
  <caption>${options.caption}</caption>
  <thead>
    <tr>${options.head.map((h) => html`<th scope="col">${h}</th>`)}</tr>
  </thead>
  <tbody>
    ${options.rows.map(
      (row) =>
        html`<tr>${row.map((cell, i) =>
          i === 0 && options.rowHeaders ? html`<th scope="row">${cell}</th>` : html`<td>${cell}</td>`,
        )}</tr>`,
    )}
  </tbody>
</table></div>`;
}
