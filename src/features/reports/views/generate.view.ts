import { html, type SafeHtml } from "../../../platform/html.ts";
import type { FormState } from "../../../platform/http-forms.ts";
import { type FormContext, postForm, stateOf, value } from "../../../platform/views/form-parts.ts";
import {
  button,
  dateInput,
  errorLinks,
  errorSummary,
  formTitle,
  radioId,
  radios,
  select,
} from "../../../platform/views/forms.ts";
import { MANAGE_REPORTS_PATH } from "../report.paths.ts";
import type { ReportChoices } from "../report.service.ts";
import { REPORT_KINDS } from "../report.types.ts";

// /manage/reports: the form that generates a report (report.generate): what it is about, and the
// date it is as at (today unless changed).

export const GENERATE_FORM = "report";

/** Where each field's error links to: the first radio, the day of the date, or the list. */
function fieldIdOf(field: string): string {
  if (field === "kind") return radioId(`${GENERATE_FORM}-kind`, REPORT_KINDS[0]!.code);
  if (field === "asAt") return "asAt-day";
  return `${GENERATE_FORM}-${field}`;
}

export function generateTitle(state: FormState | undefined): string {
  return formTitle("Generate a report", Boolean(state && Object.keys(state.errors).length > 0));
}

export function generateView(model: {
  csrfToken: string;
  choices: ReportChoices;
  today: string;
  state?: FormState | undefined;
}): SafeHtml {
  const [year, month, day] = model.today.split("-");
  const context: FormContext = {
    name: GENERATE_FORM,
    csrfToken: model.csrfToken,
    state: model.state,
    initial: {
      kind: "route_map",
      "asAt-day": String(Number(day)),
      "asAt-month": String(Number(month)),
      "asAt-year": year ?? "",
    },
    dates: ["asAt"],
  };
  const state = stateOf(context);
  const errors = state?.errors ?? {};
  return html`<h1>Generate a report</h1>
  <p>A report takes how the actions were going at the end of the day you choose, from published route maps and submitted updates only. It is kept exactly as it is made: later updates do not change it. It gets its own address, where anyone can read it or download it.</p>
  ${errorSummary({ errors: errorLinks(errors, fieldIdOf) })}
  ${postForm(
    MANAGE_REPORTS_PATH,
    model.csrfToken,
    html`${radios({
      idPrefix: `${GENERATE_FORM}-kind`,
      name: "kind",
      legend: "What is the report about?",
      error: errors.kind,
      value: value(context, "kind"),
      items: REPORT_KINDS.map((k) => ({ value: k.code, text: k.label, hint: k.hint })),
    })}
    ${select({
      id: `${GENERATE_FORM}-edition`,
      name: "edition",
      label: "Which route map",
      hint: "For a route map report: the published edition to report on.",
      error: errors.edition,
      value: value(context, "edition"),
      placeholder: "Choose a route map",
      options: model.choices.editions.map((e) => ({ value: String(e.id), text: e.label })),
    })}
    ${select({
      id: `${GENERATE_FORM}-organisation`,
      name: "organisation",
      label: "Which organisation",
      hint: "For an organisation report: the organisation to report on.",
      error: errors.organisation,
      value: value(context, "organisation"),
      placeholder: "Choose an organisation",
      options: model.choices.organisations.map((o) => ({ value: o.slug, text: o.name })),
    })}
    ${dateInput({
      name: "asAt",
      legend: "As at",
      hint: "The report shows each action as it stood at the end of this day. For example, 31 3 2025",
      error: errors.asAt,
      value: {
        day: value(context, "asAt-day"),
        month: value(context, "asAt-month"),
        year: value(context, "asAt-year"),
      },
    })}
    ${button({ text: "Generate the report" })}`,
  )}`;
}
