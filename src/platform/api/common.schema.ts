import Type, { type TSchema } from "typebox";
import { component } from "./openapi.ts";

// Schemas every API resource shares: parameters, references to other resources, and the error.

/** Where the API starts: every endpoint is registered under it (platform/api/api-shell.ts). */
export const API_ROOT = "/api/v1";

/** Lower-case words joined by hyphens, as in "leadership" or "local-authorities". */
export const Slug = Type.String({
  pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$",
  minLength: 1,
  maxLength: 100,
  description: "Lower-case letters and digits, words joined by hyphens, e.g. `leadership`.",
});

const MAX_INT4 = 2147483647;

/** A database id: a whole number from 1 to the largest PostgreSQL integer. */
export const Id = Type.Integer({ minimum: 1, maximum: MAX_INT4 });

/** An id with a description, for parameters and references. */
export const IdOf = (description: string) => Type.Integer({ minimum: 1, maximum: MAX_INT4, description });

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** An address in this API, relative to the host, e.g. "/api/v1/themes/leadership". */
export const ApiUrl = Type.String({
  format: "uri-reference",
  description: "Where to read this resource in the API.",
});

export const SlugParams = Type.Object({ slug: Slug });

export const FoundationReference = component(
  "FoundationReference",
  Type.Object({ slug: Slug, name: Type.String(), url: ApiUrl }),
);

export const ThemeReference = component(
  "ThemeReference",
  Type.Object({ slug: Slug, name: Type.String(), url: ApiUrl }),
);

export const ErrorResponse = component(
  "Error",
  Type.Object(
    {
      error: Type.Object({
        code: Type.Enum(
          [
            "validation",
            "not_found",
            "conflict",
            "forbidden",
            "unauthenticated",
            "rate_limited",
            "unavailable",
            "internal",
          ],
          {
            description: "What kind of problem it is; stable, for programs to act on.",
          },
        ),
        message: Type.String({ description: "What went wrong, in plain English, for people." }),
        fields: Type.Record(Type.String(), Type.String(), {
          description: "For `validation`: each parameter that is not valid, with what is wrong with it.",
        }),
      }),
    },
    { description: "Every error answer has this shape." },
  ),
);

/** The answers every operation may give besides its own: 404, and 400 when it takes parameters. */
export const NOT_FOUND = { 404: ErrorResponse } as const;
export const BAD_REQUEST_OR_NOT_FOUND = { 400: ErrorResponse, 404: ErrorResponse } as const;
