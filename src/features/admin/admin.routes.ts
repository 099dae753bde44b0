import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "../../platform/actor.ts";
import type { AppDeps } from "../../platform/app-deps.ts";
import type { Db, Trx } from "../../platform/database.ts";
import { ConflictError } from "../../platform/errors.ts";
import { type Form, type Params, runChange } from "../../platform/http-forms.ts";
import { sendPrivatePage, signInFirst } from "../../platform/http-pages.ts";
import { idParam, queryOf } from "../../platform/http-params.ts";
import * as admin from "./admin.service.ts";
import type { UserDetail } from "./admin.types.ts";
import { adminInviteRoutes } from "./admin-invite.routes.ts";
import { type UserPageModel, userPageTitle, userView } from "./views/user.view.ts";
import { userPath, usersView } from "./views/users.view.ts";

// Administration pages under /admin, for administrators ("user.manage"): everyone with an account,
// one person's roles and access. Every change is a POST that answers with a 303 back to the
// person's page with a confirmation, or shows the page again with what was wrong (400, or 409
// for a change refused as a whole). The audit trail's page is in audit.routes.ts.

/** What a grant form posts; shown again when it is refused. */
const GRANT_FIELDS = ["role", "organisationId", "groupId"] as const;

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
  const { mailer } = deps;
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
    change: (trx: Trx, actor: Actor, userId: number, form: Form, params: Params) => Promise<UserDetail>,
  ): void {
    app.post(url, async (request, reply) => {
      // The person's id is read before sign-in, so a malformed address is "not found" to anyone.
      const userId = idParam((request.params as Params).id, "person");
      return runChange(db, request, reply, {
        returnTo: userPath(userId),
        fields: GRANT_FIELDS,
        change: async (trx, actor, form) => {
          await change(trx, actor, userId, form, request.params as Params);
          return `${userPath(userId)}?saved=${saved}`;
        },
        refused: (state, _status, _posted, error) =>
          error instanceof ConflictError
            ? renderUser(db, request, reply, userId, { status: 409, refusal: error.message })
            : renderUser(db, request, reply, userId, {
                status: 400,
                grant: { values: state.values, errors: error.fields },
              }),
      });
    });
  }

  post("/admin/users/:id/roles", "granted", (trx, actor, userId, form) =>
    admin.grantRole(trx, actor, {
      userId,
      role: form.role,
      organisationId: form.organisationId,
      groupId: form.groupId,
    }),
  );
  post("/admin/users/:id/roles/:roleId/delete", "removed", (trx, actor, userId, _form, params) =>
    admin.removeRole(trx, actor, { userId, roleId: idParam(params.roleId, "role") }),
  );
  post("/admin/users/:id/deactivate", "deactivated", (trx, actor, userId) =>
    admin.deactivateUser(trx, actor, userId),
  );
  post("/admin/users/:id/reactivate", "reactivated", (trx, actor, userId) =>
    admin.reactivateUser(trx, actor, userId),
  );
}
