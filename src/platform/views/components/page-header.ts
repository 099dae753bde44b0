import { html, type SafeHtml } from "../../html.ts";
import { type MetadataItem, metadata } from "./metadata.ts";

export interface PageHeaderOptions {
  /** A content label above the title, e.g. "Route map" or "Foundation". */
  label?: string;
  title: string;
  metadata?: MetadataItem[];
}

/** Design system page header: optional content label, the page's one h1, and page metadata. */
export function pageHeader(options: PageHeaderOptions): SafeHtml {
  return html`<header class="ds_page-header">
  ${options.label ? html`<span class="ds_page-header__label  ds_content-label">${options.label}</span>` : ""}
  <h1 class="ds_page-header__title">${options.title}</h1>
  ${
    options.metadata && options.metadata.length > 0
      ? metadata(options.metadata, { className: "ds_page-header__metadata" })
      : ""
  }
</header>`;
}
