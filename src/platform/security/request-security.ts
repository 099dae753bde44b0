import type { FastifyInstance } from "fastify";
import type { Actor } from "../actor.ts";
import { UnauthenticatedError } from "../errors.ts";
import { registerCsrf } from "./csrf.ts";
import { registerSecurityHeaders } from "./headers.ts";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor;
    csrfToken: string;
    /** The request came with a valid personal API token (Authorization: Bearer): no CSRF token needed. */
    viaToken: boolean;
  }
}

/**
 * How a request's person is found, as the features that keep sessions and tokens say it
 * (accounts' session service, api-tokens' token service; src/app.ts hands them in, so platform
 * imports no feature).
 */
export interface Identities {
  /** The name of the session cookie. */
  sessionCookie: string;
  /** The actor of a session cookie's token: the public when it is unknown, expired or idle too long. */
  actorForSession(token: string): Promise<Actor>;
  /** The owner of a personal API token, with their roles; null when it is unknown, expired or revoked. */
  actorForToken(token: string): Promise<Actor | null>;
}

/**
 * The app-wide request hooks that decide who is asking and what they may send, in the one order
 * that is safe. Fastify runs hooks of a kind in the order they were registered, the app's before a
 * plugin's own, so the order here is the order on every request:
 *
 * 1. every request starts as the public, so that no later hook ever meets a request without an actor;
 * 2. security headers (onSend) and the CSRF token (onRequest: read or make the cookie; checked in
 *    preValidation, or preHandler for a multipart form), before the session and token hooks, so that
 *    every answer, even one they refuse, carries them;
 * 3. the session cookie makes the actor a signed-in user; then, on /api/ only, `Authorization: Bearer` replaces that with the token's
 *    owner and sets `viaToken`, which the CSRF check reads to let the request through (a cross-site
 *    page cannot send that header). A bad token is a 401, never a quiet fall back to the public;
 * 4. the page cache (platform/page-cache.ts, registered by src/app.ts straight after this): its
 *    onRequest answers from memory only for the public, so it must come after the actor is known;
 * 5. the API rate limit (platform/api/api-rate-limit.ts): inside the /api/v1 context, so after all
 *    of the above, keyed by the token's owner when `viaToken` is set, else the client address.
 */
export function registerRequestSecurity(app: FastifyInstance, identities: Identities): void {
  app.addHook("onRequest", async (request) => {
    request.actor = { kind: "public", requestId: request.id };
  });
  registerSecurityHeaders(app);
  registerCsrf(app);
  app.decorateRequest("viaToken", false);
  app.addHook("onRequest", async (request) => {
    const token = request.cookies[identities.sessionCookie];
    if (token && !request.url.startsWith("/assets/"))
      request.actor = { ...(await identities.actorForSession(token)), requestId: request.id };
  });
  app.addHook("onRequest", async (request) => {
    const header = request.headers.authorization;
    if (header === undefined || !request.url.startsWith("/api/")) return;
    const match = /^Bearer +(\S+)\s*$/i.exec(header);
    const actor = match ? await identities.actorForToken(match[1]!) : null;
    if (!actor)
      throw new UnauthenticatedError(
        match
          ? "This API token is not valid: it may be mistyped, expired or revoked. Make a new one at /account/tokens."
          : "The Authorization header must be `Bearer` followed by a personal API token.",
      );
    request.actor = { ...actor, requestId: request.id };
    request.viaToken = true;
  });
}
