import type { AccountLinkPurpose } from "../../../db/schema.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { LINK_LIFETIME_HOURS } from "../account-link.service.ts";

/** A link from an email that does not work (used, run out, replaced or mistyped): what to do next. */
export function linkProblemView(purpose: AccountLinkPurpose): SafeHtml {
  const invitation = purpose === "invitation";
  return html`<div class="ds_layout__content">
    <h1>This link does not work</h1>
    <p>It may have been used already, or run out of time:
      ${invitation ? `invitation links work for ${LINK_LIFETIME_HOURS.invitation / 24} days` : `password reset links work for ${LINK_LIFETIME_HOURS.password_reset} hour`}
      and only once. A newer email replaces the link in an older one. If you copied the link, check you copied all of it.</p>
    ${
      invitation
        ? html`<p>Ask the person who invited you to send a new invitation. If you have already chosen a password, <a href="/sign-in">sign in</a>.</p>`
        : html`<p><a href="/password-reset">Ask for a new password reset link</a>, or <a href="/sign-in">sign in</a> if you remember your password.</p>`
    }
  </div>`;
}
