import { html, type SafeHtml } from "../../../platform/html.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { table } from "../../../platform/views/components/table.ts";
import { paragraphs } from "../../../platform/views/text.ts";
import { actionPath, organisationPath } from "../../accountability/accountability.paths.ts";
import { financialYearLabel, financialYearWords } from "../financial-year.ts";
import { fundPath } from "../funding.paths.ts";
import { FUND_YEAR_STATUS_LABELS, type FundDetail } from "../funding.types.ts";
import { byRecipient, byYear, type RecipientLine, type YearLine } from "../funding-summary.ts";
import { formatMoney, percentOf } from "../money.ts";
import { yearsChart } from "./chart.ts";
import { MONEY_NOTE, yearsText } from "./funds.view.ts";

// One fund, in plain words: what was promised, a chart of each year with the same numbers in a
// table beside it, how much has been given out, where it went (council areas, organisations),
// whether organisations were funded for one year at a time or for several, and what it pays for.

function yearsSection(fund: FundDetail, lines: YearLine[]): SafeHtml {
  const bars = lines.flatMap((l) => [
    { label: financialYearLabel(l.year), series: "Planned", millions: l.plannedPence / 100_000_000 },
    ...(l.actualPence === null
      ? []
      : [{ label: financialYearLabel(l.year), series: "Spent", millions: l.actualPence / 100_000_000 }]),
  ]);
  const described = lines
    .map(
      (l) =>
        `${financialYearLabel(l.year)}: ${formatMoney(l.plannedPence)} planned${l.actualPence === null ? "" : `, ${formatMoney(l.actualPence)} spent`}`,
    )
    .join("; ");
  return html`<h2 id="years">Year by year</h2>
  <figure class="wm-chart">${yearsChart(bars, {
    id: "chart-years",
    title: `${fund.name}: money planned and spent each financial year`,
    description: `${described}.`,
  })}</figure>
  ${table({
    caption: "Money planned, spent and given out each financial year",
    head: ["Financial year", "Planned", "Spent", "Status", "Given out"],
    rows: lines.map((l) => [
      html`${financialYearLabel(l.year)} <span class="ds_hint-text">(${financialYearWords(l.year)})</span>`,
      formatMoney(l.plannedPence),
      l.actualPence === null ? "Not known yet" : formatMoney(l.actualPence),
      l.status ? FUND_YEAR_STATUS_LABELS[l.status] : "Not set yet",
      formatMoney(l.allocatedPence),
    ]),
    rowHeaders: true,
    smallscreen: "boxes",
  })}`;
}

function recipientName(line: RecipientLine): SafeHtml {
  const r = line.recipient;
  return r.kind === "organisation"
    ? html`<a href="${organisationPath(r.slug)}">${r.name}</a>`
    : html`${r.name}`;
}

function yearsList(years: number[]): string {
  return years.map(financialYearLabel).join(", ");
}

function recipientsSection(lines: RecipientLine[]): SafeHtml {
  const areas = lines.filter((l) => l.recipient.kind === "area");
  const organisations = lines.filter((l) => l.recipient.kind === "organisation");
  return html`<h2 id="council-areas">By council area</h2>
  ${
    areas.length === 0
      ? html`<p>No money from this fund has been given to council areas yet.</p>`
      : table({
          caption: "Money given to each council area",
          head: ["Council area", "Given", "Spent so far", "Years"],
          rows: areas.map((l) => [
            recipientName(l),
            formatMoney(l.plannedPence),
            formatMoney(l.actualPence),
            yearsList(l.years),
          ]),
          rowHeaders: true,
          smallscreen: "boxes",
        })
  }
  <h2 id="organisations">One year at a time, or several?</h2>
  <p>Knowing money will come for several years helps organisations plan and keep their staff. This table shows, for each organisation and council area, how many of its awards were for one year only and how many were part of an award covering several years.</p>
  ${
    lines.length === 0
      ? html`<p>Nothing has been given out yet.</p>`
      : table({
          caption: "Single-year and multi-year awards for each organisation and council area",
          head: ["Who", "Single-year", "Multi-year", "Years funded", "Given"],
          rows: [...organisations, ...areas].map((l) => [
            recipientName(l),
            String(l.singleYear),
            String(l.multiYear),
            yearsList(l.years),
            formatMoney(l.plannedPence),
          ]),
          rowHeaders: true,
          smallscreen: "boxes",
        })
  }`;
}

export function fundView(fund: FundDetail): SafeHtml {
  const lines = byYear(fund.firstYear, fund.lastYear, fund.years, fund.allocations);
  const allocated = lines.reduce((sum, l) => sum + l.allocatedPence, 0);
  const recipients = byRecipient(fund.allocations);
  return html`${pageHeader({
    label: "Fund",
    title: fund.name,
    metadata: [
      ...(fund.owner
        ? [
            {
              key: "Run by",
              value: html`<a href="${organisationPath(fund.owner.slug)}">${fund.owner.name}</a>`,
            },
          ]
        : []),
      { key: "Money promised", value: formatMoney(fund.commitmentPence) },
      { key: "Financial years", value: yearsText(fund.firstYear, fund.lastYear) },
    ],
  })}
  ${fund.description ? paragraphs(fund.description) : ""}
  <div class="ds_inset-text"><div class="ds_inset-text__text">
    <p><strong>${formatMoney(allocated)}</strong> of the ${formatMoney(fund.commitmentPence)} promised has been given out so far (${percentOf(allocated, fund.commitmentPence)}%).</p>
  </div></div>
  ${yearsSection(fund, lines)}
  ${recipientsSection(recipients)}
  <h2 id="actions">What it pays for</h2>
  ${
    fund.actions.length === 0
      ? html`<p>This fund is not linked to any actions in the route maps yet.</p>`
      : html`<ul class="ds_no-bullets">${fund.actions.map((a) =>
          a.themeSlug
            ? html`<li><a href="${actionPath(a.themeSlug, a.key)}">${a.text}</a> <span class="ds_hint-text">(${a.themeName})</span></li>`
            : html`<li>${a.text}</li>`,
        )}</ul>`
  }
  ${
    fund.commitments.length === 0
      ? ""
      : html`<h3>Commitments in the progress updates</h3>
  <ul>${fund.commitments.map((c) => html`<li>${c.text}${c.source ? html` <span class="ds_hint-text">(${c.source})</span>` : ""}</li>`)}</ul>
  <p><a href="/commitments">See all the commitments</a></p>`
  }
  <h2 id="downloads">Download the figures</h2>
  <ul>
    <li><a href="${fundPath(fund.slug)}/years.csv">Each year's money (CSV)</a></li>
    <li><a href="${fundPath(fund.slug)}/allocations.csv">Every award to an organisation or council area (CSV)</a></li>
  </ul>
  <p class="ds_hint-text">${MONEY_NOTE}</p>`;
}
