import { monthYear } from "../../../platform/dates.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { categoryList } from "../../../platform/views/components/category-item.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { count, paragraphs } from "../../../platform/views/text.ts";
import type { FoundationView, ProgrammeView, ThemeSummary } from "../route-map.types.ts";

/** "Last updated December 2025. 1 outcome, 14 actions, no milestones." or a plain "not yet". */
export function themeFacts(theme: ThemeSummary): string {
  const latest = theme.latest;
  if (!latest) return "No route map has been published for this theme yet.";
  const { outcomes, actions, milestones } = latest.counts;
  const first =
    latest.layout === "ambitions"
      ? count(outcomes, "ambition for 2030", "ambitions for 2030")
      : count(outcomes, "outcome");
  const updated = latest.lastUpdated ? `Last updated ${monthYear(latest.lastUpdated)}. ` : "";
  const facts = `${first}, ${count(actions, "action")}, ${count(milestones, "milestone")}.`;
  return `${updated}${facts.charAt(0).toUpperCase()}${facts.slice(1)}`;
}

/** The themes of one foundation as design-system category items, each with its latest edition's facts. */
export function themeList(themes: ThemeSummary[], headingLevel: 2 | 3): SafeHtml {
  if (themes.length === 0) return html`<p>There are no route maps in this foundation yet.</p>`;
  return categoryList(
    themes.map((theme) => ({
      href: `/themes/${encodeURIComponent(theme.slug)}`,
      title: theme.name,
      summary: theme.summary || undefined,
      extra: html`<p class="wm-theme-facts">${themeFacts(theme)}</p>`,
    })),
    headingLevel,
  );
}

function foundationSection(foundation: FoundationView): SafeHtml {
  return html`<section class="wm-foundation" aria-labelledby="foundation-${foundation.slug}">
  <h2 id="foundation-${foundation.slug}"><a href="/foundations/${encodeURIComponent(foundation.slug)}">${foundation.name}</a></h2>
  ${foundation.summary ? html`<p>${foundation.summary}</p>` : ""}
  ${themeList(foundation.themes, 3)}
</section>`;
}

/** The programme home: the programme, its foundations and their route maps. */
export function programmeView(programme: ProgrammeView): SafeHtml {
  return html`${pageHeader({
    label: `${programme.startYear} to ${programme.endYear}`,
    title: programme.name,
  })}
  ${programme.summary ? html`<div class="ds_leader">${paragraphs(programme.summary)}</div>` : ""}
  <p>Each route map sets out where Scotland needs to be by ${programme.endYear}, what needs to happen to get there, and who needs to work on it. The route maps are grouped into ${programme.foundations.length === 1 ? "one foundation" : `${programme.foundations.length} foundations`}.</p>
  <p>The Scottish Government's progress updates on keeping the promise also name key actions it will take: see <a href="/commitments">the commitments</a>. <a href="/reports">Reports</a> on how the actions are going are kept as they were made, to read or download.</p>
  <p>See <a href="/funds">where the money goes</a>: the funds that pay for this work, year by year and council area by council area.</p>
  <p>Teams across Scotland are testing changes and measuring what happens: see <a href="/improvement">the improvement projects</a>.</p>
  <p>To see what is coming up, such as new laws, reports, consultations and events, and who they ask, see <a href="/timeline">the timeline</a>.</p>
  ${
    programme.foundations.length === 0
      ? html`<p>There are no foundations yet.</p>`
      : programme.foundations.map(foundationSection)
  }`;
}

/** One foundation and its route maps. */
export function foundationView(foundation: FoundationView): SafeHtml {
  return html`${pageHeader({ label: "Foundation", title: foundation.name })}
  ${foundation.summary ? paragraphs(foundation.summary) : ""}
  <h2>Route maps in ${foundation.name}</h2>
  ${themeList(foundation.themes, 3)}`;
}
