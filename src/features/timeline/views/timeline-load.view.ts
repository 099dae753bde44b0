import { fullDate } from "../../../platform/dates.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { table } from "../../../platform/views/components/table.ts";
import { TIMELINE_LOAD_PATH, TIMELINE_PATH } from "../timeline.paths.ts";
import type { Audience } from "../timeline.types.ts";
import type { Load } from "../timeline-load.ts";
import { loadChart } from "./load-chart.ts";

// How many things each audience is asked to do, week by week, for a year: a table of numbers,
// with the weeks over the threshold marked in words (not by colour alone).

export interface LoadPageModel {
  year: number;
  years: number[];
  load: Load;
  audiences: Audience[];
  threshold: number;
}

/** "2024-07-01" → "1 Jul", short enough for the chart's axis. */
function shortDate(iso: string): string {
  return fullDate(iso).replace(/^(\d+ \w{3})\w* \d{4}$/, "$1");
}

export function timelineLoadView(model: LoadPageModel): SafeHtml {
  const { load, audiences, threshold } = model;
  // Only weeks when someone is asked something: a year of empty rows says nothing.
  const weeks = load.weeks
    .map((week, i) => ({ week, i }))
    .filter(({ i }) => load.audiences.some((a) => (a.counts[i] ?? 0) > 0));
  const cell = (count: number) =>
    count > threshold ? html`<strong>${count} (too many)</strong>` : String(count);
  return html`${pageHeader({ title: `How much people are asked in ${model.year}` })}
  <p>Consultations, surveys, calls for evidence and events all ask people for their time and their views.</p>
  <p>The chart and the table show how many of them each group of people is asked to take part in, week by week. A week with more than ${threshold} at once is marked "too many".</p>
  <p>When we only know roughly when something will happen, it counts in every week it might happen.</p>
  ${
    model.years.length > 1
      ? html`<nav aria-label="Years"><p>Other years: ${model.years
          .filter((y) => y !== model.year)
          .map(
            (y, i) => html`${i > 0 ? ", " : ""}<a href="${TIMELINE_LOAD_PATH}?year=${y}">${y}</a>`,
          )}</p></nav>`
      : ""
  }
  ${
    weeks.length === 0
      ? html`<p>Nobody is asked anything in ${model.year}, as far as the timeline knows.</p>`
      : html`<figure class="wm-chart">${loadChart(
          weeks.flatMap(({ week, i }) =>
            load.audiences.map((a, j) => ({
              week: shortDate(week.start),
              audience: audiences[j]?.name ?? "",
              count: a.counts[i] ?? 0,
            })),
          ),
          weeks.map(({ week }) => shortDate(week.start)),
          audiences.map((a) => a.name),
          {
            id: "load-chart",
            title: `Things people are asked to take part in, each week of ${model.year}`,
            description: `A grid of weeks and groups of people. Darker squares mean more things at once. The busiest week has ${Math.max(0, ...load.audiences.flatMap((a) => a.counts))}. The table below has the same numbers.`,
          },
        )}</figure>
        ${table({
          caption: `Things people are asked to take part in, each week of ${model.year}`,
          head: ["Week starting", ...audiences.map((a) => a.name)],
          rowHeaders: true,
          rows: weeks.map(({ week, i }) => [
            fullDate(week.start),
            ...load.audiences.map((a) => cell(a.counts[i] ?? 0)),
          ]),
        })}`
  }
  <p><a href="${TIMELINE_PATH}">Back to what is coming up</a></p>`;
}
