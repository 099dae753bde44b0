import { html, type SafeHtml } from "../../../platform/html.ts";
import { button, csrfField } from "../../../platform/views/forms.ts";
import { formErrors, NEW_PASSWORD_HINT, passwordInput } from "./account-forms.ts";

export interface InvitationForm {
  token: string;
  name: string;
  email: string;
  csrfToken: string;
  errors: Record<string, string>;
}

/** Accepting an invitation: the person chooses their password. */
export function invitationView(form: InvitationForm): SafeHtml {
  return html`<div class="ds_layout__content">
    ${formErrors(form.errors, { password: "password" })}
    <h1>Accept your invitation</h1>
    <p>You have been invited to Waymark as ${form.name}, with the email address ${form.email}.
      Choose a password to finish setting up your account. You will sign in with your email address and this password.</p>
    <form method="post" action="/invitations/${form.token}" novalidate>
      ${csrfField(form.csrfToken)}
      ${passwordInput({
        id: "password",
        name: "password",
        label: "Choose a password",
        hint: NEW_PASSWORD_HINT,
        error: form.errors.password,
        autocomplete: "new-password",
      })}
      ${button({ text: "Accept and sign in" })}
    </form>
  </div>`;
}
