import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { organisationRoutes } from "./organisation.routes.ts";
import { organisationEditRoutes } from "./organisation-edit.routes.ts";

/** Organisations: the register and each organisation's pages, and keeping the register. */
export function registerOrganisations(app: FastifyInstance, deps: AppDeps): void {
  organisationRoutes(app, deps);
  organisationEditRoutes(app, deps);
}
