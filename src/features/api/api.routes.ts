import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../app.ts";

/** The JSON API under /api/v1 (stub). */
export function apiRoutes(_app: FastifyInstance, _deps: AppDeps): void {}
