import type { FieldErrors } from "../../../platform/errors.ts";
import { attr, html, type SafeHtml } from "../../../platform/html.ts";
import {
  errorLinks,
  errorMessage,
  errorSummary,
  hint,
  label,
  question,
} from "../../../platform/views/forms.ts";
import { PASSWORD_MIN } from "../account.validation.ts";

// What the account pages share: a password field (the platform's text input has no password
// type, on purpose: only these pages ask for one) and the error summary linking to each field.

export interface PasswordInputOptions {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  autocomplete: "current-password" | "new-password";
}

/** A password field in its question wrapper. The value is never sent back to the browser. */
export function passwordInput(o: PasswordInputOptions): SafeHtml {
  const hintId = o.hint ? `${o.id}-hint` : undefined;
  const errorId = o.error ? `${o.id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return question(
    o.error,
    html`${label(o.id, o.label)}
    ${hintId ? hint(hintId, o.hint!) : ""}
    ${errorId ? errorMessage(errorId, o.error!) : ""}
    <input class="ds_input ds_input--fluid-two-thirds${o.error ? " ds_input--error" : ""}" type="password" id="${o.id}" name="${o.name}" autocomplete="${o.autocomplete}" spellcheck="false"${attr(
      "aria-invalid",
      o.error ? "true" : undefined,
    )}${attr("aria-describedby", describedBy)}>`,
  );
}

export const NEW_PASSWORD_HINT = `At least ${PASSWORD_MIN} characters. A few words you will remember, like a short sentence, make a strong password.`;

/** The error summary for a form whose fields have these ids (field name → id). */
export function formErrors(errors: FieldErrors, ids: Record<string, string>, description?: string): SafeHtml {
  return errorSummary({
    errors: errorLinks(errors, (name) => ids[name] ?? Object.values(ids)[0] ?? name),
    ...(description ? { description } : {}),
  });
}
