import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { accountRoutes } from "./account.routes.ts";
import { oidcRoutes } from "./oidc.routes.ts";

/**
 * Accounts: signing in and out (by password or single sign-on), invitations, password resets and
 * the account page. The session cookie's hook is platform/security/request-security.ts.
 */
export function registerAccounts(app: FastifyInstance, deps: AppDeps): void {
  accountRoutes(app, deps);
  oidcRoutes(app, deps);
}
