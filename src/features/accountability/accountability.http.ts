import type { FastifyReply, FastifyRequest } from "fastify";
import { NotFoundError } from "../../platform/errors.ts";
import type { SafeHtml } from "../../platform/html.ts";
import { type Crumb, page } from "../../platform/views/layout.ts";
import { isSlug } from "../route-maps/edition-editing.validation.ts";
import { isActionKey } from "./responsibility.service.ts";

// What accountability's routes share: reading forms and addresses, and sending pages.

export type Body = Record<string, unknown>;

export function bodyOf(request: FastifyRequest): Body {
  return typeof request.body === "object" && request.body !== null ? (request.body as Body) : {};
}

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
  options: { title: string; content: SafeHtml; status?: number; breadcrumbs?: Crumb[]; publicPage?: boolean },
): FastifyReply {
  if (options.publicPage && request.actor.kind === "public") {
    reply.header("cache-control", "public, max-age=60");
    reply.header("vary", "Cookie");
  } else reply.header("cache-control", "private, no-store");
  return reply
    .status(options.status ?? 200)
    .type("text/html; charset=utf-8")
    .send(
      page({
        title: options.title,
        actor: request.actor,
        csrfToken: request.csrfToken,
        breadcrumbs: options.breadcrumbs,
        content: options.content,
      }).value,
    );
}
