import { html, type SafeHtml } from "../../../platform/html.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { contactLine } from "./contact.ts";

export interface SiteFacts {
  baseUrl: string;
  contactEmail: string | undefined;
  operator: string;
}

/** The accessibility statement public-sector websites must publish, in the model statement's order. */
export function accessibilityView(facts: SiteFacts): SafeHtml {
  const contact = contactLine(facts.contactEmail, facts.operator);
  return html`${pageHeader({ title: "Accessibility statement" })}
<div class="ds_layout"><div class="ds_layout__content">
<p>This statement is about Waymark at <a href="${facts.baseUrl}/">${facts.baseUrl}</a>. It is run by ${facts.operator}.
We want as many people as possible to be able to use it. You should be able to:</p>
<ul>
  <li>change colours, contrast and fonts using your browser or device settings</li>
  <li>zoom in up to 400% without the text spilling off the screen</li>
  <li>get around every page using just a keyboard</li>
  <li>use every page and form without JavaScript</li>
  <li>listen to every page using a screen reader</li>
  <li>read the numbers behind every chart in a table beside it</li>
</ul>

<h2>How accessible this website is</h2>
<p>We know some parts are not fully accessible:</p>
<ul>
  <li>papers that groups add to their meetings (PDF and Word files) are the groups' own documents and may not meet the standard</li>
  <li>some wide tables scroll sideways on a phone</li>
  <li>on long pages, such as a whole route map, there is no link back to the top</li>
</ul>

<h2>What to do if you cannot use part of this website</h2>
<p>If you need something in a different format, such as large print, easy read, an audio recording or braille, ${contact}.
Tell us the web address of the page and what you need. We will reply within 10 working days.</p>

<h2>Reporting accessibility problems</h2>
<p>We are always looking to improve. If you find a problem that is not listed here, or you think we are not meeting
the accessibility regulations, ${contact}.</p>

<h2>Enforcement procedure</h2>
<p>The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and
Mobile Applications) (No. 2) Accessibility Regulations 2018 (the accessibility regulations). If you are not happy with
how we respond to your complaint, contact the
<a href="https://www.equalityadvisoryservice.com/">Equality Advisory and Support Service (EASS)</a>.</p>

<h2>Technical information about this website's accessibility</h2>
<p>We are committed to making this website accessible, in line with the accessibility regulations.</p>
<p>This website is partially compliant with the <a href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility
Guidelines version 2.2</a> AA standard, because of the problems listed above.</p>

<h2>How we tested this website</h2>
<p>Every change to Waymark is tested before it is released. An automated checker (axe) looks at every kind of page on
a desktop screen, at a phone's width and with JavaScript turned off, and every page is checked as valid HTML. It has
not yet been tested by an accessibility auditor or by disabled people using their own assistive technology; that is
what we will do next.</p>

<h2>Preparation of this statement</h2>
<p>This statement was prepared on 7 December 2026. It was last reviewed on 7 December 2026.</p>
</div></div>`;
}
