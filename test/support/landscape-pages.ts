import { buildLandscape } from "../../src/features/landscape/landscape.fixtures.ts";
import type { Db } from "../../src/platform/database.ts";
import type { Samples } from "./html-samples.ts";

/** Sample addresses of the landscape's HTML pages, for the HTML-validity test, on a small landscape of its own. */
export async function landscapePages(db: Db): Promise<Samples> {
  const f = await buildLandscape(db);
  return {
    "/landscape": [
      {},
      { query: "?from-day=1&from-month=1&from-year=2024&to-day=31&to-month=12&to-year=2024", label: "2024" },
    ],
    "/groups/:slug/meetings/:id/minutes.html": [
      { params: { slug: f.leadership.slug, id: f.meetings.published }, label: "published minutes" },
    ],
  };
}
