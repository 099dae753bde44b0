import { html, type SafeHtml } from "../../html.ts";

export interface ContentsLink {
  href: string;
  text: string;
  /** The page the reader is on: shown as text, not a link. */
  current?: boolean;
}

/**
 * Design system contents navigation: a titled list of links, e.g. to the sections of a long page.
 * `label` names the navigation landmark; it must differ from other navigation on the page.
 */
export function contentsNav(options: { title: string; label: string; links: ContentsLink[] }): SafeHtml {
  return html`<nav class="ds_contents-nav" aria-label="${options.label}">
  <h2 class="ds_contents-nav__title">${options.title}</h2>
  <ul class="ds_contents-nav__list">
    ${options.links.map(
      (link) =>
        html`<li class="ds_contents-nav__item">${
          link.current
            ? html`<span class="ds_contents-nav__link  ds_current" aria-current="page">${link.text}</span>`
            : html`<a class="ds_contents-nav__link" href="${link.href}">${link.text}</a>`
        }</li>`,
    )}
  </ul>
</nav>`;
}
