import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { bulkRoutes } from "./bulk.routes.ts";

/** Bulk updates: many progress updates at once from a spreadsheet, previewed, then all or nothing. */
export function registerBulkUpdates(app: FastifyInstance, deps: AppDeps): void {
  bulkRoutes(app, deps);
}
