import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../app.ts";
import type { Db } from "../../platform/database.ts";
import { ConflictError, ValidationError } from "../../platform/errors.ts";
import { sendPrivatePage, signInFirst } from "../../platform/http-pages.ts";
import { bodyOf, field, idParam, queryOf } from "../../platform/http-params.ts";
import { logMailer } from "../../platform/mail.ts";
import * as admin from "./admin.service.ts";
import type { UserDetail } from "./admin.types.ts";
import { adminInviteRoutes } from "./admin-invite.routes.ts";
import { type UserPageModel, userPageTitle, userView } from "./views/user.view.ts";
import { userPath, usersView } from "./views/users.view.ts";

// Administration pages under /admin, for administrators ("user.manage"): everyone with an account,
// one person's roles and access. Every change is a POST that answers with a 303 back to the
// person's page with a confirmation, or shows the page again with what was wrong (400, or 409
// for a change refused as a whole). The audit trail's page is in audit.routes.ts.

const SAVED: Record<string, string> = {
  invited:
    "The invitation has been emailed. The link in it works once, for 7 days; until then the account shows as invited.",
  resent: "A new invitation has been emailed. The link in the earlier one no longer works.",
  accepted: "This person has already accepted their invitation, so no new one was sent.",
  granted: "The role has been granted.",
  removed: "The role has been removed.",
  deactivated: "The account has been deactivated. Its sessions have ended and its API tokens no longer work.",
  reactivated: "The account has been reactivated.",
};

async function renderUser(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: number,
  extra: Partial<Pick<UserPageModel, "saved" | "grant" | "refusal">> & { status?: number } = {},
): Promise<FastifyReply> {
  const [user, choices] = await Promise.all([
    admin.getUser(db, request.actor, userId),
    admin.grantChoices(db, request.actor),
  ]);
  const model: UserPageModel = {
    user,
    choices,
    csrfToken: request.csrfToken,
    isSelf: request.actor.kind === "user" && request.actor.id === user.id,
    ...extra,
  };
  return sendPrivatePage(request, reply, {
    title: userPageTitle(model),
    status: extra.status,
    content: userView(model),
  });
}

export function adminRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  // As for the account pages: without a mailer (tests, the CLI's server) emails go to the log.
  const mailer = deps.mailer ?? logMailer((text) => app.log.info(text), "http://localhost:3000");
  adminInviteRoutes(app, db, mailer);

  app.get("/admin", async (request, reply) => {
    const redirect = signInFirst(request, reply);
    if (redirect) return redirect;
    const users = await admin.listUsers(db, request.actor);
    return sendPrivatePage(request, reply, {
      title: "Manage people",
      content: usersView({ users, canInvite: true }),
    });
  });

  app.get("/admin/users/:id", async (request, reply) => {
    const redirect = signInFirst(request, reply);
    if (redirect) return redirect;
    const userId = idParam((request.params as { id?: string }).id, "person");
    const saved = queryOf(request).saved;
    return renderUser(db, request, reply, userId, { saved: saved ? SAVED[saved] : undefined });
  });

  /** Every change to a person: sign in first, one transaction, then back to their page. */
  function post(
    url: string,
    saved: keyof typeof SAVED,
    change: (trx: Db, request: FastifyRequest, userId: number) => Promise<UserDetail>,
  ): void {
    app.post(url, async (request, reply) => {
      const userId = idParam((request.params as { id?: string }).id, "person");
      const redirect = signInFirst(request, reply, userPath(userId));
      if (redirect) return redirect;
      try {
        await db.transaction().execute((trx) => change(trx, request, userId));
      } catch (error) {
        if (error instanceof ValidationError) {
          const body = bodyOf(request);
          const values = Object.fromEntries(
            ["role", "organisationId", "groupId"].flatMap((k) => {
              const v = field(body, k);
              return v === undefined ? [] : [[k, v]];
            }),
          );
          return renderUser(db, request, reply, userId, {
            status: 400,
            grant: { values, errors: error.fields },
          });
        }
        if (error instanceof ConflictError)
          return renderUser(db, request, reply, userId, { status: 409, refusal: error.message });
        throw error;
      }
      return reply.redirect(`${userPath(userId)}?saved=${saved}`, 303);
    });
  }

  post("/admin/users/:id/roles", "granted", (trx, request, userId) => {
    const body = bodyOf(request);
    return admin.grantRole(trx, request.actor, {
      userId,
      role: field(body, "role"),
      organisationId: field(body, "organisationId"),
      groupId: field(body, "groupId"),
    });
  });
  post("/admin/users/:id/roles/:roleId/delete", "removed", (trx, request, userId) =>
    admin.removeRole(trx, request.actor, {
      userId,
      roleId: idParam((request.params as { roleId?: string }).roleId, "role"),
    }),
  );
  post("/admin/users/:id/deactivate", "deactivated", (trx, request, userId) =>
    admin.deactivateUser(trx, request.actor, userId),
  );
  post("/admin/users/:id/reactivate", "reactivated", (trx, request, userId) =>
    admin.reactivateUser(trx, request.actor, userId),
  );
}
