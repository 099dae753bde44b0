import Type, { type TSchema } from "typebox";
import { ApiUrl } from "./common.schema.ts";
import { component } from "./openapi.ts";

// The front door of the API: where everything else is. Its links are the features' collections
// (each feature's API part names its own), so the schema is made from them. Every app built in
// one process (tests build many) gets the same schema object for the same links: a component
// name stands for one schema.

const indexSchemas = new Map<string, TSchema>();

/** The index's schema for these link names, in this order (one object per set, so one component). */
export function apiIndexSchema(linkNames: readonly string[]): TSchema {
  const key = linkNames.join(" ");
  let schema = indexSchemas.get(key);
  if (!schema) {
    const links: Record<string, TSchema> = { openapi: ApiUrl };
    for (const name of linkNames) links[name] = ApiUrl;
    schema = Type.Object(
      { name: Type.String(), description: Type.String(), links: Type.Object(links) },
      { description: "Links to every collection and to the OpenAPI document." },
    );
    indexSchemas.set(key, schema);
  }
  return component("ApiIndex", schema);
}

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
