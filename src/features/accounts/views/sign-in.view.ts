import { html, type SafeHtml } from "../../../platform/html.ts";

export interface SignInForm {
  email: string;
  returnTo: string;
  csrfToken: string;
  /** Field → message; "form" for a message about the whole form. */
  errors: Record<string, string>;
}

const FIELD_LABELS: Record<string, string> = { email: "Email address", password: "Password" };

function errorSummary(errors: Record<string, string>): SafeHtml {
  const entries = Object.entries(errors);
  if (entries.length === 0) return html``;
  return html`<div class="ds_error-summary" id="error-summary" aria-labelledby="error-summary-title" role="alert">
    <h2 class="ds_error-summary__title" id="error-summary-title">There is a problem</h2>
    <ul class="ds_error-summary__list">
      ${entries.map(([field, message]) => html`<li><a href="#${field === "form" ? "email" : field}">${message}</a></li>`)}
    </ul>
  </div>`;
}

function field(
  name: "email" | "password",
  type: string,
  value: string,
  error: string | undefined,
  autocomplete: string,
): SafeHtml {
  return html`<div class="ds_question${error ? " ds_question--error" : ""}">
    <label class="ds_label" for="${name}">${FIELD_LABELS[name]}</label>
    ${error ? html`<p class="ds_question__error-message" id="${name}-error">${error}</p>` : ""}
    <input class="ds_input${error ? " ds_input--error" : ""}" type="${type}" id="${name}" name="${name}"
      value="${value}" autocomplete="${autocomplete}" spellcheck="false"${error ? html` aria-invalid="true" aria-describedby="${name}-error"` : ""}>
  </div>`;
}

/** The sign-in page's content. */
export function signInView(form: SignInForm): SafeHtml {
  return html`<div class="ds_layout__content">
    ${errorSummary(form.errors)}
    <h1>Sign in</h1>
    <p>Sign in to edit route maps. You do not need an account to read anything Waymark publishes.</p>
    <form method="post" action="/sign-in" novalidate>
      <input type="hidden" name="_csrf" value="${form.csrfToken}">
      <input type="hidden" name="returnTo" value="${form.returnTo}">
      ${field("email", "email", form.email, form.errors.email, "username")}
      ${field("password", "password", "", form.errors.password ?? form.errors.form, "current-password")}
      <button class="ds_button" type="submit">Sign in</button>
    </form>
  </div>`;
}
