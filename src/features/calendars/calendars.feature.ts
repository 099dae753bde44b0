import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { calendarRoutes } from "./calendar.routes.ts";

/** Calendar feeds (.ics) of meetings, by group and by person. */
export function registerCalendars(app: FastifyInstance, deps: AppDeps): void {
  calendarRoutes(app, deps);
}
