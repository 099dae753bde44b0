import type { FastifyInstance } from "fastify";
import { ValidationError } from "../errors.ts";

// Parameters in an API address and query string arrive as text, and the schema validator turns
// text into numbers as JavaScript does: "Infinity", "1e309", "0x10", " 1" and "1.0" all pass as
// whole numbers (Infinity even passes `maximum`), and Infinity then fails in SQL as a 500. So
// before the validator runs, every parameter that a route's schema says is a number must be
// written as one, in decimal digits; the validator then checks its range (minimum, maximum) as
// before. No parameter may hold a NUL character, which PostgreSQL text cannot (a 500 in SQL).

type Kind = "integer" | "number";

const WRITTEN: Record<Kind, RegExp> = { integer: /^-?\d{1,30}$/, number: /^-?\d{1,30}(?:\.\d{1,30})?$/ };
const MESSAGE: Record<Kind, string> = { integer: "must be a whole number", number: "must be a number" };

/** The properties of an object schema that must be numbers, by name. */
function numericProperties(schema: unknown): Array<[string, Kind]> {
  const properties = (schema as { properties?: Record<string, { type?: unknown }> } | undefined)?.properties;
  if (!properties) return [];
  return Object.entries(properties).flatMap(
    ([name, property]): Array<[string, Kind]> =>
      property.type === "integer" || property.type === "number" ? [[name, property.type]] : [],
  );
}

const cache = new WeakMap<object, Array<[string, Kind]>>();

function numericOf(schema: unknown): Array<[string, Kind]> {
  if (typeof schema !== "object" || schema === null) return [];
  let found = cache.get(schema);
  if (!found) {
    found = numericProperties(schema);
    cache.set(schema, found);
  }
  return found;
}

/**
 * Refuses, as a 400 naming the parameter, a number in the address or query string of an API
 * route that is not written in decimal digits, or any parameter with a NUL character, before the
 * schema validator reads it.
 */
export function registerStrictParams(api: FastifyInstance): void {
  api.addHook("preValidation", async (request) => {
    const schema = request.routeOptions.schema;
    if (!schema) return;
    const fields: Record<string, string> = {};
    for (const [part, values] of [
      [schema.params, request.params],
      [schema.querystring, request.query],
    ] as const) {
      const given = (values ?? {}) as Record<string, unknown>;
      // Only the parameters the route reads: any other is ignored, as the validator ignores it.
      const declared = Object.keys((part as { properties?: object } | undefined)?.properties ?? {});
      for (const name of declared) {
        const value = given[name];
        const texts = Array.isArray(value) ? value : [value];
        if (texts.some((text) => typeof text === "string" && text.includes("\u0000")))
          fields[name] = "must not contain a NUL character";
      }
      for (const [name, kind] of numericOf(part)) {
        const value = given[name];
        if (value === undefined || fields[name]) continue;
        const texts = Array.isArray(value) ? value : [value];
        if (texts.some((text) => typeof text !== "string" || !WRITTEN[kind].test(text)))
          fields[name] = MESSAGE[kind];
      }
    }
    if (Object.keys(fields).length > 0) throw new ValidationError(fields, "The request is not valid.");
  });
}
