import type { Db } from "../../src/platform/database.ts";

/**
 * Values for the path parameters of any route, taken from the demo data where a route's
 * parameter names a thing the demo has (a theme, foundation or sector slug, an edition or item
 * id) and "1" otherwise. For tests that go through every route the router has, including routes
 * other features add later: the answer may be a 404, but it is an answer from the real route.
 */
export interface RouteSamples {
  fill(route: string): string;
}

export async function routeSamples(db: Db): Promise<RouteSamples> {
  const foundation = await db.selectFrom("foundation").select("slug").orderBy("id").executeTakeFirst();
  const sector = await db.selectFrom("sector").select("slug").orderBy("id").executeTakeFirst();
  const edition = await db.selectFrom("route_map_edition").select("id").orderBy("id").executeTakeFirst();
  const item = edition
    ? await db
        .selectFrom("edition_item")
        .select("id")
        .where("edition_id", "=", edition.id)
        .orderBy("id")
        .executeTakeFirst()
    : undefined;
  return {
    fill(route) {
      return route.replace(/:(\w+)/g, (_, name: string) => {
        if (name === "slug") {
          if (/^(\/api\/v1)?\/foundations\//.test(route)) return foundation?.slug ?? "1";
          if (/^(\/api\/v1)?\/sectors\//.test(route)) return sector?.slug ?? "1";
          return "leadership";
        }
        if (name === "id") return String(edition?.id ?? 1);
        if (name === "itemId") return String(item?.id ?? 1);
        return "1";
      });
    },
  };
}
