import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { minutesDownloadRoutes } from "./minutes-downloads.routes.ts";

/** Minutes as documents to download. */
export function registerMinutesDownloads(app: FastifyInstance, deps: AppDeps): void {
  minutesDownloadRoutes(app, deps);
}
