import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { manageTimelineRoutes } from "./manage-timeline.routes.ts";
import { timelineRoutes } from "./timeline.routes.ts";

/** The forward timeline: its public pages and files, and the editors' pages. */
export function registerTimeline(app: FastifyInstance, deps: AppDeps): void {
  timelineRoutes(app, deps);
  manageTimelineRoutes(app, deps);
}
