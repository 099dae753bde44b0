import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../app.ts";

/** Editing pages for route-map editions (stub). */
export function editRoutes(_app: FastifyInstance, _deps: AppDeps): void {}
