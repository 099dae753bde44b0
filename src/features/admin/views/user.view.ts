import { ROLES } from "../../../platform/actor.ts";
import type { FieldErrors } from "../../../platform/errors.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { summaryList } from "../../../platform/views/components/summary-list.ts";
import { table } from "../../../platform/views/components/table.ts";
import {
  button,
  csrfField,
  errorLinks,
  errorSummary,
  notification,
  radioId,
  radios,
} from "../../../platform/views/forms.ts";
import { formatDateTime } from "../../../platform/views/when.ts";
import type { UserDetail } from "../admin.types.ts";
import { ROLE_HINTS, ROLE_NAMES, roleInWords } from "../role-words.ts";
import { type ScopeChoices, scopeFields } from "./scope-fields.ts";
import { statusTag, userPath } from "./users.view.ts";

export interface UserPageModel {
  user: UserDetail;
  choices: ScopeChoices;
  csrfToken: string;
  /** The signed-in administrator is looking at their own account. */
  isSelf: boolean;
  saved?: string | undefined;
  /** A refused grant: the answers given and what is wrong with them. */
  grant?: { values: Record<string, string>; errors: FieldErrors } | undefined;
  /** A change refused as a whole (the last administrator, a deactivated account). */
  refusal?: string | undefined;
}

const FIELD_IDS: Record<string, string> = {
  role: radioId("role", ROLES[0]!),
  organisationId: "organisationId",
  groupId: "groupId",
};

export function userPageTitle(model: UserPageModel): string {
  return `${model.grant || model.refusal ? "Error: " : ""}${model.user.name}`;
}

function rolesTable(model: UserPageModel): SafeHtml {
  const { user } = model;
  if (user.roles.length === 0)
    return html`<p>${user.name} has no roles yet, so they can see only what the public sees.</p>`;
  return table({
    caption: `${user.name}'s roles`,
    head: ["Role", "Since", "Action"],
    rowHeaders: true,
    rows: user.roles.map((r) => [
      roleInWords(r),
      formatDateTime(r.grantedAt),
      html`<form class="wm-inline-form" method="post" action="${userPath(user.id)}/roles/${r.id}/delete">
        ${csrfField(model.csrfToken)}
        ${button({ text: html`Remove<span class="visually-hidden"> the role ${roleInWords(r)}</span>`, variant: "secondary", small: true })}
      </form>`,
    ]),
  });
}

function grantForm(model: UserPageModel): SafeHtml {
  const values = model.grant?.values ?? {};
  const errors = model.grant?.errors ?? {};
  return html`<form method="post" action="${userPath(model.user.id)}/roles" novalidate>
    ${csrfField(model.csrfToken)}
    ${radios({
      idPrefix: "role",
      name: "role",
      legend: "Which role?",
      error: errors.role,
      value: values.role,
      items: ROLES.map((role) => ({ value: role, text: ROLE_NAMES[role], hint: ROLE_HINTS[role] })),
    })}
    ${scopeFields(model.choices, values, errors)}
    ${button({ text: "Grant this role" })}
  </form>`;
}

/** An invited person who has not accepted: send a new link (the old one stops working). */
function resendSection(model: UserPageModel): SafeHtml {
  const { user } = model;
  if (user.status !== "invited") return html``;
  return html`<p>${user.name} has not accepted their invitation yet. If its link has run out (after 7 days) or the email went astray, send a new one: the old link stops working.</p>
    <form method="post" action="${userPath(user.id)}/resend-invitation">
      ${csrfField(model.csrfToken)}
      ${button({ text: "Send the invitation again", variant: "secondary" })}
    </form>`;
}

function accessSection(model: UserPageModel): SafeHtml {
  const { user } = model;
  if (user.status === "deactivated") {
    return html`<p>${user.name} cannot sign in, and their API tokens do not work.</p>
    <form method="post" action="${userPath(user.id)}/reactivate">
      ${csrfField(model.csrfToken)}
      ${button({ text: "Reactivate this account" })}
    </form>`;
  }
  if (model.isSelf)
    return html`<p>This is your own account. You cannot deactivate it yourself: another administrator can.</p>`;
  return html`<p>Deactivating stops ${user.name} signing in at once: their open sessions end and their API tokens stop working. Their roles are kept, and everything they did stays in the audit trail. You can reactivate the account later.</p>
    <form method="post" action="${userPath(user.id)}/deactivate">
      ${csrfField(model.csrfToken)}
      ${button({ text: "Deactivate this account", variant: "secondary" })}
    </form>`;
}

/** One person's account: their roles, granting and removing them, and stopping them signing in. */
export function userView(model: UserPageModel): SafeHtml {
  const { user } = model;
  const errors = model.grant?.errors ?? {};
  return html`${model.saved ? notification(model.saved) : ""}
  ${errorSummary({
    title: model.refusal ? "That change was not made" : "There is a problem",
    description: model.refusal,
    errors: errorLinks(errors, (name) => FIELD_IDS[name] ?? name),
  })}
  <a class="ds_back-link" href="/admin">Back to everyone</a>
  <h1>${user.name}</h1>
  ${summaryList([
    { key: "Email address", value: user.email },
    { key: "Status", value: statusTag(user.status) },
    { key: "Account created", value: formatDateTime(user.createdAt) },
    {
      key: "Signed in now",
      value:
        user.openSessions === 0
          ? "No"
          : `Yes, in ${user.openSessions} session${user.openSessions === 1 ? "" : "s"}`,
    },
  ])}
  <p><a href="/admin/audit?entityType=user&amp;entityId=${user.id}">Changes to this account</a> · <a href="/admin/audit?actorId=${user.id}">Changes made by ${user.name}</a></p>
  <h2>Roles</h2>
  ${rolesTable(model)}
  <h2>Grant a role</h2>
  ${user.status === "deactivated" ? html`<p>Reactivate the account before granting it a role.</p>` : grantForm(model)}
  <h2>Signing in</h2>
  ${resendSection(model)}
  ${accessSection(model)}`;
}
