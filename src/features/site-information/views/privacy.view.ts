import { html, type SafeHtml } from "../../../platform/html.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import type { SiteFacts } from "./accessibility.view.ts";
import { contactLine } from "./contact.ts";

/** The privacy notice: what Waymark publishes about people, what it keeps about account holders, and why. */
export function privacyView(facts: SiteFacts): SafeHtml {
  const contact = contactLine(facts.contactEmail, facts.operator);
  return html`${pageHeader({ title: "Privacy notice" })}
<div class="ds_layout"><div class="ds_layout__content">
<p>This notice explains what information about people Waymark publishes and keeps, why, and what your rights are.
Waymark is run by ${facts.operator}, who decide how this information is used (the data controller).</p>

<h2>What we publish</h2>
<p>Waymark publishes how the promise to care-experienced children, young people and families is being kept. To do that
it publishes:</p>
<ul>
  <li>the names and roles of people who are members of leadership and other groups, and the organisations they come from</li>
  <li>who came to a group's meetings, who sent apologies and who sent someone in their place, once the minutes are published</li>
  <li>what was said and decided at meetings, as written in the published minutes</li>
  <li>updates on progress that organisations have chosen to submit, with the organisation's name</li>
</ul>
<p>Nothing is public until someone responsible for it publishes it: draft minutes, draft updates and draft route maps
are seen only by the people working on them.</p>

<h2>What we keep if you have an account</h2>
<ul>
  <li>your name, email address and what you are allowed to do (your roles)</li>
  <li>your password, stored only in a form that cannot be turned back into the password</li>
  <li>when you signed in, so you stay signed in (for at most 12 hours)</li>
  <li>attempts to sign in and the internet address they came from, for a day, to stop people guessing passwords</li>
  <li>a record of every change you make (what changed, when, and who made it), kept as the record of the programme's business</li>
  <li>the names of any API tokens you make; the tokens themselves are never stored</li>
</ul>

<h2>Why we use it</h2>
<p>We publish and keep this information to carry out a task in the public interest: showing the public how the
promise is being kept, and letting the people responsible record their work. We do not use it for anything else, we
do not sell it, and we do not use it for advertising.</p>

<h2>Who can see it</h2>
<p>Published information can be seen and reused by anyone. Information from accounts is seen only by the people who
run Waymark and, for changes, by the programme's administrators.</p>

<h2>Your rights</h2>
<p>You can ask to see the information we hold about you, to have it corrected, or to have it removed or used less
where the law allows. To do any of these, ${contact}.</p>
<p>If you are unhappy with how your information is used, you can complain to the
<a href="https://ico.org.uk/make-a-complaint/">Information Commissioner's Office</a> (telephone 0303 123 1113).</p>

<h2>Cookies</h2>
<p>Waymark uses only the cookies it needs to work. <a href="/cookies">Read about the cookies Waymark uses</a>.</p>
</div></div>`;
}
