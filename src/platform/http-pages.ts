import type { FastifyReply, FastifyRequest } from "fastify";
import { type PageOptions, page } from "./views/layout.ts";

// What every feature's page routes share: sending a page with the right caching, and sending the
// public to sign in first (reading the request is http-params.ts).

export type PageSend = Omit<PageOptions, "actor" | "csrfToken"> & { status?: number };

/** Anonymous answers may be cached a minute; a signed-in person's may show drafts: never stored. */
export function publicCacheHeaders(request: FastifyRequest, reply: FastifyReply): void {
  reply.header("cache-control", request.actor.kind === "user" ? "private, no-store" : "public, max-age=60");
  reply.header("vary", "Cookie");
}

function send(request: FastifyRequest, reply: FastifyReply, options: PageSend): FastifyReply {
  const { status, ...pageOptions } = options;
  // Without a status, whatever the route set already stands (200 unless it said otherwise).
  if (status !== undefined) reply.status(status);
  return reply
    .type("text/html; charset=utf-8")
    .send(
      page({ path: request.url, ...pageOptions, actor: request.actor, csrfToken: request.csrfToken }).value,
    );
}

/** A page anyone may read: cacheable for the public, never stored for someone signed in. */
export function sendPublicPage(
  request: FastifyRequest,
  reply: FastifyReply,
  options: PageSend,
): FastifyReply {
  publicCacheHeaders(request, reply);
  return send(request, reply, options);
}

/** A page with private business, form state or a secret shown once: never stored anywhere. */
export function sendPrivatePage(
  request: FastifyRequest,
  reply: FastifyReply,
  options: PageSend,
): FastifyReply {
  reply.header("cache-control", "no-store");
  return send(request, reply, options);
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
