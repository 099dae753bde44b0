import type { FastifyInstance } from "fastify";
import type { Static } from "typebox";
import type { Grant } from "../../platform/actor.ts";
import { ErrorResponse } from "../../platform/api/common.schema.ts";
import type { AppDeps } from "../../platform/app-deps.ts";
import { inviteUser } from "../accounts/invitation.service.ts";
import { presentUser, presentUserSummary } from "./admin.presenters.ts";
import {
  AdminUser,
  AdminUserList,
  GrantRoleBody,
  InvitationBody,
  UserParams,
  UserRoleParams,
} from "./admin.schema.ts";
import * as admin from "./admin.service.ts";
import { auditApiRoutes } from "./audit.api.ts";

// The administration API under /api/v1/admin, for administrators: the same services as the
// pages. A browser session must send its CSRF token in X-CSRF-Token; a script sends its personal
// API token as `Authorization: Bearer …` and needs none.

const SECURITY: Array<Record<string, string[]>> = [{ bearerToken: [] }, { sessionCookie: [] }];
const REFUSALS = { 401: ErrorResponse, 403: ErrorResponse } as const;
const READ_ERRORS = { 400: ErrorResponse, ...REFUSALS, 404: ErrorResponse } as const;
const CHANGE_ERRORS = { ...READ_ERRORS, 409: ErrorResponse } as const;

type UserRequest = { Params: Static<typeof UserParams> };

/**
 * The API's grants as the invitation service takes them. A contributor without an organisation
 * (or a secretary without a group) is given id 0, which no organisation has, so the service
 * refuses it naming `grants`; a scope sent with another role is ignored, as when granting.
 */
function grantsOf(body: Static<typeof InvitationBody>): Grant[] {
  return (body.grants ?? []).map((g): Grant => {
    if (g.role === "organisation_contributor") return { role: g.role, organisationId: g.organisationId ?? 0 };
    if (g.role === "group_secretary") return { role: g.role, groupId: g.groupId ?? 0 };
    return { role: g.role };
  });
}

export function adminApiRoutes(api: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const { mailer } = deps;
  api.register(
    async (scope) => {
      // Private to administrators, whoever asks: never kept by any cache.
      scope.addHook("onRequest", async (_request, reply) => {
        reply.header("cache-control", "no-store");
      });

      auditApiRoutes(scope, deps);

      scope.get(
        "/users",
        {
          schema: {
            operationId: "adminListUsers",
            summary: "Everyone with an account, with their status and roles",
            tags: ["Administration"],
            security: SECURITY,
            response: { 200: AdminUserList, ...REFUSALS },
          },
        },
        async (request) => ({ users: (await admin.listUsers(db, request.actor)).map(presentUserSummary) }),
      );

      scope.get<UserRequest>(
        "/users/:id",
        {
          schema: {
            operationId: "adminGetUser",
            summary: "One person's account, roles and open sessions",
            tags: ["Administration"],
            security: SECURITY,
            params: UserParams,
            response: { 200: AdminUser, ...READ_ERRORS },
          },
        },
        async (request) => presentUser(await admin.getUser(db, request.actor, request.params.id)),
      );

      scope.post<UserRequest & { Body: Static<typeof GrantRoleBody> }>(
        "/users/:id/roles",
        {
          schema: {
            operationId: "adminGrantRole",
            summary: "Grants a role; a contributor's for an organisation, a secretary's for a group",
            tags: ["Administration"],
            security: SECURITY,
            params: UserParams,
            body: GrantRoleBody,
            response: { 201: AdminUser, ...CHANGE_ERRORS },
          },
        },
        async (request, reply) => {
          const user = await db.transaction().execute((trx) =>
            admin.grantRole(trx, request.actor, {
              userId: request.params.id,
              role: request.body.role,
              organisationId: request.body.organisationId,
              groupId: request.body.groupId,
            }),
          );
          return reply.status(201).send(presentUser(user));
        },
      );

      scope.post<{ Body: Static<typeof InvitationBody> }>(
        "/invitations",
        {
          schema: {
            operationId: "adminInviteUser",
            summary:
              "Invites someone: makes their account (invited, with these roles) and emails them a link, valid once for 7 days, to choose a password",
            description:
              "An address that already has an account is refused (400, naming `email`). If the mail server refuses the message, nobody is invited (503): try again.",
            tags: ["Administration"],
            security: SECURITY,
            body: InvitationBody,
            response: { 201: AdminUser, ...READ_ERRORS, 503: ErrorResponse },
          },
        },
        async (request, reply) => {
          const invited = await inviteUser(
            db,
            request.actor,
            { email: request.body.email, name: request.body.name, grants: grantsOf(request.body) },
            mailer,
          );
          return reply
            .status(201)
            .header("location", `/api/v1/admin/users/${invited.id}`)
            .send(presentUser(await admin.getUser(db, request.actor, invited.id)));
        },
      );

      scope.delete<{ Params: Static<typeof UserRoleParams> }>(
        "/users/:id/roles/:roleId",
        {
          schema: {
            operationId: "adminRemoveRole",
            summary: "Removes one of a person's roles (never the last administrator's)",
            tags: ["Administration"],
            security: SECURITY,
            params: UserRoleParams,
            response: { 200: AdminUser, ...CHANGE_ERRORS },
          },
        },
        async (request) =>
          presentUser(
            await db.transaction().execute((trx) =>
              admin.removeRole(trx, request.actor, {
                userId: request.params.id,
                roleId: request.params.roleId,
              }),
            ),
          ),
      );

      scope.post<UserRequest>(
        "/users/:id/deactivate",
        {
          schema: {
            operationId: "adminDeactivateUser",
            summary: "Stops a person signing in: ends their sessions and their API tokens' use",
            tags: ["Administration"],
            security: SECURITY,
            params: UserParams,
            response: { 200: AdminUser, ...CHANGE_ERRORS },
          },
        },
        async (request) =>
          presentUser(
            await db
              .transaction()
              .execute((trx) => admin.deactivateUser(trx, request.actor, request.params.id)),
          ),
      );

      scope.post<UserRequest>(
        "/users/:id/reactivate",
        {
          schema: {
            operationId: "adminReactivateUser",
            summary: "Lets a deactivated person sign in again",
            tags: ["Administration"],
            security: SECURITY,
            params: UserParams,
            response: { 200: AdminUser, ...CHANGE_ERRORS },
          },
        },
        async (request) =>
          presentUser(
            await db
              .transaction()
              .execute((trx) => admin.reactivateUser(trx, request.actor, request.params.id)),
          ),
      );
    },
    { prefix: "/admin" },
  );
}
