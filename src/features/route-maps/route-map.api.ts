import type { Static } from "typebox";
import type { FeatureApi } from "../../platform/api/api-shell.ts";
import { BAD_REQUEST_OR_NOT_FOUND, NOT_FOUND, SlugParams } from "../../platform/api/common.schema.ts";
import { NotFoundError, ValidationError } from "../../platform/errors.ts";
import { Comparison, ComparisonQuery } from "./comparison.schema.ts";
import { Edition, EditionList, EditionParams } from "./edition.schema.ts";
import { chooseEditionsToCompare } from "./edition-choice.ts";
import { compareEditions } from "./edition-compare.ts";
import { Foundation, FoundationList } from "./foundation.schema.ts";
import { Programme } from "./programme.schema.ts";
import {
  apiUrls,
  findThemeSummary,
  presentComparison,
  presentEdition,
  presentEditionList,
  presentFoundation,
  presentFoundationList,
  presentProgramme,
  presentSectorActions,
  presentSectorList,
  presentTheme,
  presentThemeList,
} from "./route-map.presenters.ts";
import {
  getEdition,
  getFoundation,
  getLatestEdition,
  getProgramme,
  getSectorActions,
  listEditions,
  listSectors,
} from "./route-map.service.ts";
import { SectorActions, SectorList } from "./sector.schema.ts";
import { Theme, ThemeList } from "./theme.schema.ts";

type SlugRequest = { Params: Static<typeof SlugParams> };
type EditionRequest = { Params: Static<typeof EditionParams> };
type ComparisonRequest = { Params: Static<typeof SlugParams>; Querystring: Static<typeof ComparisonQuery> };

/** The route maps' part of the API: the programme, its foundations and themes, editions, sectors. */
export const routeMapApi: FeatureApi = {
  tags: [
    { name: "Programme", description: "The programme, its foundations and themes." },
    { name: "Route maps", description: "Each theme's route map, edition by edition." },
    { name: "Sectors", description: "Who must act, and on what." },
  ],
  links: {
    programme: apiUrls.programme(),
    foundations: apiUrls.foundations(),
    themes: apiUrls.themes(),
    sectors: apiUrls.sectors(),
  },
  routes(api, deps) {
    api.get(
      "/programme",
      {
        schema: {
          operationId: "getProgramme",
          summary: "The programme with its foundations and their themes",
          tags: ["Programme"],
          response: { 200: Programme, ...NOT_FOUND },
        },
      },
      async () => presentProgramme(await getProgramme(deps.db)),
    );

    api.get(
      "/foundations",
      {
        schema: {
          operationId: "listFoundations",
          summary: "The programme's foundations, each with its themes",
          tags: ["Programme"],
          response: { 200: FoundationList, ...NOT_FOUND },
        },
      },
      async () => presentFoundationList(await getProgramme(deps.db)),
    );

    api.get<SlugRequest>(
      "/foundations/:slug",
      {
        schema: {
          operationId: "getFoundation",
          summary: "One foundation with its themes",
          tags: ["Programme"],
          params: SlugParams,
          response: { 200: Foundation, ...BAD_REQUEST_OR_NOT_FOUND },
        },
      },
      async (request) => presentFoundation(await getFoundation(deps.db, request.params.slug)),
    );

    api.get(
      "/themes",
      {
        schema: {
          operationId: "listThemes",
          summary: "Every theme, each with its latest published edition and its counts",
          tags: ["Programme"],
          response: { 200: ThemeList, ...NOT_FOUND },
        },
      },
      async () => presentThemeList(await getProgramme(deps.db)),
    );

    api.get<SlugRequest>(
      "/themes/:slug",
      {
        schema: {
          operationId: "getTheme",
          summary: "One theme with the editions of its route map you may see",
          tags: ["Route maps"],
          params: SlugParams,
          response: { 200: Theme, ...BAD_REQUEST_OR_NOT_FOUND },
        },
      },
      async (request) => {
        const { editions } = await listEditions(deps.db, request.actor, request.params.slug);
        const found = findThemeSummary(await getProgramme(deps.db), request.params.slug);
        if (!found) throw new NotFoundError(`There is no route map called "${request.params.slug}".`);
        return presentTheme(found.theme, found.foundationName, editions);
      },
    );

    api.get<SlugRequest>(
      "/themes/:slug/editions",
      {
        schema: {
          operationId: "listEditions",
          summary: "The editions of one route map you may see, newest first",
          tags: ["Route maps"],
          params: SlugParams,
          response: { 200: EditionList, ...BAD_REQUEST_OR_NOT_FOUND },
        },
      },
      async (request) => {
        const { theme, editions } = await listEditions(deps.db, request.actor, request.params.slug);
        return presentEditionList(theme, editions);
      },
    );

    api.get<SlugRequest>(
      "/themes/:slug/editions/latest",
      {
        schema: {
          operationId: "getLatestEdition",
          summary: "The latest published edition of a route map, with every section",
          tags: ["Route maps"],
          params: SlugParams,
          response: { 200: Edition, ...BAD_REQUEST_OR_NOT_FOUND },
        },
      },
      async (request) => presentEdition(await getLatestEdition(deps.db, request.params.slug)),
    );

    api.get<EditionRequest>(
      "/themes/:slug/editions/:id",
      {
        schema: {
          operationId: "getEdition",
          summary: "One edition of a route map, with every section",
          description: "A draft is answered as not found unless you may read drafts.",
          tags: ["Route maps"],
          params: EditionParams,
          response: { 200: Edition, ...BAD_REQUEST_OR_NOT_FOUND },
        },
      },
      async (request) =>
        presentEdition(await getEdition(deps.db, request.actor, request.params.slug, request.params.id)),
    );

    api.get<ComparisonRequest>(
      "/themes/:slug/compare",
      {
        schema: {
          operationId: "compareEditions",
          summary: "What was added, removed and changed between two editions of a route map",
          description:
            "Without `from` and `to`, compares the latest published edition with the one before it. " +
            "Drafts can be compared only by those who may read them.",
          tags: ["Route maps"],
          params: SlugParams,
          querystring: ComparisonQuery,
          response: { 200: Comparison, ...BAD_REQUEST_OR_NOT_FOUND },
        },
      },
      async (request) => {
        const { slug } = request.params;
        const { theme, editions } = await listEditions(deps.db, request.actor, slug);
        const chosen = chooseEditionsToCompare(theme, editions, request.query);
        if (!chosen.from || !chosen.to) {
          throw new NotFoundError(
            `The ${theme.name} route map does not have two editions to compare yet. Name them with ?from= and ?to=.`,
          );
        }
        if (chosen.from.id === chosen.to.id) {
          throw new ValidationError(
            { to: "must be a different edition from `from`" },
            "Choose two different editions.",
          );
        }
        const [from, to] = await Promise.all([
          getEdition(deps.db, request.actor, slug, chosen.from.id),
          getEdition(deps.db, request.actor, slug, chosen.to.id),
        ]);
        return presentComparison(theme, compareEditions(from, to));
      },
    );

    api.get(
      "/sectors",
      {
        schema: {
          operationId: "listSectors",
          summary: "Every sector that may be asked to act",
          tags: ["Sectors"],
          response: { 200: SectorList },
        },
      },
      async () => presentSectorList(await listSectors(deps.db)),
    );

    api.get<SlugRequest>(
      "/sectors/:slug",
      {
        schema: {
          operationId: "getSectorActions",
          summary: "One sector and every action where it must act, route map by route map",
          tags: ["Sectors"],
          params: SlugParams,
          response: { 200: SectorActions, ...BAD_REQUEST_OR_NOT_FOUND },
        },
      },
      async (request) => presentSectorActions(await getSectorActions(deps.db, request.params.slug)),
    );
  },
};
