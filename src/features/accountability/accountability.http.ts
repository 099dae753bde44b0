import type { FastifyReply, FastifyRequest } from "fastify";
import { NotFoundError } from "../../platform/errors.ts";
import { type PageSend, sendPrivatePage, sendPublicPage } from "../../platform/http-pages.ts";
import { isActionKey } from "./responsibility.service.ts";

// What accountability's routes share: an action's key in the address, and sending pages (the rest
// of a request is read by platform/http-params.ts).

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
