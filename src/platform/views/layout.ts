import type { Actor } from "../actor.ts";
import { html, type SafeHtml } from "../html.ts";
import { can } from "../security/authorize.ts";

export interface Crumb {
  href: string;
  text: string;
}

export interface PageOptions {
  /** The page's own title; " – Waymark" is added. */
  title: string;
  /** A sentence on what the page holds, for search results and shared links; the site's own by default. */
  description?: string;
  actor: Actor;
  /** The request's CSRF token: the sign-out button in the header is a form. */
  csrfToken: string;
  breadcrumbs?: Crumb[];
  /** The address asked for, so the navigation can mark the section it is in. */
  path?: string;
  /** Shown above the content, e.g. "Draft preview: not public". */
  banner?: SafeHtml;
  content: SafeHtml;
}

function breadcrumbs(crumbs: Crumb[], current: string): SafeHtml {
  return html`<nav aria-label="Breadcrumb">
    <ol class="ds_breadcrumbs">
      ${crumbs.map((c) => html`<li class="ds_breadcrumbs__item"><a class="ds_breadcrumbs__link" href="${c.href}">${c.text}</a></li>`)}
      <li class="ds_breadcrumbs__item" aria-current="page">${current}</li>
    </ol>
  </nav>`;
}

function accountLinks(actor: Actor, csrfToken: string): SafeHtml {
  if (actor.kind === "public") {
    return html`<a class="ds_site-navigation__link" href="/sign-in">Sign in</a>`;
  }
  return html`<span class="wm-account">Signed in as ${actor.name}</span>
    <form class="wm-inline-form" method="post" action="/sign-out">
      <input type="hidden" name="_csrf" value="${csrfToken}">
      <button class="ds_link wm-link-button" type="submit">Sign out</button>
    </form>`;
}

const ICONS = "/assets/ds/images/icons/icons.stack.svg";

const SITE_DESCRIPTION =
  "The plans, the people and the progress of keeping the promise to Scotland's care-experienced children, young people and families by 2030.";

const OGL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";

const FOOTER_LINKS = [
  { href: "/accessibility", text: "Accessibility" },
  { href: "/privacy", text: "Privacy" },
  { href: "/cookies", text: "Cookies" },
  { href: "/feedback", text: "Feedback" },
  { href: "/api/v1", text: "Open data" },
];

interface NavigationLink {
  href: string;
  text: string;
  /** Where else the section's pages live, besides under `href`. */
  also?: string[];
}

function navigationLinks(actor: Actor): NavigationLink[] {
  return [
    { href: "/", text: "Route maps", also: ["/themes", "/foundations"] },
    { href: "/sectors", text: "Who must act" },
    { href: "/groups", text: "Groups", also: ["/landscape"] },
    { href: "/indicators", text: "Indicators" },
    { href: "/organisations", text: "Organisations" },
    ...(can(actor, "progress.read_private") ? [{ href: "/progress", text: "Progress updates" }] : []),
    { href: "/api/v1", text: "Open data" },
    ...(can(actor, "route_map.edit") ? [{ href: "/manage", text: "Edit route maps" }] : []),
    ...(can(actor, "user.manage") ? [{ href: "/admin", text: "Manage people" }] : []),
    ...(can(actor, "indicator.edit") ? [{ href: "/manage/indicators", text: "Manage indicators" }] : []),
  ];
}

/** Whether `path` is `prefix` or an address under it: "/groups/x" is under "/groups", "/groupsx" is not. */
function under(path: string, prefix: string): boolean {
  return prefix === "/" ? path === "/" : path === prefix || path.startsWith(`${prefix}/`);
}

/** The link of the section `path` is in: the one with the longest matching address, if any. */
function currentLink(links: NavigationLink[], bare: string | undefined): NavigationLink | undefined {
  if (bare === undefined) return undefined;
  let best: { link: NavigationLink; length: number } | undefined;
  for (const link of links)
    for (const prefix of [link.href, ...(link.also ?? [])])
      if (under(bare, prefix) && prefix.length > (best?.length ?? -1)) best = { link, length: prefix.length };
  return best?.link;
}

function navigationList(actor: Actor, path: string | undefined): SafeHtml {
  const links = navigationLinks(actor);
  const bare = path?.split(/[?#]/)[0];
  const current = currentLink(links, bare);
  return html`<ul class="ds_site-navigation__list">
    ${links.map((l) =>
      l === current
        ? html`<li class="ds_site-navigation__item"><a class="ds_site-navigation__link ds_current" href="${l.href}" aria-current="${bare === l.href ? "page" : "true"}">${l.text}</a></li>`
        : html`<li class="ds_site-navigation__item"><a class="ds_site-navigation__link" href="${l.href}">${l.text}</a></li>`,
    )}
  </ul>`;
}

/** The page frame: skip link, header with navigation, breadcrumbs, main content and footer. */
export function page(options: PageOptions): SafeHtml {
  const { title, actor, csrfToken, content } = options;
  // The same list serves the phone's menu and the desktop's bar: drawn once.
  const navigation = navigationList(actor, options.path);
  return html`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – Waymark</title>
<meta name="description" content="${options.description ?? SITE_DESCRIPTION}">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/ds/css/design-system.min.css">
<link rel="stylesheet" href="/assets/app.css">
<script type="module" src="/assets/app.js"></script>
</head>
<body>
<div class="ds_page">
<div class="ds_page__top">
<nav class="ds_skip-links" aria-label="Skip links">
  <ul class="ds_skip-links__list">
    <li class="ds_skip-links__item"><a class="ds_skip-links__link" href="#main-content">Skip to main content</a></li>
  </ul>
</nav>
<header class="ds_site-header" role="banner">
  <div class="ds_wrapper">
    <div class="ds_site-header__content">
      <div class="ds_site-branding">
        <a class="ds_site-branding__logo ds_site-branding__link wm-logo" href="/">Waymark</a>
        <div class="ds_site-branding__title">Keeping the promise, 2020–2030</div>
      </div>
      <div class="wm-account-links">${accountLinks(actor, csrfToken)}</div>
      <div class="ds_site-header__controls">
        <label data-aria-controls="mobile-navigation" class="ds_site-header__control js-toggle-menu" for="menu">
          <span class="ds_site-header__control-text">Menu</span>
          <svg class="ds_icon ds_site-header__control-icon" aria-hidden="true" role="img" focusable="false"><use href="${ICONS}#menu"></use></svg>
          <svg class="ds_icon ds_site-header__control-icon ds_site-header__control-icon--active-icon" aria-hidden="true" role="img" focusable="false"><use href="${ICONS}#close"></use></svg>
        </label>
      </div>
      <input class="ds_site-navigation__toggle" id="menu" type="checkbox">
      <nav id="mobile-navigation" class="ds_site-navigation ds_site-navigation--mobile" data-module="ds-mobile-navigation-menu" aria-label="Main menu">
        ${navigation}
      </nav>
    </div>
  </div>
  <div class="ds_site-header__navigation">
    <div class="ds_wrapper">
      <nav class="ds_site-navigation" aria-label="Main">
        ${navigation}
      </nav>
    </div>
  </div>
  <div class="ds_phase-banner">
    <div class="ds_wrapper">
      <p class="ds_phase-banner__content">
        <strong class="ds_tag ds_phase-banner__tag">Beta</strong>
        <span class="ds_phase-banner__text">This is a new service. Your <a href="/feedback">feedback</a> will help us to improve it.</span>
      </p>
    </div>
  </div>
</header>
</div>
<div class="ds_page__middle">
<div class="ds_wrapper">
  ${options.breadcrumbs ? breadcrumbs(options.breadcrumbs, title) : ""}
  ${options.banner ?? ""}
  <main id="main-content" tabindex="-1">
    ${content}
  </main>
</div>
</div>
<div class="ds_page__bottom">
<footer class="ds_site-footer">
  <div class="ds_wrapper">
    <div class="ds_site-footer__content">
      <ul class="ds_site-footer__site-items">
        ${FOOTER_LINKS.map((l) => html`<li class="ds_site-items__item"><a href="${l.href}">${l.text}</a></li>`)}
      </ul>
      <div class="ds_site-footer__copyright">
        <p>All published content is available under the <a href="${OGL}" rel="license">Open Government Licence v3.0</a>, except where otherwise stated. Waymark is open-source software.</p>
      </div>
    </div>
  </div>
</footer>
</div>
</div>
</body>
</html>`;
}
