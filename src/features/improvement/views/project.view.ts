import { fullDate, monthYear } from "../../../platform/dates.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { details } from "../../../platform/views/components/details.ts";
import { insetText } from "../../../platform/views/components/inset-text.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { summaryList } from "../../../platform/views/components/summary-list.ts";
import { table } from "../../../platform/views/components/table.ts";
import { tag } from "../../../platform/views/components/tag.ts";
import { formatNumber, paragraphs } from "../../../platform/views/text.ts";
import { actionPath, organisationPath } from "../../accountability/accountability.paths.ts";
import { manageProjectPath, measureCsvPath } from "../improvement.paths.ts";
import {
  MEASURE_KIND_HINTS,
  MEASURE_KIND_LABELS,
  type Measure,
  PROJECT_STATUS_LABELS,
  type Project,
} from "../improvement.types.ts";
import { MIN_USEFUL_POINTS, readRunChart } from "../run-chart.ts";
import { runChartSvg } from "./chart.ts";

// One improvement project: its aim, who takes part, what it serves, what was learned, and each
// measure with its run chart, the signal in words beside it and a table of the same numbers.

function dateLabel(points: Measure["points"]): (date: string) => string {
  const months = new Set(points.map((p) => p.date.slice(0, 7)));
  return months.size === points.length ? monthYear : fullDate;
}

function measureSection(project: Project, measure: Measure, index: number): SafeHtml {
  const chart = readRunChart(measure.points, { baseline: measure.baselinePoints, better: measure.better });
  const label = dateLabel(measure.points);
  const id = `measure-${measure.id}`;
  const betterWords = measure.better === "up" ? "A higher number is better." : "A lower number is better.";
  const first = measure.points[0];
  const last = measure.points.at(-1);
  const description =
    first && last
      ? `${measure.name} from ${label(first.date)} to ${label(last.date)}, ${measure.points.length} values, with the median as a dashed line${chart.shift ? " and the points of the shift marked" : ""}. ${chart.words}`
      : "";
  const baselineWords =
    chart.median === null
      ? ""
      : `The median (${formatNumber(chart.median)}) is the middle of the first ${chart.baselineCount} values.`;
  return html`<section aria-labelledby="${id}" class="wm-measure">
  <h3 id="${id}">${measure.name}</h3>
  <p>${tag(MEASURE_KIND_LABELS[measure.kind], "grey")} ${MEASURE_KIND_HINTS[measure.kind]} ${betterWords}</p>
  ${
    measure.points.length === 0
      ? html`<p>No values have been added yet.</p>`
      : html`${insetText(html`<p><strong>What the chart shows:</strong> ${chart.words}</p><p>${baselineWords}</p>`)}
  ${
    measure.points.length > 1
      ? html`<figure class="wm-chart">${runChartSvg(chart, {
          id: `chart-${index + 1}`,
          title: `${measure.name} (${measure.unit}), run chart`,
          description,
          yLabel: measure.unit,
        })}</figure>`
      : ""
  }
  ${table({
    caption: `${measure.name}: the numbers`,
    head: ["Date", measure.unit, "Median line", "Note"],
    rows: chart.points.map((p) => {
      const notes = [
        p.inShift ? "Part of the shift" : "",
        p.side === "on" ? "On the median" : "",
        measure.points.find((m) => m.date === p.date)?.annotation ?? "",
      ].filter(Boolean);
      return [label(p.date), formatNumber(p.value), formatNumber(p.centre), notes.join(". ")];
    }),
    rowHeaders: true,
    className: "wm-data-table",
  })}
  <p><a href="${measureCsvPath(project.slug, measure.id)}" download>Download the numbers for ${measure.name} (CSV)</a></p>`
  }
</section>`;
}

const HOW_TO_READ = html`<p>A run chart shows a measure over time with its median: the middle value of the first points, before the changes had time to work. Values go up and down by chance, so one good month proves nothing. Two things show a real change:</p>
<ul>
  <li><strong>A shift</strong>: more points in a row on one side of the median than chance would give (points on the median do not count).</li>
  <li><strong>Too few crossings</strong>: the line crosses the median less often than chance would make it.</li>
</ul>
<p>How long a run may be, and how few crossings are too few, depends on how many points are not on the median. These are the Anhøj rules, used in health and care improvement. With fewer than ${MIN_USEFUL_POINTS} points off the median there is too little to go on, so the chart does not judge. After a shift, the median is worked out again from the shift's points, to see if the new level holds.</p>`;

export function projectView(project: Project): SafeHtml {
  return html`${pageHeader({ title: project.title })}
  ${project.published ? "" : html`<p>${tag("Draft: not public", "orange")}</p>`}
  ${project.editable ? html`<p><a href="${manageProjectPath(project.slug)}">Change this project or add data</a></p>` : ""}
  <h2>The aim</h2>
  <p class="ds_lead">${project.aim.what} ${project.aim.howMuch}, by ${fullDate(project.aim.by)}.</p>
  ${summaryList([
    { key: "Status", value: PROJECT_STATUS_LABELS[project.status] },
    { key: "Team", value: project.team || "Not given" },
    {
      key: "Organisations taking part",
      value: project.organisations.length
        ? html`${project.organisations.map((o, i) => html`${i > 0 ? ", " : ""}<a href="${organisationPath(o.slug)}">${o.name}</a>`)}`
        : "None named",
    },
    { key: "Council areas", value: project.areas.map((a) => a.name).join(", ") || "Scotland-wide" },
  ])}
  <h2>What it is meant to move</h2>
  ${
    project.actions.length === 0
      ? html`<p>No route-map actions are linked to this project.</p>`
      : html`<p>Route-map actions this project serves:</p><ul>${project.actions.map(
          (a) =>
            html`<li><a href="${actionPath(a.themeSlug, a.key)}">${a.text}</a> (${a.themeName} route map)</li>`,
        )}</ul>`
  }
  ${
    project.indicators.length === 0
      ? ""
      : html`<p>Indicators it hopes to move:</p><ul>${project.indicators.map(
          (i) => html`<li><a href="/indicators/${encodeURIComponent(i.slug)}">${i.title}</a></li>`,
        )}</ul>`
  }
  <h2>What was learned</h2>
  ${project.learned ? paragraphs(project.learned) : html`<p>Nothing written yet.</p>`}
  <h2>Measures</h2>
  ${details("How to read a run chart", HOW_TO_READ)}
  ${
    project.measures.length === 0
      ? html`<p>No measures yet.</p>`
      : html`${project.measures.map((m, i) => measureSection(project, m, i))}`
  }`;
}
