import { html, type SafeHtml } from "../../../platform/html.ts";
import { table } from "../../../platform/views/components/table.ts";
import { type TagColour, tag } from "../../../platform/views/components/tag.ts";
import { notification } from "../../../platform/views/forms.ts";
import type { UserSummary } from "../admin.types.ts";
import { roleInWords, STATUS_NAMES } from "../role-words.ts";

const STATUS_COLOURS: Record<UserSummary["status"], TagColour> = {
  invited: "blue",
  active: "green",
  deactivated: "grey",
};

export function statusTag(status: UserSummary["status"]): SafeHtml {
  return tag(STATUS_NAMES[status], STATUS_COLOURS[status]);
}

export function userPath(id: number): string {
  return `/admin/users/${id}`;
}

/** Everyone with an account, what they may do, and the ways into the rest of administration. */
export function usersView(model: {
  users: UserSummary[];
  canInvite: boolean;
  saved?: string | undefined;
}): SafeHtml {
  return html`${model.saved ? notification(model.saved) : ""}
  <h1>Manage people</h1>
  <p>Everyone who can sign in to Waymark, and what each of them may do. Choose a name to change their roles or stop them signing in.</p>
  <ul class="ds_no-bullets">
    ${model.canInvite ? html`<li><a href="/admin/invite">Invite someone</a></li>` : ""}
    <li><a href="/admin/audit">Read the audit trail</a>: every change anyone has made</li>
    <li><a href="/account/tokens">Your API tokens</a></li>
  </ul>
  ${table({
    caption: `People with an account (${model.users.length})`,
    head: ["Name", "Email address", "Status", "Roles"],
    rowHeaders: true,
    rows: model.users.map((u) => [
      html`<a href="${userPath(u.id)}">${u.name}</a>`,
      u.email,
      statusTag(u.status),
      u.roles.length === 0
        ? "No roles yet"
        : html`<ul class="ds_no-bullets">${u.roles.map((r) => html`<li>${roleInWords(r)}</li>`)}</ul>`,
    ]),
  })}`;
}
