import { ROLES, type Role } from "../../../platform/actor.ts";
import type { FieldErrors } from "../../../platform/errors.ts";
import { attr, html, type SafeHtml } from "../../../platform/html.ts";
import {
  button,
  csrfField,
  errorLinks,
  errorMessage,
  errorSummary,
  hint,
  question,
  textInput,
} from "../../../platform/views/forms.ts";
import { ROLE_HINTS, ROLE_NAMES } from "../role-words.ts";
import { type ScopeChoices, scopeFields } from "./scope-fields.ts";

// The invitation form on /admin/invite: who, and which roles (a contributor's for an
// organisation, a secretary's for a group, as on the grant form of a person's page).

export interface InviteFormValues {
  email?: string | undefined;
  name?: string | undefined;
  roles?: readonly string[] | undefined;
  organisationId?: string | undefined;
  groupId?: string | undefined;
}

export interface InvitePageModel {
  csrfToken: string;
  choices: ScopeChoices;
  values: InviteFormValues;
  errors: FieldErrors;
}

/** The id of one role's checkbox, so the error summary can link to the first. */
export function roleCheckboxId(role: Role): string {
  return `roles-${role.replaceAll("_", "-")}`;
}

const FIELD_IDS: Record<string, string> = {
  email: "email",
  name: "name",
  roles: roleCheckboxId(ROLES[0]!),
  grants: roleCheckboxId(ROLES[0]!),
  organisationId: "organisationId",
  groupId: "groupId",
};

function roleCheckboxes(model: InvitePageModel): SafeHtml {
  const error = model.errors.roles ?? model.errors.grants;
  const ticked = new Set(model.values.roles ?? []);
  return question(
    error,
    html`<fieldset aria-describedby="roles-hint${error ? " roles-error" : ""}">
      <legend>Which roles?</legend>
      ${hint("roles-hint", "Tick every role they need. You can grant and remove roles later on their page.")}
      ${error ? errorMessage("roles-error", error) : ""}
      <div class="ds_field-group">
        ${ROLES.map((role) => {
          const id = roleCheckboxId(role);
          return html`<div class="ds_checkbox">
          <input class="ds_checkbox__input" type="checkbox" id="${id}" name="roles" value="${role}"${attr(
            "checked",
            ticked.has(role),
          )} aria-describedby="${id}-hint">
          <label class="ds_checkbox__label" for="${id}">${ROLE_NAMES[role]}</label>
          ${hint(`${id}-hint`, ROLE_HINTS[role])}
        </div>`;
        })}
      </div>
    </fieldset>`,
  );
}

export function invitePageTitle(model: InvitePageModel): string {
  return `${Object.keys(model.errors).length > 0 ? "Error: " : ""}Invite someone`;
}

/** Invite someone: their email address and name, and the roles they will have. */
export function inviteView(model: InvitePageModel): SafeHtml {
  const { values, errors } = model;
  return html`${errorSummary({ errors: errorLinks(errors, (name) => FIELD_IDS[name] ?? name) })}
  <a class="ds_back-link" href="/admin">Back to everyone</a>
  <h1>Invite someone</h1>
  <p>Waymark emails them a link to choose a password. The link works once, for 7 days. Until they accept, their account shows as invited.</p>
  <form method="post" action="/admin/invite" novalidate>
    ${csrfField(model.csrfToken)}
    ${textInput({
      id: "email",
      name: "email",
      type: "email",
      label: "Email address",
      hint: "The invitation goes to this address, and they sign in with it.",
      autocomplete: "off",
      spellcheck: false,
      error: errors.email,
      value: values.email,
    })}
    ${textInput({
      id: "name",
      name: "name",
      label: "Full name",
      hint: "As they would like it shown to others in Waymark.",
      autocomplete: "off",
      error: errors.name,
      value: values.name,
    })}
    ${roleCheckboxes(model)}
    ${scopeFields(model.choices, values, errors)}
    ${button({ text: "Send the invitation" })}
  </form>`;
}
