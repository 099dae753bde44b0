import Type from "typebox";
import { ApiUrl, Slug, ThemeReference } from "../../platform/api/common.schema.ts";
import { component } from "../../platform/api/openapi.ts";
import { Action, EditionSummary } from "./edition.schema.ts";

// A sector that must act (e.g. Local Authorities, Health Boards) and what it is named on.

export const Sector = component("Sector", Type.Object({ slug: Slug, name: Type.String(), url: ApiUrl }));

export const SectorList = component(
  "SectorList",
  Type.Object({ sectors: Type.Array(Sector) }, { description: "Every sector, in order." }),
);

export const SectorActions = component(
  "SectorActions",
  Type.Object(
    {
      sector: Sector,
      routeMaps: Type.Array(
        Type.Object({
          theme: ThemeReference,
          edition: EditionSummary,
          actions: Type.Array(Action, { description: "Every action of the route map, in order." }),
        }),
        {
          description:
            "Every route map whose latest published edition names this sector, by theme name, with its actions.",
        },
      ),
    },
    { description: "A sector and every action where it must act, route map by route map." },
  ),
);
