import type { FieldErrors } from "../../platform/errors.ts";
import type { Form } from "../../platform/http-forms.ts";
import { checkText, clean, optional, paragraph, parseId, short } from "../../platform/validation.ts";
import { COUNCIL_AREAS } from "../organisations/organisations.data.ts";
import { parseFinancialYear } from "./financial-year.ts";
import { FUND_YEAR_STATUSES, type FundYearStatus } from "./funding.types.ts";
import { parseMoney } from "./money.ts";

// Reading the editors' forms: every field checked at once, each message naming its field, before
// anything is saved. Pure: whether an organisation exists, or a year is the fund's, the service asks.

export type { Form };

function money(
  errors: FieldErrors,
  field: string,
  value: string | undefined,
  required: boolean,
): number | null {
  const text = clean(value);
  if (text === "" && !required) return null;
  const result = parseMoney(text);
  if (!result.ok) {
    errors[field] = result.message;
    return null;
  }
  return result.pence;
}

function year(errors: FieldErrors, field: string, value: string | undefined): number {
  const result = parseFinancialYear(clean(value));
  if (!result.ok) {
    errors[field] = result.message;
    return 0;
  }
  return result.start;
}

export interface FundFields {
  name: string;
  description: string;
  ownerId: number | null;
  commitmentPence: number;
  firstYear: number;
  lastYear: number;
  published: boolean;
}

export function fundFromForm(form: Form): { fields: FundFields; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const name = checkText(errors, "name", form.name, short("fund's name"));
  const description = checkText(errors, "description", form.description, paragraph("description", optional));
  const owner = clean(form.owner);
  const ownerId = owner === "" ? null : parseId(owner);
  if (owner !== "" && ownerId === null)
    errors.owner = "Choose the organisation that runs the fund from the list";
  const commitmentPence = money(errors, "commitment", form.commitment, true) ?? 0;
  const firstYear = year(errors, "firstYear", form.firstYear);
  const lastYear = year(errors, "lastYear", form.lastYear);
  if (!errors.firstYear && !errors.lastYear && lastYear < firstYear)
    errors.lastYear = "The last year must be the same as the first year or after it";
  if (!errors.firstYear && !errors.lastYear && lastYear - firstYear > 20)
    errors.lastYear = "A fund may cover 21 financial years at most";
  return {
    fields: {
      name,
      description,
      ownerId,
      commitmentPence,
      firstYear,
      lastYear,
      published: form.published === "yes",
    },
    errors,
  };
}

export interface YearFields {
  year: number;
  plannedPence: number;
  actualPence: number | null;
  status: FundYearStatus;
}

export function yearFromForm(form: Form): { fields: YearFields; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const fy = year(errors, "year", form.year);
  const plannedPence = money(errors, "planned", form.planned, true) ?? 0;
  const actualPence = money(errors, "actual", form.actual, false);
  const status = FUND_YEAR_STATUSES.find((s) => s === form.status);
  if (!status) errors.status = "Choose whether the year's money is committed, paid or underspent";
  return { fields: { year: fy, plannedPence, actualPence, status: status ?? "committed" }, errors };
}

export interface AllocationFields {
  organisationId: number | null;
  areaCode: string | null;
  year: number;
  plannedPence: number;
  actualPence: number | null;
  awardYears: number;
  purpose: string;
  published: boolean;
}

/** The recipient is one choice: "organisation:12" or "area:S12000047". */
export function allocationFromForm(form: Form): { fields: AllocationFields; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const recipient = clean(form.recipient);
  let organisationId: number | null = null;
  let areaCode: string | null = null;
  if (recipient.startsWith("organisation:"))
    organisationId = parseId(recipient.slice("organisation:".length));
  else if (recipient.startsWith("area:")) {
    const code = recipient.slice("area:".length);
    areaCode = COUNCIL_AREAS.some((a) => a.areaCode === code) ? code : null;
  }
  if (organisationId === null && areaCode === null)
    errors.recipient = "Choose the organisation or council area the money goes to";
  const fy = year(errors, "year", form.year);
  const plannedPence = money(errors, "planned", form.planned, true) ?? 0;
  const actualPence = money(errors, "actual", form.actual, false);
  const awardText = clean(form.awardYears);
  const awardYears = /^\d{1,2}$/.test(awardText) ? Number(awardText) : Number.NaN;
  if (!(awardYears >= 1 && awardYears <= 10))
    errors.awardYears = "Enter how many years the award covers, from 1 to 10 (1 for a single year)";
  const purpose = checkText(errors, "purpose", form.purpose, short("purpose", optional));
  return {
    fields: {
      organisationId,
      areaCode,
      year: fy,
      plannedPence,
      actualPence,
      awardYears: Number.isNaN(awardYears) ? 1 : awardYears,
      purpose,
      published: form.published === "yes",
    },
    errors,
  };
}

/** An action to link: "<theme id>:<action key>". */
export function actionChoice(form: Form): { themeId: number; key: string } | null {
  const match = /^(\d{1,10}):(.{1,200})$/.exec(clean(form.action));
  const themeId = match ? parseId(match[1]) : null;
  return match && themeId !== null ? { themeId, key: match[2] ?? "" } : null;
}
