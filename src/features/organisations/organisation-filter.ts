import type { OwedAction } from "../accountability/accountability.service.ts";

// Which of an organisation's actions its page lists: all, the overdue ones, the ones with no
// recent update, or those it leads; and one route map or all. A long list (a council can be
// named on hundreds of actions through its sectors) is read a slice at a time, without
// JavaScript: the filter is a GET form. An unknown value shows everything rather than refusing.

export const ACTION_LIST_SHOWS = ["all", "overdue", "stale", "lead"] as const;
export type ActionListShow = (typeof ACTION_LIST_SHOWS)[number];

export const SHOW_LABELS: Record<ActionListShow, string> = {
  all: "All",
  overdue: "Overdue",
  stale: "No recent update",
  lead: "Where it leads",
};

export interface ActionListFilter {
  show: ActionListShow;
  /** A route map's slug, or null for every route map. */
  theme: string | null;
}

export function readActionListFilter(query: unknown): ActionListFilter {
  const q = (query ?? {}) as Record<string, unknown>;
  const show = ACTION_LIST_SHOWS.find((s) => s === q.show) ?? "all";
  const theme = typeof q.theme === "string" && /^[a-z0-9-]{1,100}$/.test(q.theme) ? q.theme : null;
  return { show, theme };
}

function shows(action: OwedAction, show: ActionListShow): boolean {
  if (show === "overdue") return action.overdue;
  if (show === "stale") return action.stale;
  if (show === "lead") return action.role === "lead";
  return true;
}

/** The actions the filter keeps, in their order. */
export function filterActions(actions: OwedAction[], filter: ActionListFilter): OwedAction[] {
  return actions.filter(
    (a) => shows(a, filter.show) && (filter.theme === null || a.action.themeSlug === filter.theme),
  );
}

/** How many actions each choice of "show" would list, within the chosen route map. */
export function showCounts(actions: OwedAction[], theme: string | null): Record<ActionListShow, number> {
  const inTheme = actions.filter((a) => theme === null || a.action.themeSlug === theme);
  return Object.fromEntries(
    ACTION_LIST_SHOWS.map((s) => [s, inTheme.filter((a) => shows(a, s)).length]),
  ) as Record<ActionListShow, number>;
}

/** The route maps the actions come from, by name, each with its number of actions. */
export function routeMapsOf(actions: OwedAction[]): { slug: string; name: string; count: number }[] {
  const bySlug = new Map<string, { slug: string; name: string; count: number }>();
  for (const a of actions) {
    const entry = bySlug.get(a.action.themeSlug);
    if (entry) entry.count += 1;
    else bySlug.set(a.action.themeSlug, { slug: a.action.themeSlug, name: a.action.themeName, count: 1 });
  }
  return [...bySlug.values()].sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
}
