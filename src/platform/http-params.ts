import type { FastifyRequest } from "fastify";
import { NotFoundError } from "./errors.ts";
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

/**
 * The version a form was made from. Anything malformed is -1, which no row has: the change is a
 * conflict, and the value is still a number SQL can compare.
 */
export function versionOf(fields: Fields): number {
  const value = field(fields, "version") ?? "";
  return /^\d{1,9}$/.test(value) ? Number(value) : -1;
}

/** The query string's single values as text; repeated or nested values count as absent. */
export function queryOf(request: FastifyRequest): Record<string, string | undefined> {
  const q = (request.query ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(q).map(([k, v]) => [k, typeof v === "string" ? v : undefined]));
}
