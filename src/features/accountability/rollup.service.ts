import type { Db } from "../../platform/database.ts";
import type { ActionAccount } from "./accountability.types.ts";
import { listRollupItems, type RollupOptions } from "./rollup.repository.ts";
import { type Group, type Leaf, type Rolled, rollUp } from "./rollup.ts";

// The roll-up of the whole programme from the latest published editions, for the public pages.
// An action's progress is its newest submitted update, from whichever organisation gave it; an
// action nobody has reported on counts as not started. An action belongs to the outcome chosen
// for it, or, when its route map has exactly one outcome, to that one; actions left over count
// directly towards their route map.

export interface ProgrammeProgress {
  programme: Rolled;
  foundations: Map<string, Rolled>;
  themes: Map<string, Rolled>;
  /** By outcome key. */
  outcomes: Map<string, Rolled>;
}

export function actionLeaf(account: ActionAccount): Leaf {
  return {
    status: account.latest?.status ?? "not_started",
    percent: account.latest?.percent ?? 0,
    weight: account.weight,
  };
}

/**
 * Builds the programme → foundation → route map → outcome → action tree and rolls every level up,
 * from one query (rollup.repository.ts) however many actions and updates there are. With options,
 * one earlier edition only, or updates submitted before a moment only (progress as it stood).
 */
export async function getProgrammeProgress(db: Db, options: RollupOptions = {}): Promise<ProgrammeProgress> {
  const items = await listRollupItems(db, options);
  const foundations = new Map<string, Map<string, Group>>();
  const outcomeGroups = new Map<string, Group>();
  /** Each route map's outcomes, by key. */
  const outcomesOf = new Map<number, string[]>();
  const themeGroup = (foundationSlug: string, themeSlug: string): Group => {
    const themes = foundations.get(foundationSlug) ?? new Map<string, Group>();
    foundations.set(foundationSlug, themes);
    const group = themes.get(themeSlug) ?? { children: [] };
    themes.set(themeSlug, group);
    return group;
  };
  for (const o of items) {
    if (o.section !== "outcome") continue;
    const group: Group = { children: [] };
    outcomeGroups.set(o.key, group);
    outcomesOf.set(o.theme_id, [...(outcomesOf.get(o.theme_id) ?? []), o.key]);
    themeGroup(o.foundation_slug, o.theme_slug).children.push(group);
  }
  for (const action of items) {
    if (action.section !== "action") continue;
    const own = outcomesOf.get(action.theme_id) ?? [];
    const outcomeKey =
      action.outcome_key && own.includes(action.outcome_key)
        ? action.outcome_key
        : own.length === 1
          ? own[0]!
          : null;
    const parent = outcomeKey
      ? outcomeGroups.get(outcomeKey)!
      : themeGroup(action.foundation_slug, action.theme_slug);
    parent.children.push({
      status: action.status ?? "not_started",
      percent: action.percent ?? 0,
      weight: action.weight,
    });
  }
  const result: ProgrammeProgress = {
    programme: rollUp({ children: [...foundations.values()].map((t) => ({ children: [...t.values()] })) }),
    foundations: new Map(),
    themes: new Map(),
    outcomes: new Map([...outcomeGroups].map(([key, group]) => [key, rollUp(group)])),
  };
  for (const [foundationSlug, themes] of foundations) {
    result.foundations.set(foundationSlug, rollUp({ children: [...themes.values()] }));
    for (const [themeSlug, group] of themes) result.themes.set(themeSlug, rollUp(group));
  }
  return result;
}
