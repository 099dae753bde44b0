import { html, type SafeHtml } from "../../../platform/html.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import type { SiteFacts } from "./accessibility.view.ts";
import { contactLine } from "./contact.ts";

/** Where the phase banner's feedback link leads: how to tell the people who run the site. */
export function feedbackView(facts: SiteFacts): SafeHtml {
  return html`${pageHeader({ title: "Tell us what you think" })}
<div class="ds_layout"><div class="ds_layout__content">
<p>Waymark is new, and ${facts.operator} are still improving it. We want to hear from everyone who uses it: care-experienced children,
young people and families, the people who work with them, and the people who report on the promise.</p>
<p>Tell us what worked, what did not, what you could not find, or anything that was hard to understand. To tell us,
${contactLine(facts.contactEmail, facts.operator)}. Please do not include private details about yourself or anyone else.</p>
<p>If something on the site did not work with the way you use the web, read our
<a href="/accessibility">accessibility statement</a>.</p>
</div></div>`;
}
