import Type from "typebox";
import { ApiUrl, Slug } from "../../platform/api/common.schema.ts";
import { component } from "../../platform/api/openapi.ts";
import { Foundation } from "./foundation.schema.ts";

// The programme (e.g. the promise, 2020 to 2030): the root of everything else.

export const Programme = component(
  "Programme",
  Type.Object(
    {
      slug: Slug,
      name: Type.String(),
      summary: Type.String(),
      startYear: Type.Integer(),
      endYear: Type.Integer(),
      url: ApiUrl,
      foundations: Type.Array(Foundation),
    },
    { description: "The programme with its foundations and their themes." },
  ),
);
