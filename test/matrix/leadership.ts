import type { Db } from "../../src/platform/database.ts";

// The demo's Leadership route map as the accountability and bulk rows use it.

export interface Leadership {
  themeId: number;
  /** Its latest published edition's actions (not sub-items), in order. */
  actionKeys: string[];
  /** The matrix organisation's slug. */
  organisationSlug: string;
}

export async function leadership(db: Db, organisationId: number): Promise<Leadership> {
  const own = await db
    .selectFrom("organisation")
    .select("slug")
    .where("id", "=", organisationId)
    .executeTakeFirstOrThrow();
  const theme = await db
    .selectFrom("theme")
    .select("id")
    .where("slug", "=", "leadership")
    .executeTakeFirstOrThrow();
  const latest = await db
    .selectFrom("route_map_edition")
    .select("id")
    .where("theme_id", "=", theme.id)
    .where("status", "=", "published")
    .orderBy("last_updated", "desc")
    .executeTakeFirstOrThrow();
  const actions = await db
    .selectFrom("edition_item")
    .select("key")
    .where("edition_id", "=", latest.id)
    .where("section", "=", "action")
    .where("parent_id", "is", null)
    .orderBy("position")
    .execute();
  return { themeId: theme.id, actionKeys: actions.map((a) => a.key), organisationSlug: own.slug };
}
