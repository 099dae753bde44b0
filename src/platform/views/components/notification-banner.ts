import { type HtmlValue, html, type SafeHtml } from "../../html.ts";

/**
 * Design system notification banner, without a close button: what it says (an earlier edition,
 * a draft) stays true for as long as the reader is on the page. The visually hidden heading tells
 * screen-reader users what kind of message this is; place the banner after the page's h1.
 */
export function notificationBanner(content: HtmlValue, options: { title?: string } = {}): SafeHtml {
  return html`<div class="ds_notification  ds_reversed  wm-notification" data-module="ds-notification">
  <div class="ds_wrapper">
    <div class="ds_notification__content">
      <h2 class="visually-hidden">${options.title ?? "Information"}</h2>
      <div class="ds_notification__text">${content}</div>
    </div>
  </div>
</div>`;
}
