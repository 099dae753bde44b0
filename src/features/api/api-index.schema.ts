import Type from "typebox";
import { ApiUrl } from "./common.schema.ts";
import { component } from "./openapi.ts";

// The front door of the API: where everything else is.

export const ApiIndex = component(
  "ApiIndex",
  Type.Object(
    {
      name: Type.String(),
      description: Type.String(),
      links: Type.Object({
        openapi: ApiUrl,
        programme: ApiUrl,
        foundations: ApiUrl,
        themes: ApiUrl,
        sectors: ApiUrl,
        indicators: ApiUrl,
        groups: ApiUrl,
        organisations: ApiUrl,
        commitments: ApiUrl,
      }),
    },
    { description: "Links to every collection and to the OpenAPI document." },
  ),
);

/** The OpenAPI document describes itself only loosely: its own standard defines it. */
export const OpenApiDocument = Type.Object(
  {
    openapi: Type.Literal("3.1.0"),
    info: Type.Object({ title: Type.String(), version: Type.String() }, { additionalProperties: true }),
    paths: Type.Object({}, { additionalProperties: true }),
    components: Type.Object({}, { additionalProperties: true }),
  },
  {
    additionalProperties: true,
    description: "This API described in OpenAPI 3.1 (https://spec.openapis.org/oas/v3.1.0).",
  },
);
