import type { FastifyReply, FastifyRequest } from "fastify";
import { NotFoundError } from "../../platform/errors.ts";
import type { SafeHtml } from "../../platform/html.ts";
import { page } from "../../platform/views/layout.ts";
import { toId } from "./admin.service.ts";

// What the administration and token pages share: sending a private page, sending the public to
// sign in first, and reading forms, queries and ids.

export type Fields = Record<string, unknown>;

export function bodyOf(request: FastifyRequest): Fields {
  return typeof request.body === "object" && request.body !== null ? (request.body as Fields) : {};
}

/** One submitted field as text; a repeated field or anything else counts as absent. */
export function text(fields: Fields, name: string): string | undefined {
  const value = fields[name];
  return typeof value === "string" ? value : undefined;
}

export function queryOf(request: FastifyRequest): Record<string, string | undefined> {
  const q = (request.query ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(q).map(([k, v]) => [k, typeof v === "string" ? v : undefined]));
}

/** An id from the address; a malformed one is "not found". */
export function idFrom(value: unknown, what = "page"): number {
  const id = toId(value);
  if (id === null) throw new NotFoundError(`We could not find that ${what}: the address is not right.`);
  return id;
}

export function sendPrivatePage(
  request: FastifyRequest,
  reply: FastifyReply,
  options: { title: string; content: SafeHtml; status?: number },
): FastifyReply {
  // Private to one administrator, and may carry a secret shown once: never cached anywhere.
  return reply
    .header("cache-control", "no-store")
    .status(options.status ?? 200)
    .type("text/html; charset=utf-8")
    .send(
      page({
        title: options.title,
        actor: request.actor,
        csrfToken: request.csrfToken,
        content: options.content,
      }).value,
    );
}

/** The public are sent to sign in first, and brought back afterwards. */
export function signInFirst(
  request: FastifyRequest,
  reply: FastifyReply,
  returnTo = request.url,
): FastifyReply | null {
  if (request.actor.kind !== "public") return null;
  return reply.redirect(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`, 303);
}
