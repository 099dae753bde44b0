import { html, type SafeHtml } from "../../../platform/html.ts";
import { button, csrfField, hiddenField, notification, textInput } from "../../../platform/views/forms.ts";
import { formErrors, passwordInput } from "./account-forms.ts";
import { singleSignOnOption } from "./oidc.view.ts";

export interface SignInForm {
  email: string;
  returnTo: string;
  csrfToken: string;
  /** Field → message; "form" for a message about the whole form. */
  errors: Record<string, string>;
  /** Too many attempts: the plain message shown instead of the field errors. */
  throttled?: string;
  /** A confirmation to show above the form (after signing out everywhere). */
  notice?: string;
  /** The single sign-on provider's name, when it is configured: its button is shown. */
  singleSignOnName?: string | undefined;
}

const IDS = { email: "email", password: "password", form: "email" };

/** The sign-in page's content. */
export function signInView(form: SignInForm): SafeHtml {
  const errors = form.throttled ? {} : form.errors;
  return html`<div class="ds_layout__content">
    ${form.throttled ? formErrors({}, IDS, form.throttled) : formErrors(errors, IDS)}
    ${form.notice ? notification(form.notice) : ""}
    <h1>Sign in</h1>
    <p>Sign in to edit route maps and report progress. You do not need an account to read anything Waymark publishes.</p>
    <form method="post" action="/sign-in" novalidate>
      ${csrfField(form.csrfToken)}
      ${hiddenField("returnTo", form.returnTo)}
      ${textInput({
        id: "email",
        name: "email",
        type: "email",
        label: "Email address",
        value: form.email,
        error: errors.email,
        autocomplete: "username",
        spellcheck: false,
      })}
      ${passwordInput({
        id: "password",
        name: "password",
        label: "Password",
        error: errors.password ?? errors.form,
        autocomplete: "current-password",
      })}
      ${button({ text: "Sign in" })}
    </form>
    <p><a href="/password-reset">I have forgotten my password</a></p>
    <p>New to Waymark? Accounts are by invitation: ask the programme team to invite you.</p>
    ${form.singleSignOnName ? singleSignOnOption(form.singleSignOnName, form.returnTo) : ""}
  </div>`;
}
