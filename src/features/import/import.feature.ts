import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { importRoutes } from "./import.routes.ts";

/** Importing existing documents: the upload page and its review screen. */
export function registerImport(app: FastifyInstance, deps: AppDeps): void {
  importRoutes(app, deps);
}
