import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { siteInformationRoutes } from "./site-information.routes.ts";

/** The pages about the site itself: accessibility statement, privacy notice, cookies, feedback, robots.txt. */
export function registerSiteInformation(app: FastifyInstance, deps: AppDeps): void {
  siteInformationRoutes(app, deps);
}
