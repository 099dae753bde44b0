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
  const accounts = await listActionAccounts(db);
  const progress = await getProgrammeProgress(db, accounts);
  return routeMapProgressView(
    progress,
    theme.slug,
    accounts.filter((a) => a.action.themeSlug === theme.slug),
  );
}
