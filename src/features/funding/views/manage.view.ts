import { html, type SafeHtml } from "../../../platform/html.ts";
import type { FormState } from "../../../platform/http-forms.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { table } from "../../../platform/views/components/table.ts";
import { tag } from "../../../platform/views/components/tag.ts";
import { buttonForm, type FormContext, postForm } from "../../../platform/views/form-parts.ts";
import { button, notification, select } from "../../../platform/views/forms.ts";
import { financialYearLabel } from "../financial-year.ts";
import { fundPath, MANAGE_FUNDS_PATH, manageFundPath } from "../funding.paths.ts";
import {
  FUND_YEAR_STATUS_LABELS,
  type FundDetail,
  type FundSummary,
  type LinkedAction,
  type LinkedCommitment,
} from "../funding.types.ts";
import { formatMoneyExact } from "../money.ts";
import { yearsText } from "./funds.view.ts";
import { allocationForm, fundForm, fundInitial, yearForm } from "./manage-forms.view.ts";

// The editors' pages: every fund (drafts too), and one fund's page with its details, years,
// allocations (drafts marked) and linked actions, each with its form. Amounts are shown to the
// penny here: editors check figures against their budgets.

export type Organisations = ReadonlyArray<{ id: number; name: string }>;

const SAVED: Record<string, string> = {
  created: "The fund has been added.",
  fund: "The fund's details have been saved.",
  year: "The year has been saved.",
  allocation: "The award has been saved.",
  linked: "The link has been made.",
  unlinked: "The link has been removed.",
};

export function manageFundsView(funds: FundSummary[], saved?: string): SafeHtml {
  return html`${pageHeader({ label: "Funding", title: "Manage funds" })}
  ${saved && SAVED[saved] ? notification(SAVED[saved] ?? "") : ""}
  <p><a class="ds_button" href="${MANAGE_FUNDS_PATH}/new">Add a fund</a></p>
  ${
    funds.length === 0
      ? html`<p>There are no funds yet.</p>`
      : table({
          caption: "Funds",
          head: ["Fund", "Money promised", "Years", "Awarded (drafts included)", "Shown to the public"],
          rows: funds.map((f) => [
            html`<a href="${manageFundPath(f.slug)}">${f.name}</a>`,
            formatMoneyExact(f.commitmentPence),
            yearsText(f.firstYear, f.lastYear),
            formatMoneyExact(f.allocatedPence),
            f.published ? tag("Published", "green") : tag("Draft", "grey"),
          ]),
          rowHeaders: true,
          smallscreen: "boxes",
        })
  }`;
}

export function newFundView(csrfToken: string, organisations: Organisations, state?: FormState): SafeHtml {
  const context: FormContext = { name: "fund", csrfToken, state, initial: { published: "" } };
  return html`${pageHeader({ label: "Funding", title: "Add a fund" })}
  ${fundForm(context, MANAGE_FUNDS_PATH, organisations, undefined, "Add the fund")}`;
}

export interface FundEditPage {
  fund: FundDetail;
  organisations: Organisations;
  linkable: LinkedAction[];
  commitments: LinkedCommitment[];
  csrfToken: string;
  saved?: string | undefined;
  state?: FormState | undefined;
}

function actionsSection(p: FundEditPage): SafeHtml {
  const path = manageFundPath(p.fund.slug);
  const linked = new Set(p.fund.actions.map((a) => `${a.themeId}:${a.key}`));
  const context: FormContext = { name: "link", csrfToken: p.csrfToken, state: p.state };
  return html`<h2 id="actions">Actions it pays for</h2>
  ${
    p.fund.actions.length === 0
      ? html`<p>No actions are linked yet.</p>`
      : html`<ul class="ds_no-bullets">${p.fund.actions.map(
          (a) =>
            html`<li>${a.text} ${a.themeName ? html`<span class="ds_hint-text">(${a.themeName})</span>` : ""}
            ${buttonForm(`${path}/actions/remove`, p.csrfToken, html`Unlink<span class="visually-hidden"> ${a.text}</span>`, { action: `${a.themeId}:${a.key}` })}</li>`,
        )}</ul>`
  }
  ${postForm(
    `${path}/actions`,
    p.csrfToken,
    html`${select({
      id: "link-action",
      name: "action",
      label: "Link an action",
      error: context.state?.form === "link" ? context.state.errors.action : undefined,
      placeholder: "Choose an action",
      options: p.linkable
        .filter((a) => !linked.has(`${a.themeId}:${a.key}`))
        .map((a) => ({ value: `${a.themeId}:${a.key}`, text: `${a.themeName}: ${a.text}` })),
    })}
    ${button({ text: "Link the action", variant: "secondary" })}`,
  )}`;
}

function commitmentsSection(p: FundEditPage): SafeHtml {
  const path = manageFundPath(p.fund.slug);
  const linked = new Set(p.fund.commitments.map((c) => c.id));
  const state = p.state?.form === "commitment" ? p.state : undefined;
  return html`<h2 id="commitments">Commitments it pays for</h2>
  ${
    p.fund.commitments.length === 0
      ? html`<p>No commitments are linked yet.</p>`
      : html`<ul class="ds_no-bullets">${p.fund.commitments.map(
          (c) =>
            html`<li>${c.text}
            ${buttonForm(`${path}/commitments/remove`, p.csrfToken, html`Unlink<span class="visually-hidden"> ${c.text}</span>`, { commitment: String(c.id) })}</li>`,
        )}</ul>`
  }
  ${
    p.commitments.length === 0
      ? html`<p>There are no commitments to link: they come from imported progress updates.</p>`
      : postForm(
          `${path}/commitments`,
          p.csrfToken,
          html`${select({
            id: "commitment-commitment",
            name: "commitment",
            label: "Link a commitment",
            error: state?.errors.commitment,
            placeholder: "Choose a commitment",
            options: p.commitments
              .filter((c) => !linked.has(c.id))
              .map((c) => ({ value: String(c.id), text: c.source ? `${c.source}: ${c.text}` : c.text })),
          })}
          ${button({ text: "Link the commitment", variant: "secondary" })}`,
        )
  }`;
}

export function fundEditView(p: FundEditPage): SafeHtml {
  const { fund } = p;
  const path = manageFundPath(fund.slug);
  const fundContext: FormContext = {
    name: "fund",
    csrfToken: p.csrfToken,
    state: p.state,
    initial: fundInitial(fund),
    showSaved: true,
  };
  return html`${pageHeader({ label: "Manage funds", title: fund.name })}
  ${p.saved && SAVED[p.saved] ? notification(SAVED[p.saved] ?? "") : ""}
  <p>${fund.published ? html`${tag("Published", "green")} <a href="${fundPath(fund.slug)}">See the public page</a>` : tag("Draft", "grey")}</p>
  <h2 id="details">Details</h2>
  ${fundForm(fundContext, path, p.organisations, fund.version, "Save the details")}

  <h2 id="years">Years</h2>
  ${
    fund.years.length === 0
      ? html`<p>No years have been added yet.</p>`
      : table({
          caption: "The fund's financial years",
          head: ["Financial year", "Planned", "Spent", "Status", ""],
          rows: fund.years.map((y) => [
            financialYearLabel(y.year),
            formatMoneyExact(y.plannedPence),
            y.actualPence === null ? "Not known yet" : formatMoneyExact(y.actualPence),
            FUND_YEAR_STATUS_LABELS[y.status],
            html`<a href="${path}/years/${y.id}">Change<span class="visually-hidden"> ${financialYearLabel(y.year)}</span></a>`,
          ]),
          rowHeaders: true,
          smallscreen: "boxes",
        })
  }
  <h3>Add a year</h3>
  ${yearForm({ name: "year", csrfToken: p.csrfToken, state: p.state, initial: { status: "committed" } }, `${path}/years`, undefined, "Add the year")}

  <h2 id="allocations">Awards to organisations and council areas</h2>
  ${
    fund.allocations.length === 0
      ? html`<p>Nothing has been awarded yet.</p>`
      : table({
          caption: "The fund's awards",
          head: ["Who", "Financial year", "Awarded", "Spent", "Award years", "Shown", ""],
          rows: fund.allocations.map((a) => [
            a.recipient.name,
            financialYearLabel(a.year),
            formatMoneyExact(a.plannedPence),
            a.actualPence === null ? "Not known yet" : formatMoneyExact(a.actualPence),
            String(a.awardYears),
            a.published ? tag("Published", "green") : tag("Draft", "grey"),
            html`<a href="${path}/allocations/${a.id}">Change<span class="visually-hidden"> ${a.recipient.name}, ${financialYearLabel(a.year)}</span></a>`,
          ]),
          rowHeaders: true,
          smallscreen: "boxes",
        })
  }
  <h3>Add an award</h3>
  ${allocationForm(
    { name: "allocation", csrfToken: p.csrfToken, state: p.state, initial: { awardYears: "1" } },
    `${path}/allocations`,
    p.organisations,
    undefined,
    "Add the award",
  )}
  ${actionsSection(p)}
  ${commitmentsSection(p)}`;
}
