import { sql } from "kysely";
import type { ProgressStatus } from "../../db/schema.ts";
import type { Db } from "../../platform/database.ts";

// The roll-up's one query: every top-level action and outcome of each route map's latest published
// edition, with the action's weight and chosen outcome, and the status and percentage of its
// newest submitted update (one index lookup per action, through a lateral join). No texts, no
// evidence, no responsibilities: a page showing the roll-up reads only what the sums need.

export interface RollupItemRow {
  section: "action" | "outcome";
  key: string;
  theme_id: number;
  theme_slug: string;
  foundation_slug: string;
  weight: number;
  outcome_key: string | null;
  status: ProgressStatus | null;
  percent: number | null;
}

/** Which progress to roll up: one published edition instead of each latest; updates before a moment. */
export interface RollupOptions {
  editionId?: number;
  before?: Date;
}

export function rollupQuery(db: Db, options: RollupOptions = {}) {
  const { editionId, before } = options;
  return db
    .with("latest", (qb) => {
      const published = qb
        .selectFrom("route_map_edition")
        .select(["route_map_edition.id", "route_map_edition.theme_id"])
        .where("route_map_edition.status", "=", "published");
      return editionId !== undefined
        ? published.where("route_map_edition.id", "=", editionId)
        : published
            .distinctOn("route_map_edition.theme_id")
            .orderBy("route_map_edition.theme_id")
            .orderBy("route_map_edition.last_updated", "desc")
            .orderBy("route_map_edition.id", "desc");
    })
    .selectFrom("edition_item")
    .innerJoin("latest", "latest.id", "edition_item.edition_id")
    .innerJoin("theme", "theme.id", "latest.theme_id")
    .innerJoin("foundation", "foundation.id", "theme.foundation_id")
    .leftJoin("action_tracking as t", (join) =>
      join.onRef("t.theme_id", "=", "latest.theme_id").onRef("t.action_key", "=", "edition_item.key"),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom("progress_update as u")
          .select(["u.status", "u.percent"])
          .whereRef("u.theme_id", "=", "latest.theme_id")
          .whereRef("u.action_key", "=", "edition_item.key")
          .where("u.state", "=", "submitted")
          .$if(before !== undefined, (q) => q.where("u.submitted_at", "<", before!))
          .where(sql<boolean>`edition_item.section = 'action'`)
          .orderBy("u.submitted_at", "desc")
          .orderBy("u.id", "desc")
          .limit(1)
          .as("newest"),
      (join) => join.onTrue(),
    )
    .select([
      "edition_item.section",
      "edition_item.key",
      "theme.id as theme_id",
      "theme.slug as theme_slug",
      "foundation.slug as foundation_slug",
      "t.weight",
      "t.outcome_key",
      "newest.status",
      "newest.percent",
    ])
    .where("edition_item.section", "in", ["action", "outcome"])
    .where("edition_item.parent_id", "is", null)
    .orderBy("foundation.position")
    .orderBy("theme.position")
    .orderBy("edition_item.section")
    .orderBy("edition_item.position");
}

export async function listRollupItems(db: Db, options: RollupOptions = {}): Promise<RollupItemRow[]> {
  const rows = await rollupQuery(db, options).execute();
  return rows.map((r) => ({
    section: r.section as "action" | "outcome",
    key: r.key,
    theme_id: r.theme_id,
    theme_slug: r.theme_slug,
    foundation_slug: r.foundation_slug,
    weight: r.weight ?? 1,
    outcome_key: r.outcome_key ?? null,
    status: r.status ?? null,
    percent: r.percent ?? null,
  }));
}
