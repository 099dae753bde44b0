import Type from "typebox";
import { ApiUrl, Slug } from "../../platform/api/common.schema.ts";
import { component } from "../../platform/api/openapi.ts";
import { ThemeSummary } from "./theme.schema.ts";

// A foundation of the promise (Voice, Family, Care, People, Scaffolding) and its themes.

export const Foundation = component(
  "Foundation",
  Type.Object(
    {
      slug: Slug,
      name: Type.String(),
      summary: Type.String(),
      url: ApiUrl,
      themes: Type.Array(ThemeSummary),
    },
    { description: "A foundation with its themes." },
  ),
);

export const FoundationList = component(
  "FoundationList",
  Type.Object(
    { foundations: Type.Array(Foundation) },
    { description: "The programme's foundations, in order." },
  ),
);
