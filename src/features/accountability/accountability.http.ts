import type { FastifyReply, FastifyRequest } from "fastify";
import { NotFoundError } from "../../platform/errors.ts";
import { bodyOf, type PageSend, sendPrivatePage, sendPublicPage } from "../../platform/http-pages.ts";
import { isSlug } from "../../platform/slugs.ts";
import { isActionKey } from "./responsibility.service.ts";

// What accountability's routes share: reading forms and addresses, and sending pages.

export type Body = Record<string, unknown>;

export { bodyOf };

/** One field as text; anything else counts as absent. */
export function field(body: Body, name: string): string | undefined {
  const value = body[name];
  return typeof value === "string" ? value : undefined;
}

/** A field that may repeat (checkboxes): its values as text. */
export function many(body: Body, name: string): string[] {
  const value = body[name];
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** The version a form was made from; anything malformed never matches, so it is a conflict. */
export function versionOf(body: Body): number {
  const value = field(body, "version") ?? "";
  return /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
}

export function slugParam(value: string | undefined, what: string): string {
  if (value !== undefined && isSlug(value)) return value;
  throw new NotFoundError(`There is no ${what} at this address.`);
}

export function keyParam(value: string | undefined): string {
  if (value !== undefined && isActionKey(value)) return value;
  throw new NotFoundError("There is no such action in this route map.");
}

/**
 * Sends a page. Public answers to the public may be cached briefly; anything a signed-in person
 * sees (drafts, forms) is never stored.
 */
export function sendPage(
  request: FastifyRequest,
  reply: FastifyReply,
  options: PageSend & { publicPage?: boolean },
): FastifyReply {
  const { publicPage, ...rest } = options;
  return publicPage ? sendPublicPage(request, reply, rest) : sendPrivatePage(request, reply, rest);
}
