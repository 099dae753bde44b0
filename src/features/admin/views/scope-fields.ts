import type { FieldErrors } from "../../../platform/errors.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { select } from "../../../platform/views/forms.ts";
import type { ScopeChoice } from "../admin.types.ts";

// The two questions that scope a role, shared by the invitation form and a person's grant form:
// which organisation a contributor reports for, which group a secretary keeps.

export interface ScopeChoices {
  organisations: ScopeChoice[];
  groups: ScopeChoice[];
}

export function scopeFields(
  { organisations, groups }: ScopeChoices,
  values: { organisationId?: string | undefined; groupId?: string | undefined },
  errors: FieldErrors,
): SafeHtml {
  return html`${select({
    id: "organisationId",
    name: "organisationId",
    label: "Organisation (for an organisation contributor only)",
    hint: organisations.length === 0 ? "No organisations have been added to Waymark yet." : undefined,
    error: errors.organisationId,
    value: values.organisationId,
    placeholder: "Choose an organisation",
    options: organisations.map((o) => ({ value: String(o.id), text: o.name })),
  })}
  ${select({
    id: "groupId",
    name: "groupId",
    label: "Governance group (for a group secretary only)",
    hint: groups.length === 0 ? "No governance groups have been added to Waymark yet." : undefined,
    error: errors.groupId,
    value: values.groupId,
    placeholder: "Choose a group",
    options: groups.map((g) => ({ value: String(g.id), text: g.name })),
  })}`;
}
