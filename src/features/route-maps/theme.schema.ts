import Type from "typebox";
import { ApiUrl, FoundationReference, IdOf, Nullable, Slug } from "../../platform/api/common.schema.ts";
import { component } from "../../platform/api/openapi.ts";
import { EditionSummary, LatestEdition } from "./edition.schema.ts";

// A theme: one of the programme's route maps (e.g. Leadership), under one foundation.

export const ThemeSummary = component(
  "ThemeSummary",
  Type.Object({
    slug: Slug,
    name: Type.String(),
    summary: Type.String(),
    foundation: FoundationReference,
    url: ApiUrl,
    latestEdition: Nullable(LatestEdition),
  }),
);

export const ThemeList = component(
  "ThemeList",
  Type.Object(
    {
      themes: Type.Array(ThemeSummary, {
        description: "In the programme's order, foundation by foundation.",
      }),
    },
    { description: "Every theme (route map) of the programme." },
  ),
);

export const Theme = component(
  "Theme",
  Type.Object(
    {
      slug: Slug,
      name: Type.String(),
      summary: Type.String(),
      foundation: FoundationReference,
      url: ApiUrl,
      latestPublishedEditionId: Nullable(
        IdOf("The edition the public reads; null until the route map is first published."),
      ),
      editions: Type.Array(EditionSummary, {
        description: "The editions you may see, newest first; a draft, if you may see it, comes first.",
      }),
    },
    { description: "A theme with its route map's editions." },
  ),
);
