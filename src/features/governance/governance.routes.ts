import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { actionLogRoutes } from "./action-log.routes.ts";
import { manageGroupRoutes } from "./manage-group.routes.ts";
import { manageItemRoutes } from "./manage-items.routes.ts";
import { manageMeetingRoutes } from "./manage-meeting.routes.ts";
import { governancePublicRoutes } from "./public.routes.ts";

/** Every governance page: public groups and minutes, and managing groups and meetings. */
export function governanceRoutes(app: FastifyInstance, deps: AppDeps): void {
  governancePublicRoutes(app, deps);
  manageGroupRoutes(app, deps);
  manageMeetingRoutes(app, deps);
  manageItemRoutes(app, deps);
  actionLogRoutes(app, deps);
}
