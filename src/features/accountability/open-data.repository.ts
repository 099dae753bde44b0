import { type ExpressionBuilder, sql } from "kysely";
import type { Database, ProgressStatus, ResponsibilityRole } from "../../db/schema.ts";
import type { Db } from "../../platform/database.ts";

// The public data of accountability in one set-based query: every action of the chosen published
// editions (each route map's latest, or one earlier edition) with its number in its edition, who
// must act (as one JSON list per action), by when, and its newest submitted update before a
// moment (now, or the end of an "as at" day). Drafts of updates never enter it; neither do draft
// editions. However many actions, one query: a lateral join finds each action's newest update
// through the (theme, action, submitted) index, and another gathers its responsibilities.

export type ActionScope =
  | { kind: "all" }
  | { kind: "theme"; themeSlug: string }
  | { kind: "sector"; sectorSlug: string }
  | { kind: "organisation"; organisationSlug: string };

export interface ActionDataQuery {
  scope: ActionScope;
  /** One published edition instead of each route map's latest. */
  editionId?: number;
  /** Only updates submitted before this moment count. */
  before?: Date;
}

export interface PartyJson {
  role: ResponsibilityRole;
  kind: "organisation" | "sector";
  slug: string;
  name: string;
}

export interface ActionDataRow {
  foundation_slug: string;
  foundation_name: string;
  theme_id: number;
  theme_slug: string;
  theme_name: string;
  edition_id: number;
  edition_label: string;
  edition_date: string | null;
  key: string;
  number: number;
  text: string;
  due_year: number | null;
  due_date: string | null;
  weight: number;
  outcome_key: string | null;
  status: ProgressStatus | null;
  percent: number | null;
  submitted_at: Date | null;
  updated_by: string | null;
  parties: PartyJson[];
}

type WithActions = Database & {
  chosen: { id: number; theme_id: number; label: string; last_updated: string | null };
  numbered: {
    edition_id: number;
    theme_id: number;
    key: string;
    text: string;
    position: number;
    number: number;
  };
};

/** Does the organisation, or a sector it belongs to, stand named on the action? */
function namesOrganisation(eb: ExpressionBuilder<WithActions, "numbered">, slug: string) {
  return eb.exists(
    eb
      .selectFrom("action_responsibility as r")
      .select(sql`1`.as("one"))
      .whereRef("r.theme_id", "=", "numbered.theme_id")
      .whereRef("r.action_key", "=", "numbered.key")
      .where((w) =>
        w.or([
          w(
            "r.organisation_id",
            "in",
            w.selectFrom("organisation").select("organisation.id").where("organisation.slug", "=", slug),
          ),
          w(
            "r.sector_id",
            "in",
            w
              .selectFrom("organisation_sector as os")
              .innerJoin("organisation as o", "o.id", "os.organisation_id")
              .select("os.sector_id")
              .where("o.slug", "=", slug),
          ),
        ]),
      ),
  );
}

/** Does the edition name the sector among who needs to work on it (its sectors section)? */
function namesSector(eb: ExpressionBuilder<WithActions, "numbered">, slug: string) {
  return eb.exists(
    eb
      .selectFrom("edition_item as s")
      .innerJoin("sector", "sector.id", "s.sector_id")
      .select(sql`1`.as("one"))
      .whereRef("s.edition_id", "=", "numbered.edition_id")
      .where("s.section", "=", "sector")
      .where("sector.slug", "=", slug),
  );
}

export async function listActionData(db: Db, query: ActionDataQuery): Promise<ActionDataRow[]> {
  const { scope } = query;
  const before = query.before ?? null;
  let rows = db
    .with("chosen", (qb) => {
      const editions = qb
        .selectFrom("route_map_edition as e")
        .select(["e.id", "e.theme_id", "e.label", "e.last_updated"])
        .where("e.status", "=", "published");
      return query.editionId !== undefined
        ? editions.where("e.id", "=", query.editionId)
        : editions
            .distinctOn("e.theme_id")
            .orderBy("e.theme_id")
            .orderBy("e.last_updated", "desc")
            .orderBy("e.id", "desc");
    })
    // Numbered before any narrowing, so an action keeps its number in a list of some actions.
    .with("numbered", (qb) =>
      qb
        .selectFrom("edition_item as i")
        .innerJoin("chosen", "chosen.id", "i.edition_id")
        .select([
          "i.edition_id",
          "chosen.theme_id",
          "i.key",
          "i.text",
          "i.position",
          sql<number>`row_number() over (partition by i.edition_id order by i.position)`.as("number"),
        ])
        .where("i.section", "=", "action")
        .where("i.parent_id", "is", null),
    )
    .selectFrom("numbered")
    .innerJoin("chosen", "chosen.id", "numbered.edition_id")
    .innerJoin("theme", "theme.id", "numbered.theme_id")
    .innerJoin("foundation", "foundation.id", "theme.foundation_id")
    .leftJoin("action_tracking as t", (join) =>
      join.onRef("t.theme_id", "=", "numbered.theme_id").onRef("t.action_key", "=", "numbered.key"),
    )
    .leftJoinLateral(
      (eb) => {
        let newest = eb
          .selectFrom("progress_update as u")
          .innerJoin("organisation as by", "by.id", "u.organisation_id")
          .select(["u.status", "u.percent", "u.submitted_at", "by.name as updated_by"])
          .whereRef("u.theme_id", "=", "numbered.theme_id")
          .whereRef("u.action_key", "=", "numbered.key")
          .where("u.state", "=", "submitted");
        if (before) newest = newest.where("u.submitted_at", "<", before);
        return newest.orderBy("u.submitted_at", "desc").orderBy("u.id", "desc").limit(1).as("newest");
      },
      (join) => join.onTrue(),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom("action_responsibility as r")
          .leftJoin("organisation as o", "o.id", "r.organisation_id")
          .leftJoin("sector as s", "s.id", "r.sector_id")
          .select(
            sql<PartyJson[]>`coalesce(json_agg(json_build_object(
              'role', r.role,
              'kind', case when r.organisation_id is null then 'sector' else 'organisation' end,
              'slug', coalesce(o.slug, s.slug),
              'name', coalesce(o.name, s.name)
            ) order by r.role, r.id) filter (where coalesce(o.id, s.id) is not null), '[]'::json)`.as(
              "parties",
            ),
          )
          .whereRef("r.theme_id", "=", "numbered.theme_id")
          .whereRef("r.action_key", "=", "numbered.key")
          .as("who"),
      (join) => join.onTrue(),
    )
    .select([
      "foundation.slug as foundation_slug",
      "foundation.name as foundation_name",
      "theme.id as theme_id",
      "theme.slug as theme_slug",
      "theme.name as theme_name",
      "chosen.id as edition_id",
      "chosen.label as edition_label",
      "chosen.last_updated as edition_date",
      "numbered.key",
      "numbered.number",
      "numbered.text",
      "t.due_year",
      "t.due_date",
      "t.weight",
      "t.outcome_key",
      "newest.status",
      "newest.percent",
      "newest.submitted_at",
      "newest.updated_by",
      "who.parties",
    ])
    .orderBy("foundation.position")
    .orderBy("theme.position")
    .orderBy("numbered.position");
  if (scope.kind === "theme") rows = rows.where("theme.slug", "=", scope.themeSlug);
  if (scope.kind === "sector") rows = rows.where((eb) => namesSector(eb, scope.sectorSlug));
  if (scope.kind === "organisation") rows = rows.where((eb) => namesOrganisation(eb, scope.organisationSlug));
  const found = await rows.execute();
  return found.map((r) => ({
    ...r,
    number: Number(r.number),
    weight: r.weight ?? 1,
    due_year: r.due_year ?? null,
    due_date: r.due_date ?? null,
    outcome_key: r.outcome_key ?? null,
    status: r.status ?? null,
    percent: r.percent ?? null,
    submitted_at: r.submitted_at ?? null,
    updated_by: r.updated_by ?? null,
    // node-postgres and PGlite both parse json; a driver that does not would hand over text.
    parties: typeof r.parties === "string" ? (JSON.parse(r.parties) as PartyJson[]) : (r.parties ?? []),
  }));
}

/**
 * A published edition of a theme and, when a later published edition followed it, the date that
 * one was published ("last updated"): the day this edition stopped being the current one.
 */
export async function findEditionEnd(
  db: Db,
  themeSlug: string,
  editionId: number,
): Promise<{ id: number; endedOn: string | null } | undefined> {
  const edition = await db
    .selectFrom("route_map_edition as e")
    .innerJoin("theme", "theme.id", "e.theme_id")
    .select(["e.id", "e.theme_id", "e.last_updated"])
    .where("theme.slug", "=", themeSlug)
    .where("e.id", "=", editionId)
    .where("e.status", "=", "published")
    .executeTakeFirst();
  if (!edition) return undefined;
  const next = await db
    .selectFrom("route_map_edition as n")
    .select(["n.last_updated"])
    .where("n.theme_id", "=", edition.theme_id)
    .where("n.status", "=", "published")
    .where("n.id", "<>", edition.id)
    .where(
      sql<boolean>`(coalesce(n.last_updated, '0001-01-01'), n.id) > (coalesce(${edition.last_updated}::date, '0001-01-01'), ${edition.id}::int)`,
    )
    .orderBy(sql`coalesce(n.last_updated, '0001-01-01')`)
    .orderBy("n.id")
    .limit(1)
    .executeTakeFirst();
  return { id: edition.id, endedOn: next?.last_updated ?? null };
}
