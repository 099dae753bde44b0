import { html, type SafeHtml } from "../../../platform/html.ts";
import type { OidcRefusal } from "../oidc.service.ts";

/** What the sign-in page offers besides a password: the provider's button, when single sign-on is on. */
export function singleSignOnOption(name: string, returnTo: string): SafeHtml {
  const href = `/sign-in/sso?${new URLSearchParams({ returnTo }).toString()}`;
  return html`<h2 class="ds_h3">Or sign in with ${name}</h2>
    <p>If your organisation gave you a ${name} account, you can use it instead of a Waymark password.</p>
    <a class="ds_button ds_button--secondary" href="${href}">Sign in with ${name}</a>`;
}

function tryAgain(name: string): SafeHtml {
  return html`<ul class="ds_no-bullets">
      <li><a href="/sign-in/sso">Try signing in with ${name} again</a></li>
      <li><a href="/sign-in">Sign in with your email address and password</a></li>
    </ul>`;
}

/** The provider vouched for the person, but Waymark will not let them in: say why and what to do. */
export function refusedView(name: string, reason: OidcRefusal, email: string | undefined): SafeHtml {
  const body: Record<OidcRefusal, SafeHtml> = {
    unknown: html`<p>There is no Waymark account for ${email ? html`<strong>${email}</strong>` : "your email address"}.</p>
      <p>Waymark accounts are by invitation. Ask the programme team to invite you, using the email
      address of your ${name} account.</p>`,
    deactivated: html`<p>Your Waymark account has been closed, so you cannot sign in with it.</p>
      <p>If you think this is a mistake, contact the programme team.</p>`,
    unverified: html`<p>${name} has not confirmed that ${email ? html`<strong>${email}</strong>` : "your email address"}
      is yours, so we cannot match it to a Waymark account.</p>
      <p>Confirm your email address with ${name} first, then try again.</p>`,
    linked_elsewhere: html`<p>The Waymark account for ${email ? html`<strong>${email}</strong>` : "your email address"}
      is already linked to a different ${name} account.</p>
      <p>Sign in with the ${name} account you used before, or contact the programme team.</p>`,
  };
  return html`<div class="ds_layout__content">
    <h1>You cannot sign in to Waymark with this account</h1>
    ${body[reason]}
    <p><a href="/sign-in">Go back to sign in</a></p>
  </div>`;
}

/** The sign-in did not complete: cancelled, expired, used twice or tampered with. Nothing was changed. */
export function failedView(name: string, cancelled: boolean): SafeHtml {
  return html`<div class="ds_layout__content">
    <h1>${cancelled ? "You cancelled signing in" : "Signing in did not work"}</h1>
    ${
      cancelled
        ? html`<p>You did not finish signing in with ${name}, so you are not signed in to Waymark.</p>`
        : html`<p>Signing in with ${name} did not finish properly. This happens when the sign-in took
          too long, was already used, or was started in another browser or tab.</p>
          <p>You are not signed in. Please start again.</p>`
    }
    ${tryAgain(name)}
  </div>`;
}

/** The provider could not be reached. */
export function unavailableView(name: string): SafeHtml {
  return html`<div class="ds_layout__content">
    <h1>Sorry, ${name} is not available just now</h1>
    <p>We could not reach ${name} to sign you in. Please try again later.</p>
    ${tryAgain(name)}
  </div>`;
}
