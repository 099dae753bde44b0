import type { FastifyInstance } from "fastify";
import { PUBLIC } from "../../platform/actor.ts";
import type { AppDeps } from "../../platform/app-deps.ts";
import { NotFoundError, ValidationError } from "../../platform/errors.ts";
import { html } from "../../platform/html.ts";
import { sendPublicPage } from "../../platform/http-pages.ts";
import { slugParam } from "../../platform/http-params.ts";
import { parseId } from "../../platform/validation.ts";
import { actionDownloads } from "../accountability/open-data.display.ts";
import { editionEndedOn, readAsAt } from "../accountability/open-data.service.ts";
import {
  getFoundationProgressSummary,
  getProgrammeProgressSummary,
  getRouteMapProgress,
} from "../accountability/public-progress.service.ts";
import { chooseEditionsToCompare } from "./edition-choice.ts";
import { compareEditions } from "./edition-compare.ts";
import {
  getEdition,
  getFoundation,
  getProgramme,
  getSectorActions,
  listEditions,
  listSectorSummaries,
} from "./route-map.service.ts";
import { compareView, nothingToCompareView } from "./views/compare.view.ts";
import { editionsView } from "./views/editions.view.ts";
import { foundationView, programmeView } from "./views/programme.view.ts";
import {
  foundationProgressView,
  programmeProgressView,
  routeMapProgressView,
} from "./views/progress.view.ts";
import { editionName, routeMapView, themePath, unpublishedRouteMapView } from "./views/route-map.view.ts";
import { sectorsView, sectorView } from "./views/sectors.view.ts";

// Public pages: anyone may read them without an account. Drafts reach only people who may read
// drafts, because every read goes through the route-map service with the request's actor.

/**
 * Sends a public page. Anonymous answers may be cached briefly by browsers and shared caches;
 * a signed-in reader's page can name them and show drafts, so it is never stored.
 */

const HOME = { href: "/", text: "Route maps" };

function foundationCrumb(edition: { theme: { foundationSlug: string; foundationName: string } }) {
  return {
    href: `/foundations/${encodeURIComponent(edition.theme.foundationSlug)}`,
    text: edition.theme.foundationName,
  };
}

type SlugParams = { Params: { slug: string } };

/** Reads ?from= and ?to= on the comparison page: absent, or an edition id; anything else is a clear 400. */
function compareQuery(query: unknown): { from: number | null; to: number | null } {
  const q = (query ?? {}) as Record<string, unknown>;
  const fields: Record<string, string> = {};
  const read = (name: "from" | "to", label: string): number | null => {
    const value = q[name];
    if (value === undefined || value === "") return null;
    const id = parseId(value);
    if (id === null)
      fields[name] =
        `Choose the ${label} edition from the list: "${String(value).slice(0, 40)}" is not an edition.`;
    return id;
  };
  const from = read("from", "earlier");
  const to = read("to", "later");
  if (Object.keys(fields).length > 0) {
    throw new ValidationError(fields, Object.values(fields).join(" "));
  }
  return { from, to };
}

/** Public pages: programme home, foundations, route maps, editions, comparisons, sectors. */
export function publicRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  app.get("/", async (request, reply) => {
    let programme: Awaited<ReturnType<typeof getProgramme>>;
    try {
      programme = await getProgramme(db);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      return sendPublicPage(request, reply, {
        title: "Route maps",
        content: html`<h1>Waymark</h1><p>There is no programme here yet. Someone who runs this Waymark can load one, or the demo data with <code>npx waymark demo</code>.</p>`,
      });
    }
    return sendPublicPage(request, reply, {
      title: programme.name,
      content: html`${programmeView(programme)}${programmeProgressView(await getProgrammeProgressSummary(db), programme.foundations)}`,
    });
  });

  app.get<SlugParams>("/foundations/:slug", async (request, reply) => {
    const foundation = await getFoundation(db, slugParam(request.params.slug, "foundation"));
    return sendPublicPage(request, reply, {
      title: foundation.name,
      breadcrumbs: [HOME],
      content: html`${foundationView(foundation)}${foundationProgressView(await getFoundationProgressSummary(db, foundation.slug), foundation)}`,
    });
  });

  app.get<SlugParams>("/themes/:slug", async (request, reply) => {
    const slug = slugParam(request.params.slug, "route map");
    const asAt = readAsAt(request.query);
    // The route map's own page is always its latest published edition, even for editors.
    const { editions } = await listEditions(db, PUBLIC, slug);
    const latest = editions[0];
    if (!latest) {
      const programme = await getProgramme(db);
      const foundation = programme.foundations.find((f) => f.themes.some((t) => t.slug === slug));
      const theme = foundation?.themes.find((t) => t.slug === slug);
      if (!foundation || !theme) throw new NotFoundError("There is no route map at this address.");
      return sendPublicPage(request, reply, {
        title: `${theme.name} route map`,
        breadcrumbs: [
          HOME,
          { href: `/foundations/${encodeURIComponent(foundation.slug)}`, text: foundation.name },
        ],
        content: unpublishedRouteMapView({
          name: theme.name,
          foundationSlug: foundation.slug,
          foundationName: foundation.name,
        }),
      });
    }
    const edition = await getEdition(db, PUBLIC, slug, latest.id);
    return sendPublicPage(request, reply, {
      title: `${edition.theme.name} route map`,
      breadcrumbs: [HOME, foundationCrumb(edition)],
      content: routeMapView({
        edition,
        editions,
        isThemePage: true,
        progress: routeMapProgressView(
          await getRouteMapProgress(db, slug, { asAt }),
          actionDownloads(
            { kind: "theme", themeSlug: slug },
            `the actions of the ${edition.theme.name} route map`,
            asAt,
          ),
        ),
      }),
    });
  });

  app.get<SlugParams>("/themes/:slug/editions", async (request, reply) => {
    const slug = slugParam(request.params.slug, "route map");
    const { theme, editions } = await listEditions(db, request.actor, slug);
    return sendPublicPage(request, reply, {
      title: `Editions of the ${theme.name} route map`,
      breadcrumbs: [HOME, { href: themePath(theme.slug), text: `${theme.name} route map` }],
      content: editionsView(theme, editions),
    });
  });

  app.get<{ Params: { slug: string; id: string } }>("/themes/:slug/editions/:id", async (request, reply) => {
    const slug = slugParam(request.params.slug, "route map");
    const id = parseId(request.params.id);
    if (id === null) {
      throw new NotFoundError(
        "There is no edition of this route map at this address. Edition addresses end in a whole number, like /editions/12.",
      );
    }
    const edition = await getEdition(db, request.actor, slug, id);
    const { editions } = await listEditions(db, request.actor, slug);
    // An earlier published edition shows progress as it stood on the day the next one replaced it.
    const endedOn = edition.status === "published" ? await editionEndedOn(db, slug, edition.id) : null;
    return sendPublicPage(request, reply, {
      title: `${edition.theme.name} route map: ${editionName(edition)}`,
      breadcrumbs: [
        HOME,
        foundationCrumb(edition),
        { href: themePath(slug), text: `${edition.theme.name} route map` },
      ],
      content: routeMapView({
        edition,
        editions,
        isThemePage: false,
        ...(endedOn
          ? {
              progress: routeMapProgressView(
                await getRouteMapProgress(db, slug, { asAt: endedOn, editionId: edition.id }),
                actionDownloads(
                  { kind: "theme", themeSlug: slug },
                  `the actions of this edition`,
                  null,
                  edition.id,
                ),
              ),
            }
          : {}),
      }),
    });
  });

  app.get<SlugParams>("/themes/:slug/compare", async (request, reply) => {
    const slug = slugParam(request.params.slug, "route map");
    const query = compareQuery(request.query);
    const { theme, editions } = await listEditions(db, request.actor, slug);
    const crumbs = [HOME, { href: themePath(theme.slug), text: `${theme.name} route map` }];
    const title = `What changed in the ${theme.name} route map`;
    const { from, to } = chooseEditionsToCompare(theme, editions, query);
    if (!from || !to) {
      if (query.from === null && query.to === null) {
        return sendPublicPage(request, reply, {
          title,
          breadcrumbs: crumbs,
          content: nothingToCompareView(theme),
        });
      }
      throw new ValidationError(
        { [query.from === null ? "from" : "to"]: "There is no other edition to compare it with." },
        "There is no other edition to compare it with. Choose two editions of this route map.",
      );
    }
    if (from.id === to.id) {
      throw new ValidationError(
        { to: "Choose two different editions" },
        "Choose two different editions to compare: both were the same edition.",
      );
    }
    const [before, after] = await Promise.all([
      getEdition(db, request.actor, slug, from.id),
      getEdition(db, request.actor, slug, to.id),
    ]);
    return sendPublicPage(request, reply, {
      title,
      breadcrumbs: crumbs,
      content: compareView(theme, compareEditions(before, after), editions),
    });
  });

  app.get("/sectors", async (request, reply) => {
    const sectors = await listSectorSummaries(db);
    return sendPublicPage(request, reply, { title: "Who must act", content: sectorsView(sectors) });
  });

  app.get<SlugParams>("/sectors/:slug", async (request, reply) => {
    const data = await getSectorActions(db, slugParam(request.params.slug, "sector"));
    return sendPublicPage(request, reply, {
      title: data.sector.name,
      breadcrumbs: [{ href: "/sectors", text: "Who must act" }],
      content: sectorView(data),
    });
  });
}
