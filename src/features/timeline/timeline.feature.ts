import type { FastifyInstance } from "fastify";
import type { FeatureApi } from "../../platform/api/api-shell.ts";
import { API_ROOT } from "../../platform/api/common.schema.ts";
import type { AppDeps } from "../../platform/app-deps.ts";
import { manageTimelineRoutes } from "./manage-timeline.routes.ts";
import { timelineApiRoutes } from "./timeline.api.ts";
import { timelineRoutes } from "./timeline.routes.ts";
import { TIMELINE_TAG } from "./timeline.schema.ts";

/** The forward timeline: its public pages and files, the editors' pages, and its part of the API. */
export function registerTimeline(app: FastifyInstance, deps: AppDeps): FeatureApi {
  timelineRoutes(app, deps);
  manageTimelineRoutes(app, deps);
  return { tags: [TIMELINE_TAG], links: { timeline: `${API_ROOT}/timeline` }, routes: timelineApiRoutes };
}
