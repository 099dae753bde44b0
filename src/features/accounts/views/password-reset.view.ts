import { html, type SafeHtml } from "../../../platform/html.ts";
import { button, csrfField, textInput } from "../../../platform/views/forms.ts";
import { LINK_LIFETIME_HOURS } from "../account-link.service.ts";
import { formErrors, NEW_PASSWORD_HINT, passwordInput } from "./account-forms.ts";

/** Asking for a reset link. */
export function resetRequestView(form: {
  email: string;
  csrfToken: string;
  errors: Record<string, string>;
  throttled?: string;
}): SafeHtml {
  return html`<div class="ds_layout__content">
    ${form.throttled ? formErrors({}, { email: "email" }, form.throttled) : formErrors(form.errors, { email: "email" })}
    <h1>Reset your password</h1>
    <p>Enter the email address of your Waymark account. We will email you a link to choose a new password.</p>
    <form method="post" action="/password-reset" novalidate>
      ${csrfField(form.csrfToken)}
      ${textInput({
        id: "email",
        name: "email",
        type: "email",
        label: "Email address",
        value: form.email,
        error: form.errors.email,
        autocomplete: "email",
        spellcheck: false,
      })}
      ${button({ text: "Send me a link" })}
    </form>
  </div>`;
}

/** The same answer whether or not the address has an account, so nobody can find out who has one. */
export function resetSentView(email: string): SafeHtml {
  return html`<div class="ds_layout__content">
    <h1>Check your email</h1>
    <p>If there is a Waymark account for ${email}, we have sent it a link to choose a new password.
      The link works once, for ${LINK_LIFETIME_HOURS.password_reset} hour.</p>
    <p>If nothing arrives in a few minutes, check your spam or junk folder, then
      <a href="/password-reset">ask for a new link</a>. If you were invited but have not accepted yet, use the link in your invitation instead.</p>
  </div>`;
}

/** Choosing the new password, from the emailed link. */
export function resetPasswordView(form: {
  token: string;
  email: string;
  csrfToken: string;
  errors: Record<string, string>;
}): SafeHtml {
  return html`<div class="ds_layout__content">
    ${formErrors(form.errors, { password: "password" })}
    <h1>Choose a new password</h1>
    <p>For the Waymark account of ${form.email}. Saving it signs you out of Waymark on every other computer and phone.</p>
    <form method="post" action="/password-reset/${form.token}" novalidate>
      ${csrfField(form.csrfToken)}
      ${passwordInput({
        id: "password",
        name: "password",
        label: "New password",
        hint: NEW_PASSWORD_HINT,
        error: form.errors.password,
        autocomplete: "new-password",
      })}
      ${button({ text: "Save and sign in" })}
    </form>
  </div>`;
}
