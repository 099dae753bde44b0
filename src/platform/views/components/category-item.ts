import { type HtmlValue, html, type SafeHtml } from "../../html.ts";

export interface CategoryItem {
  href: string;
  title: string;
  /** Short text under the title. */
  summary?: HtmlValue;
  /** Any further content, e.g. page metadata. */
  extra?: HtmlValue;
}

/**
 * Design system category items in a category list: each item's title is a link that covers the
 * whole item. `headingLevel` keeps the page's headings in order (2 under the h1, 3 under an h2).
 */
export function categoryList(items: CategoryItem[], headingLevel: 2 | 3 | 4 = 2): SafeHtml {
  return html`<ul class="ds_category-list">
  ${items.map((item) => html`<li class="ds_category-item">${categoryItemContent(item, headingLevel)}</li>`)}
</ul>`;
}

function categoryItemContent(item: CategoryItem, level: number): SafeHtml {
  const title = html`<a class="ds_category-item__link" href="${item.href}">${item.title}</a>`;
  const heading =
    level === 2
      ? html`<h2 class="ds_category-item__title">${title}</h2>`
      : level === 3
        ? html`<h3 class="ds_category-item__title">${title}</h3>`
        : html`<h4 class="ds_category-item__title">${title}</h4>`;
  return html`${heading}
  ${item.summary ? html`<p class="ds_category-item__summary">${item.summary}</p>` : ""}
  ${item.extra ?? ""}`;
}
