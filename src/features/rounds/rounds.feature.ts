import type { FastifyInstance } from "fastify";
import type { FeatureApi } from "../../platform/api/api-shell.ts";
import type { AppDeps } from "../../platform/app-deps.ts";
import { registerReminders } from "./reminder.scheduler.ts";
import { roundApi } from "./round.api.ts";
import { roundRoutes } from "./round.routes.ts";

/**
 * Reporting rounds: asking organisations for updates by a date, who has answered, and the
 * reminders the server sends. Its API operations share accountability's tag.
 */
export function registerRounds(app: FastifyInstance, deps: AppDeps): FeatureApi {
  roundRoutes(app, deps);
  registerReminders(app, deps);
  return { tags: [], routes: roundApi };
}
