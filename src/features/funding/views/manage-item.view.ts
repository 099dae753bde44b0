import { html, type SafeHtml } from "../../../platform/html.ts";
import type { FormState } from "../../../platform/http-forms.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { financialYearLabel } from "../financial-year.ts";
import { manageFundPath } from "../funding.paths.ts";
import type { Allocation, Fund, FundYear } from "../funding.types.ts";
import type { Organisations } from "./manage.view.ts";
import { allocationForm, allocationInitial, yearForm, yearInitial } from "./manage-forms.view.ts";

// Changing one year or one award of a fund, each on a page of its own.

export function yearEditView(fund: Fund, year: FundYear, csrfToken: string, state?: FormState): SafeHtml {
  return html`${pageHeader({ label: fund.name, title: `Change ${financialYearLabel(year.year)}` })}
  ${yearForm(
    { name: "year", csrfToken, state, initial: yearInitial(year), showSaved: true },
    `${manageFundPath(fund.slug)}/years/${year.id}`,
    year.version,
    "Save the year",
  )}`;
}

export function allocationEditView(
  fund: Fund,
  allocation: Allocation,
  organisations: Organisations,
  csrfToken: string,
  state?: FormState,
): SafeHtml {
  return html`${pageHeader({
    label: fund.name,
    title: `Change the award to ${allocation.recipient.name}, ${financialYearLabel(allocation.year)}`,
  })}
  ${allocationForm(
    { name: "allocation", csrfToken, state, initial: allocationInitial(allocation), showSaved: true },
    `${manageFundPath(fund.slug)}/allocations/${allocation.id}`,
    organisations,
    allocation.version,
    "Save the award",
  )}`;
}
