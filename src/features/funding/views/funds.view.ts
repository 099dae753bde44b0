import { html, type SafeHtml } from "../../../platform/html.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { table } from "../../../platform/views/components/table.ts";
import { financialYearLabel } from "../financial-year.ts";
import { fundPath } from "../funding.paths.ts";
import type { FundSummary } from "../funding.types.ts";
import { formatMoney, percentOf } from "../money.ts";

// The public list of funds: what each has promised, over which years, and how much of that has
// been given out to organisations and council areas so far.

export const MONEY_NOTE =
  "Amounts of £1 million or more are rounded to the nearest £100,000. The downloads give every amount to the penny.";

export function yearsText(first: number, last: number): string {
  return first === last
    ? financialYearLabel(first)
    : `${financialYearLabel(first)} to ${financialYearLabel(last)}`;
}

export function fundsView(funds: FundSummary[]): SafeHtml {
  return html`${pageHeader({ label: "Funding", title: "Where the money goes" })}
  <p>These are the funds that pay for the work to keep the Promise. Each one shows how much money was promised, over which years, and where it has gone so far.</p>
  <p>Financial years run from 1 April to 31 March. For example, 2022-23 means April 2022 to March 2023.</p>
  ${
    funds.length === 0
      ? html`<p>There are no funds to show yet.</p>`
      : html`${table({
          caption: "Funds",
          head: ["Fund", "Money promised", "Years", "Given out so far"],
          rows: funds.map((f) => [
            html`<a href="${fundPath(f.slug)}">${f.name}</a>`,
            formatMoney(f.commitmentPence),
            yearsText(f.firstYear, f.lastYear),
            `${formatMoney(f.allocatedPence)} (${percentOf(f.allocatedPence, f.commitmentPence)}%)`,
          ]),
          rowHeaders: true,
          smallscreen: "boxes",
        })}
  <p class="ds_hint-text">${MONEY_NOTE}</p>`
  }`;
}
