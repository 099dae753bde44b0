import { html, type SafeHtml } from "../../../platform/html.ts";
import {
  checkbox,
  errorOf,
  type FormContext,
  fieldId,
  formProblems,
  hintWith,
  longText,
  postForm,
  text,
  value,
} from "../../../platform/views/form-parts.ts";
import { button, type Choice, hiddenField, select } from "../../../platform/views/forms.ts";
import { COUNCIL_AREAS } from "../../organisations/organisations.data.ts";
import { financialYearLabel } from "../financial-year.ts";
import {
  type Allocation,
  FUND_YEAR_STATUS_LABELS,
  FUND_YEAR_STATUSES,
  type Fund,
  type FundYear,
} from "../funding.types.ts";
import { moneyInput } from "../money.ts";

// The editors' forms: a fund's details, a year, an allocation. Amounts are typed as people write
// them ("£50 million", "1.2m", "£350,000"); a saved amount comes back to the penny, so saving a form
// unchanged changes nothing.

const MONEY_HINT = "For example £50 million, £1.2m or £350,000";
const YEAR_HINT = "Financial years run from April to March. For example 2022-23";

function choose(
  context: FormContext,
  field: string,
  label: string,
  options: Choice[],
  hint?: string,
  placeholder?: string,
) {
  return select({
    id: fieldId(context, field),
    name: field,
    label,
    hint: hintWith(context, field, hint),
    error: errorOf(context, field),
    value: value(context, field),
    options,
    placeholder,
  });
}

export function fundInitial(fund: Fund): Record<string, string> {
  return {
    name: fund.name,
    description: fund.description,
    owner: fund.owner ? String(fund.owner.id) : "",
    commitment: moneyInput(fund.commitmentPence),
    firstYear: financialYearLabel(fund.firstYear),
    lastYear: financialYearLabel(fund.lastYear),
    published: fund.published ? "yes" : "",
  };
}

export function fundForm(
  context: FormContext,
  action: string,
  organisations: ReadonlyArray<{ id: number; name: string }>,
  version: number | undefined,
  submit: string,
): SafeHtml {
  return postForm(
    action,
    context.csrfToken,
    html`${formProblems(context)}
    ${version === undefined ? "" : hiddenField("version", version)}
    ${text(context, "name", "Name of the fund")}
    ${longText(context, "description", "What the fund is for", { hint: "In plain words. Leave a blank line between paragraphs." })}
    ${choose(
      context,
      "owner",
      "Run by (optional)",
      organisations.map((o) => ({ value: String(o.id), text: o.name })),
      undefined,
      "Not named",
    )}
    ${text(context, "commitment", "Money promised in total", { hint: MONEY_HINT, width: "fixed-20" })}
    ${text(context, "firstYear", "First financial year", { hint: YEAR_HINT, width: "fixed-10" })}
    ${text(context, "lastYear", "Last financial year", { hint: YEAR_HINT, width: "fixed-10" })}
    ${checkbox(context, "published", "Published: anyone can see this fund and its published awards")}
    ${button({ text: submit })}`,
  );
}

export function yearInitial(year: FundYear): Record<string, string> {
  return {
    year: financialYearLabel(year.year),
    planned: moneyInput(year.plannedPence),
    actual: year.actualPence === null ? "" : moneyInput(year.actualPence),
    status: year.status,
  };
}

export function yearForm(
  context: FormContext,
  action: string,
  version: number | undefined,
  submit: string,
): SafeHtml {
  return postForm(
    action,
    context.csrfToken,
    html`${formProblems(context)}
    ${version === undefined ? "" : hiddenField("version", version)}
    ${text(context, "year", "Financial year", { hint: YEAR_HINT, width: "fixed-10" })}
    ${text(context, "planned", "Money planned for the year", { hint: MONEY_HINT, width: "fixed-20" })}
    ${text(context, "actual", "Money spent in the year (optional)", { hint: "Leave empty until it is known", width: "fixed-20" })}
    ${choose(
      context,
      "status",
      "Status",
      FUND_YEAR_STATUSES.map((s) => ({ value: s, text: FUND_YEAR_STATUS_LABELS[s] })),
      undefined,
      "Choose a status",
    )}
    ${button({ text: submit })}`,
  );
}

export function allocationInitial(allocation: Allocation): Record<string, string> {
  const r = allocation.recipient;
  return {
    recipient: r.kind === "organisation" ? `organisation:${r.id}` : `area:${r.code}`,
    year: financialYearLabel(allocation.year),
    planned: moneyInput(allocation.plannedPence),
    actual: allocation.actualPence === null ? "" : moneyInput(allocation.actualPence),
    awardYears: String(allocation.awardYears),
    purpose: allocation.purpose,
    published: allocation.published ? "yes" : "",
  };
}

export function allocationForm(
  context: FormContext,
  action: string,
  organisations: ReadonlyArray<{ id: number; name: string }>,
  version: number | undefined,
  submit: string,
): SafeHtml {
  const recipients: Choice[] = [
    ...COUNCIL_AREAS.map((a) => ({ value: `area:${a.areaCode}`, text: `Council area: ${a.name}` })),
    ...organisations.map((o) => ({ value: `organisation:${o.id}`, text: o.name })),
  ];
  return postForm(
    action,
    context.csrfToken,
    html`${formProblems(context)}
    ${version === undefined ? "" : hiddenField("version", version)}
    ${choose(context, "recipient", "Who the money goes to", recipients, undefined, "Choose an organisation or council area")}
    ${text(context, "year", "Financial year", { hint: YEAR_HINT, width: "fixed-10" })}
    ${text(context, "planned", "Money awarded for the year", { hint: MONEY_HINT, width: "fixed-20" })}
    ${text(context, "actual", "Money spent (optional)", { hint: "Leave empty until it is known", width: "fixed-20" })}
    ${text(context, "awardYears", "How many years the award covers", { hint: "1 for a single year; 3 if this year is part of a three-year award", width: "fixed-5" })}
    ${text(context, "purpose", "What it is for (optional)")}
    ${checkbox(context, "published", "Published: anyone can see this award (leave unticked to keep it a draft)")}
    ${button({ text: submit })}`,
  );
}
