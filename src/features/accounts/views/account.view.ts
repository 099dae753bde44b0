import type { Role } from "../../../platform/actor.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { summaryList } from "../../../platform/views/components/summary-list.ts";
import { button, csrfField, notification } from "../../../platform/views/forms.ts";
import type { AccountSummary, HeldRole } from "../account.service.ts";
import { formErrors, NEW_PASSWORD_HINT, passwordInput } from "./account-forms.ts";

// Roles in plain words: what each lets you do, for someone who has never seen a permission list.
const ROLE_WORDS: Record<Role, { name: string; can: string }> = {
  administrator: {
    name: "Administrator",
    can: "You can do everything in Waymark, including inviting people, changing their roles and reading the record of changes.",
  },
  programme_editor: {
    name: "Programme editor",
    can: "You can edit and publish route maps and reports, and review the progress organisations report.",
  },
  organisation_contributor: {
    name: "Organisation contributor",
    can: "You can report progress on the actions this organisation is part of.",
  },
  group_secretary: {
    name: "Group secretary",
    can: "You can look after this group’s meetings, papers and minutes.",
  },
  analyst: { name: "Analyst", can: "You can look after indicators and load their data." },
  reader: {
    name: "Reader",
    can: "You can read drafts and private papers before they are published, but not change them.",
  },
};

function roleItem(held: HeldRole): SafeHtml {
  const words = ROLE_WORDS[held.role];
  const title = held.scope
    ? `${words.name} ${held.role === "group_secretary" ? "of" : "for"} ${held.scope}`
    : words.name;
  return html`<li><strong>${title}.</strong> ${words.can}</li>`;
}

const SAVED: Record<string, string> = {
  password: "Your password has been changed. You have been signed out everywhere else.",
  reset: "Your new password has been saved and you are signed in. You have been signed out everywhere else.",
  welcome: "Welcome to Waymark. Your account is ready and you are signed in.",
};

export interface AccountPage {
  account: AccountSummary;
  csrfToken: string;
  saved?: string | undefined;
  errors: Record<string, string>;
  throttled?: string;
}

/** /account: who you are, your roles, your password, signing out everywhere. */
export function accountView(p: AccountPage): SafeHtml {
  const { account } = p;
  const saved = p.saved ? SAVED[p.saved] : undefined;
  const ids = { currentPassword: "current-password", password: "new-password" };
  return html`<div class="ds_layout__content">
    ${p.throttled ? formErrors({}, ids, p.throttled) : formErrors(p.errors, ids)}
    ${saved ? notification(saved) : ""}
    <h1>Your account</h1>
    ${summaryList([
      { key: "Name", value: account.name },
      { key: "Email address", value: account.email },
    ])}
    <h2>What you can do</h2>
    ${
      account.roles.length > 0
        ? html`<ul>${account.roles.map(roleItem)}</ul>`
        : html`<p>You have no roles yet, so you can read what Waymark publishes, like everyone else. An administrator can give you a role.</p>`
    }
    <p>If this is not right, ask a Waymark administrator.</p>

    <h2 id="password">Change your password</h2>
    ${
      account.hasPassword
        ? html`<form method="post" action="/account/password" novalidate>
      ${csrfField(p.csrfToken)}
      ${passwordInput({
        id: ids.currentPassword,
        name: "currentPassword",
        label: "Current password",
        error: p.errors.currentPassword,
        autocomplete: "current-password",
      })}
      ${passwordInput({
        id: ids.password,
        name: "password",
        label: "New password",
        hint: NEW_PASSWORD_HINT,
        error: p.errors.password,
        autocomplete: "new-password",
      })}
      <p>Changing your password signs you out everywhere else.</p>
      ${button({ text: "Change password" })}
    </form>`
        : html`<p>You sign in with single sign-on, so you have no Waymark password to change.</p>`
    }

    <h2 id="everywhere">Sign out everywhere</h2>
    <p>If you signed in on a computer you no longer use, or lost a phone, sign out everywhere. You will need to sign in again on this device too.</p>
    <form method="post" action="/account/sign-out-everywhere">
      ${csrfField(p.csrfToken)}
      ${button({ text: "Sign out everywhere", variant: "secondary" })}
    </form>
  </div>`;
}
