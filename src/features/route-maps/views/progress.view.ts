import { fullDate } from "../../../platform/dates.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { table } from "../../../platform/views/components/table.ts";
import { tag } from "../../../platform/views/components/tag.ts";
import { actionDownloads } from "../../accountability/open-data.display.ts";
import { asAtWords } from "../../accountability/open-data.service.ts";
import type {
  ActionProgress,
  ProgressByPart,
  ProgressSummary,
  StatusLabel,
} from "../../accountability/public-progress.service.ts";
import { progressDataPath } from "../progress-data.paths.ts";

// How it is going, on the public pages: the programme home, a foundation, a route map. Each level
// rolls up from the actions' latest submitted updates (accountability's rollup.ts has the rules);
// accountability hands over the figures and words, and these views draw them.

const EXPLAIN = html`<p class="ds_hint-text">Worked out from the latest update on each action: an action nobody has reported on counts as not started, and superseded actions are left out.</p>`;

function statusTag(status: StatusLabel | null): SafeHtml {
  return status ? tag(status.label, status.colour) : tag("No actions yet", "grey");
}

/** The roll-up of one level as words: "Delayed: 38% done, across 10 actions." */
function rolledText(rolled: ProgressSummary | undefined): SafeHtml {
  if (!rolled || rolled.percent === null)
    return html`${statusTag(null)} <span>Nothing to measure yet.</span>`;
  return html`${statusTag(rolled.status)} <span>${rolled.percent}% done, across ${rolled.counted} ${rolled.counted === 1 ? "action" : "actions"}.</span>`;
}

/** "Lead: Scottish Government. Partners: COSLA, Local Authorities (sector)." */
function partiesText(parties: ActionProgress["parties"]): SafeHtml {
  if (parties.length === 0) return html`Nobody named yet`;
  const name = (p: ActionProgress["parties"][number]) =>
    p.href ? html`<a href="${p.href}">${p.name}</a>` : html`${p.name}`;
  const group = (role: "lead" | "partner", one: string, many: string) => {
    const list = parties.filter((p) => p.role === role);
    if (list.length === 0) return html``;
    return html`<span class="wm-parties">${list.length === 1 ? one : many}: ${list.map((p, i) => html`${i > 0 ? ", " : ""}${name(p)}`)}.</span> `;
  };
  return html`${group("lead", "Lead", "Leads")}${group("partner", "Partner", "Partners")}`;
}

function updateStatus(update: ActionProgress["update"]): SafeHtml {
  if (!update) return html`${tag("Not reported yet", "grey")}`;
  return html`${statusTag(update.status)} ${update.percent === null ? "" : `${update.percent}%`}`;
}

export function programmeProgressView(
  progress: ProgressByPart,
  foundations: Array<{ slug: string; name: string }>,
): SafeHtml {
  return html`<section class="wm-progress" aria-labelledby="progress-heading">
  <h2 id="progress-heading">How it is going</h2>
  <p>${rolledText(progress.overall)}</p>
  ${table({
    caption: "Progress by foundation",
    head: ["Foundation", "How it is going"],
    rows: foundations.map((f) => [
      html`<a href="/foundations/${encodeURIComponent(f.slug)}">${f.name}</a>`,
      rolledText(progress.parts.get(f.slug)),
    ]),
    rowHeaders: true,
  })}
  <p class="wm-downloads"><a href="${progressDataPath()}" download>Download progress by foundation and route map (CSV file)</a></p>
  ${actionDownloads({ kind: "all" }, "every route map's actions")}
  ${EXPLAIN}
</section>`;
}

export function foundationProgressView(
  progress: ProgressByPart,
  foundation: { slug: string; name: string; themes: Array<{ slug: string; name: string }> },
): SafeHtml {
  return html`<section class="wm-progress" aria-labelledby="progress-heading">
  <h2 id="progress-heading">How it is going</h2>
  <p>${rolledText(progress.overall)}</p>
  ${table({
    caption: `Progress by route map in ${foundation.name}`,
    head: ["Route map", "How it is going"],
    rows: foundation.themes.map((t) => [
      html`<a href="/themes/${encodeURIComponent(t.slug)}">${t.name}</a>`,
      rolledText(progress.parts.get(t.slug)),
    ]),
    rowHeaders: true,
  })}
  <p class="wm-downloads"><a href="${progressDataPath(foundation.slug)}" download>Download progress by route map in ${foundation.name} (CSV file)</a></p>
  ${EXPLAIN}
</section>`;
}

export function routeMapProgressView(
  progress: {
    overall: ProgressSummary;
    actions: ActionProgress[];
    /** "YYYY-MM-DD" when this is progress as it stood at the end of that day. */
    asAt: string | null;
  },
  downloads?: SafeHtml,
): SafeHtml {
  const asAt = progress.asAt ? ` ${asAtWords(progress.asAt)}` : "";
  return html`<section class="wm-progress" aria-labelledby="progress-heading">
  <h2 id="progress-heading">${progress.asAt ? `How it was going${asAt}` : "How it is going"}</h2>
  ${progress.asAt ? html`<p>This is progress as it stood at the end of ${fullDate(progress.asAt)}: the latest update on each action given on or before that day. Later updates are not counted.</p>` : ""}
  <p>${rolledText(progress.overall)}</p>
  ${
    progress.actions.length === 0
      ? ""
      : html`${table({
          caption: `Who must act on each action, by when, and how it ${progress.asAt ? "was" : "is"} going${asAt}`,
          head: ["Action", "Who must act", "Due", progress.asAt ? "How it was going" : "How it is going"],
          rows: progress.actions.map((a) => [
            html`<a href="${a.href}">${a.text}</a>`,
            partiesText(a.parties),
            a.due,
            html`${updateStatus(a.update)} ${a.overdue ? tag("Overdue", "red") : ""} `,
          ]),
          smallscreen: "boxes",
        })}
  ${downloads ?? ""}`
  }
  ${EXPLAIN}
</section>`;
}
