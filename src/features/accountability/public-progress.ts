import type { Db } from "../../platform/database.ts";
import type { SafeHtml } from "../../platform/html.ts";
import { listActionAccounts } from "./accountability.service.ts";
import { getProgrammeProgress } from "./rollup.service.ts";
import { foundationProgressView, programmeProgressView, routeMapProgressView } from "./views/rollup.view.ts";

// What the route-map feature's public pages ask of accountability: one call each, so those pages
// change by a line.

export async function programmeProgressSection(
  db: Db,
  programme: { foundations: Array<{ slug: string; name: string }> },
): Promise<SafeHtml> {
  return programmeProgressView(await getProgrammeProgress(db), programme.foundations);
}

export async function foundationProgressSection(
  db: Db,
  foundation: { slug: string; name: string; themes: Array<{ slug: string; name: string }> },
): Promise<SafeHtml> {
  return foundationProgressView(await getProgrammeProgress(db), foundation);
}

export async function routeMapProgressSection(
  db: Db,
  theme: { id?: number; slug: string },
): Promise<SafeHtml> {
  // The roll-up in one query; the actions' details only for this route map.
  const [progress, themeRow] = await Promise.all([
    getProgrammeProgress(db),
    theme.id === undefined
      ? db.selectFrom("theme").select("id").where("slug", "=", theme.slug).executeTakeFirst()
      : { id: theme.id },
  ]);
  const accounts = themeRow ? await listActionAccounts(db, { themeId: themeRow.id }) : [];
  return routeMapProgressView(progress, theme.slug, accounts);
}
