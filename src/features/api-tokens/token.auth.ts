import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { UnauthenticatedError } from "../../platform/errors.ts";
import { actorForToken } from "./token.service.ts";

/**
 * `Authorization: Bearer <token>` on /api/: the request acts as the token's owner, with their
 * roles, instead of any session cookie; it needs no CSRF token (a cross-site page cannot send
 * this header). A malformed, unknown, expired or revoked token, or a deactivated owner, is a
 * 401 with the JSON error, never a quiet fall back to the public.
 */
export function registerBearerTokens(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest("viaToken", false);
  app.addHook("onRequest", async (request) => {
    const header = request.headers.authorization;
    if (header === undefined || !request.url.startsWith("/api/")) return;
    const match = /^Bearer +(\S+)\s*$/i.exec(header);
    const actor = match ? await actorForToken(deps.db, match[1]!) : null;
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
