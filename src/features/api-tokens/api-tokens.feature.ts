import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { tokenRoutes } from "./token.routes.ts";

/**
 * Personal API tokens: the /account/tokens pages. The `Authorization: Bearer` hook that reads a
 * token is platform/security/request-security.ts.
 */
export function registerApiTokens(app: FastifyInstance, deps: AppDeps): void {
  tokenRoutes(app, deps);
}
