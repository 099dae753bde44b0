import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../app.ts";

/** Resolves the signed-in user from the session cookie (stub: everyone is the public). */
export function registerSessions(_app: FastifyInstance, _deps: AppDeps): void {}

/** Sign in and sign out (stub). */
export function accountRoutes(_app: FastifyInstance, _deps: AppDeps): void {}
