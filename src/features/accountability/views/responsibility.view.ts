import { html, type SafeHtml } from "../../../platform/html.ts";
import { checkboxes } from "../../../platform/views/components/checkboxes.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import {
  button,
  csrfField,
  dateInput,
  dateInputId,
  errorSummary,
  hiddenField,
  select,
  textInput,
} from "../../../platform/views/forms.ts";
import { actionPath, responsibilityPath } from "../accountability.paths.ts";
import type { ResponsibilityForm } from "../responsibility.service.ts";

// The programme editors' form: who must act on an action (lead and partner organisations and
// sectors), by when, how much it weighs in the roll-up, and which outcome it serves.

export interface ResponsibilityPageModel {
  form: ResponsibilityForm;
  csrfToken: string;
  /** Submitted values to show again, and the errors or conflict that refused them. */
  values?: Record<string, string | string[] | undefined>;
  errors?: Record<string, string>;
  conflict?: string | undefined;
}

const FIELD_IDS: Record<string, string> = {
  leadOrganisations: "leadOrganisations-0",
  partnerOrganisations: "partnerOrganisations-0",
  leadSectors: "leadSectors-0",
  partnerSectors: "partnerSectors-0",
  dueYear: "dueYear",
  dueDate: dateInputId("due"),
  weight: "weight",
  outcomeKey: "outcomeKey",
};

export function responsibilityTitle(model: ResponsibilityPageModel): string {
  const bad = Boolean(model.conflict) || Object.keys(model.errors ?? {}).length > 0;
  return `${bad ? "Error: " : ""}Who must act: ${model.form.action.themeName}`;
}

export function responsibilityView(model: ResponsibilityPageModel): SafeHtml {
  const { form } = model;
  const errors = model.errors ?? {};
  const values = model.values;
  const list = (name: string): string[] => {
    const v = values?.[name];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  const chosen = (name: string, role: "lead" | "partner", kind: "organisation" | "sector") =>
    values
      ? new Set(list(name))
      : new Set(form.parties.filter((p) => p.role === role && p.kind === kind).map((p) => String(p.id)));
  const one = (name: string, fallback: string): string => {
    const v = values?.[name];
    return typeof v === "string" ? v : fallback;
  };
  const partyBoxes = (
    name: string,
    legend: string,
    role: "lead" | "partner",
    kind: "organisation" | "sector",
  ) => {
    const picked = chosen(name, role, kind);
    const options = kind === "organisation" ? form.organisations : form.sectors;
    return checkboxes({
      idPrefix: name,
      name,
      legend,
      error: errors[name],
      items: options.map((o) => ({ value: String(o.id), text: o.name, checked: picked.has(String(o.id)) })),
    });
  };
  const [dd, mm, yyyy] = form.due.date ? form.due.date.split("-").reverse() : ["", "", ""];
  return html`${errorSummary({
    description: model.conflict,
    errors: Object.entries(errors).map(([name, message]) => ({
      href: `#${FIELD_IDS[name] ?? name}`,
      message,
    })),
  })}
  ${pageHeader({ label: `${form.action.themeName} route map`, title: "Who must act, and by when" })}
  <div class="ds_inset-text"><div class="ds_inset-text__text">${form.action.text}</div></div>
  <p>What you set here stays with this action in later editions of the route map. <a href="${actionPath(form.action.themeSlug, form.action.key)}">See the action's page</a>.</p>
  <form method="post" action="${responsibilityPath(form.action.themeSlug, form.action.key)}" novalidate>
    ${csrfField(model.csrfToken)}
    ${hiddenField("version", form.version)}
    <h2>Organisations</h2>
    ${partyBoxes("leadOrganisations", "Lead organisations", "lead", "organisation")}
    <details class="ds_details" ${form.parties.some((p) => p.role === "partner" && p.kind === "organisation") || errors.partnerOrganisations ? "open" : ""}>
      <summary class="ds_details__summary">Partner organisations</summary>
      <div class="ds_details__text">${partyBoxes("partnerOrganisations", "Partner organisations", "partner", "organisation")}</div>
    </details>
    <h2>Sectors</h2>
    <p>Name a whole sector when every organisation in it must act, such as every local authority.</p>
    ${partyBoxes("leadSectors", "Lead sectors", "lead", "sector")}
    ${partyBoxes("partnerSectors", "Partner sectors", "partner", "sector")}
    <h2>When it is due</h2>
    ${textInput({
      id: "dueYear",
      name: "dueYear",
      label: "Due year",
      hint: "The year it should be done by, like 2027. Or give a date below instead.",
      value: one("dueYear", form.due.year ? String(form.due.year) : ""),
      error: errors.dueYear,
      width: "fixed-4",
      inputmode: "numeric",
    })}
    ${dateInput({
      name: "due",
      legend: "Due date",
      hint: "For example, 31 3 2027. Leave it empty if you gave a year.",
      error: errors.dueDate,
      value: {
        day: one("due-day", dd ?? ""),
        month: one("due-month", mm ?? ""),
        year: one("due-year", yyyy ?? ""),
      },
    })}
    <h2>Roll-up</h2>
    ${textInput({
      id: "weight",
      name: "weight",
      label: "Weight",
      hint: "How much this action counts towards its route map's progress. 1 is usual; 2 counts double; 0 leaves it out.",
      value: one("weight", String(form.weight)),
      error: errors.weight,
      width: "fixed-3",
      inputmode: "numeric",
    })}
    ${
      form.outcomes.length > 1
        ? select({
            id: "outcomeKey",
            name: "outcomeKey",
            label: "Outcome it serves",
            placeholder: "None in particular",
            value: one("outcomeKey", form.outcomeKey ?? ""),
            error: errors.outcomeKey,
            options: form.outcomes.map((o) => ({ value: o.key, text: o.text.slice(0, 120) })),
          })
        : ""
    }
    ${button({ text: "Save who must act" })}
  </form>`;
}
