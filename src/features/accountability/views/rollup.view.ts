import { html, type SafeHtml } from "../../../platform/html.ts";
import { table } from "../../../platform/views/components/table.ts";
import type { ActionAccount } from "../accountability.types.ts";
import type { ProgrammeProgress } from "../rollup.service.ts";
import { actionPath, dueText, flags, partiesText, rolledText, updateStatus } from "./parts.ts";

// How it is going, on the public pages: the programme home, a foundation, a route map. Each level
// rolls up from the actions' latest submitted updates (see rollup.ts for the rules).

const EXPLAIN = html`<p class="ds_hint-text">Worked out from the latest update on each action: an action nobody has reported on counts as not started, and superseded actions are left out.</p>`;

export function programmeProgressView(
  progress: ProgrammeProgress,
  foundations: Array<{ slug: string; name: string }>,
): SafeHtml {
  return html`<section class="wm-progress" aria-labelledby="progress-heading">
  <h2 id="progress-heading">How it is going</h2>
  <p>${rolledText(progress.programme)}</p>
  ${table({
    caption: "Progress by foundation",
    head: ["Foundation", "How it is going"],
    rows: foundations.map((f) => [
      html`<a href="/foundations/${encodeURIComponent(f.slug)}">${f.name}</a>`,
      rolledText(progress.foundations.get(f.slug)),
    ]),
    rowHeaders: true,
  })}
  ${EXPLAIN}
</section>`;
}

export function foundationProgressView(
  progress: ProgrammeProgress,
  foundation: { slug: string; name: string; themes: Array<{ slug: string; name: string }> },
): SafeHtml {
  return html`<section class="wm-progress" aria-labelledby="progress-heading">
  <h2 id="progress-heading">How it is going</h2>
  <p>${rolledText(progress.foundations.get(foundation.slug))}</p>
  ${table({
    caption: `Progress by route map in ${foundation.name}`,
    head: ["Route map", "How it is going"],
    rows: foundation.themes.map((t) => [
      html`<a href="/themes/${encodeURIComponent(t.slug)}">${t.name}</a>`,
      rolledText(progress.themes.get(t.slug)),
    ]),
    rowHeaders: true,
  })}
  ${EXPLAIN}
</section>`;
}

export function routeMapProgressView(
  progress: ProgrammeProgress,
  themeSlug: string,
  accounts: ActionAccount[],
): SafeHtml {
  return html`<section class="wm-progress" aria-labelledby="progress-heading">
  <h2 id="progress-heading">How it is going</h2>
  <p>${rolledText(progress.themes.get(themeSlug))}</p>
  ${
    accounts.length === 0
      ? ""
      : table({
          caption: "Who must act on each action, by when, and how it is going",
          head: ["Action", "Who must act", "Due", "How it is going"],
          rows: accounts.map((a) => [
            html`<a href="${actionPath(a.action.themeSlug, a.action.key)}">${a.action.text}</a>`,
            partiesText(a.parties),
            dueText(a.due),
            html`${updateStatus(a.latest)} ${flags({ overdue: a.overdue, stale: false })}`,
          ]),
          smallscreen: "boxes",
        })
  }
  ${EXPLAIN}
</section>`;
}
