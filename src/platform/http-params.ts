import type { FastifyRequest } from "fastify";
import { NotFoundError, ValidationError } from "./errors.ts";
import { isSlug } from "./slugs.ts";
import { parseId } from "./validation.ts";

// What every route reads from a request: ids and slugs in the address (anything that cannot be
// one is "not found", so nothing malformed reaches SQL), the posted body, its fields as text, the
// version a form was made from, and the query string.

export type Fields = Record<string, unknown>;

/** An id from the address; a malformed one is "not found", naming what was looked for. */
export function idParam(value: unknown, what = "page"): number {
  const id = parseId(value);
  if (id === null) throw new NotFoundError(`We could not find that ${what}: the address is not right.`);
  return id;
}

/** A slug from the address; anything that cannot be one is "There is no <what> at this address." */
export function slugParam(value: string | undefined, what: string): string {
  if (value !== undefined && isSlug(value)) return value;
  throw new NotFoundError(`There is no ${what} at this address.`);
}

/** The posted form, or nothing when the body is not an object. */
export function bodyOf(request: FastifyRequest): Fields {
  return typeof request.body === "object" && request.body !== null ? (request.body as Fields) : {};
}

/** One submitted field as text; a repeated field or an object counts as absent. */
export function field(fields: Fields, name: string): string | undefined {
  const value = fields[name];
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return undefined;
}

/** A field that may repeat (checkboxes): its values as text. */
export function many(fields: Fields, name: string): string[] {
  const value = fields[name];
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** What a form without a usable version is told: a form from a page always carries one. */
export const VERSION_MISSING =
  "This form came without the version of the page it was made from. Reload the page and make your change again.";

/**
 * The version a form was made from: a whole number of at most nine digits. A missing or
 * malformed one is a ValidationError naming `version` (400), not a conflict: nobody else changed
 * anything, the form itself is broken.
 */
export function versionOf(fields: Fields): number {
  const value = field(fields, "version") ?? "";
  if (!/^\d{1,9}$/.test(value)) throw new ValidationError({ version: VERSION_MISSING }, VERSION_MISSING);
  return Number(value);
}

/** The query string's single values as text; repeated or nested values count as absent. */
export function queryOf(request: FastifyRequest): Record<string, string | undefined> {
  const q = (request.query ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(q).map(([k, v]) => [k, typeof v === "string" ? v : undefined]));
}
