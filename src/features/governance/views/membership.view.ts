import { html, type SafeHtml } from "../../../platform/html.ts";
import type { FormState } from "../../../platform/http-forms.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import {
  buttonForm,
  date,
  errorOf,
  type FormContext,
  fieldId,
  formProblems,
  hintWith,
  postForm,
  text,
  value,
} from "../../../platform/views/form-parts.ts";
import { button, hiddenField, select } from "../../../platform/views/forms.ts";
import { manageGroupPath } from "../governance.paths.ts";
import type { Membership } from "../governance.types.ts";
import { MEMBERSHIP_ROLES, ROLE_LABELS } from "../governance.types.ts";
import { MEMBER_DATES } from "./manage-group.view.ts";

// Changing one membership: organisation, role, deputy and dates; or removing one entered by mistake.

export function membershipView(model: {
  membership: Membership;
  group: { slug: string; name: string };
  csrfToken: string;
  state?: FormState | undefined;
}): SafeHtml {
  const { membership: m, csrfToken } = model;
  const context: FormContext = {
    name: "member",
    csrfToken,
    state: model.state,
    dates: MEMBER_DATES,
    initial: {
      organisation: m.organisation?.name ?? "",
      role: m.role,
      deputyFor: m.deputyFor?.name ?? "",
      fromDate: m.fromDate ?? "",
      toDate: m.toDate ?? "",
    },
    showSaved: true,
    savedWords: { role: ROLE_LABELS[m.role] },
  };
  const removal: FormContext = { name: "remove", csrfToken, state: model.state };
  return html`${pageHeader({ label: model.group.name, title: `${m.person.name}'s membership` })}
  <p><a href="${manageGroupPath(model.group.slug)}#members">Back to the group</a></p>
  ${postForm(
    `/manage/memberships/${m.id}`,
    csrfToken,
    html`${formProblems(context)}${hiddenField("version", m.version)}
    ${text(context, "organisation", "Organisation", { width: "fluid-two-thirds" })}
    ${select({
      id: fieldId(context, "role"),
      name: "role",
      label: "Role",
      hint: hintWith(context, "role"),
      value: value(context, "role"),
      error: errorOf(context, "role"),
      options: MEMBERSHIP_ROLES.map((r) => ({ value: r, text: ROLE_LABELS[r] })),
    })}
    ${text(context, "deputyFor", "Deputy for", { hint: "If they stand in for another member, that member's name", width: "fluid-two-thirds" })}
    ${date(context, "fromDate", "Member from")}
    ${date(context, "toDate", "Member until", "When they left the group. Leave empty if they are still a member")}
    ${button({ text: "Save the membership" })}`,
  )}
  <h2>Remove this membership</h2>
  <p>Only remove a membership entered by mistake. When someone leaves the group, give the date they left instead, so the record stays.</p>
  ${formProblems(removal)}
  ${buttonForm(`/manage/memberships/${m.id}/remove`, csrfToken, "Remove the membership", { version: String(m.version) })}`;
}
