import { html, type SafeHtml } from "../../../platform/html.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { table } from "../../../platform/views/components/table.ts";

/** The cookies page: the two cookies Waymark sets, both needed for it to work, and none for tracking. */
export function cookiesView(): SafeHtml {
  return html`${pageHeader({ title: "Cookies" })}
<div class="ds_layout"><div class="ds_layout__content">
<p>Cookies are small files saved on your phone or computer when you visit a website.</p>
<p>Waymark sets only the cookies it needs to work, so it does not ask you to accept them. It does not use cookies to
measure how you use the site, and no one else sets cookies through it.</p>
<h2>Cookies Waymark sets</h2>
${table({
  caption: "The cookies Waymark sets",
  head: ["Name", "What it is for", "When it expires"],
  rows: [
    [
      "wm_csrf",
      "Makes sure a form you send really came from you, and not from another website",
      "When you close your browser",
    ],
    ["wm_session", "Keeps you signed in, if you have an account", "When you sign out, or after 12 hours"],
  ],
})}
<p>On a secure connection the names start with <code>__Host-</code>, which stops any other website setting them.</p>
</div></div>`;
}
