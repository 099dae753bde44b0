import type { FastifyInstance } from "fastify";
import type { Db } from "../../platform/database.ts";
import { ValidationError } from "../../platform/errors.ts";
import {
  clientAddress,
  formField,
  type SessionCookie,
  sendAccountPage,
  tooManyRequests,
} from "./account.http.ts";
import { changePassword, getAccount, signOutEverywhere } from "./account.service.ts";
import { accountView } from "./views/account.view.ts";

// /account: who you are, your roles in plain words, changing your password, signing out everywhere.

export function accountPageRoutes(app: FastifyInstance, db: Db, cookie: SessionCookie): void {
  app.get("/account", async (request, reply) => {
    if (request.actor.kind === "public") return reply.redirect("/sign-in?returnTo=%2Faccount", 303);
    const { saved } = request.query as { saved?: unknown };
    return sendAccountPage(request, reply, {
      title: "Your account",
      content: accountView({
        account: await getAccount(db, request.actor),
        csrfToken: request.csrfToken,
        saved: typeof saved === "string" ? saved : undefined,
        errors: {},
      }),
    });
  });

  // Not runChange: throttled like sign-in (wrong passwords count), and it keeps this session
  // while ending the others; the service opens its own transaction.
  app.post("/account/password", async (request, reply) => {
    if (request.actor.kind === "public") return reply.redirect("/sign-in?returnTo=%2Faccount", 303);
    try {
      const result = await changePassword(db, request.actor, {
        current: formField(request, "currentPassword"),
        password: formField(request, "password"),
        keepSessionToken: cookie.read(request),
        address: clientAddress(request),
      });
      if (result.kind === "changed") return reply.redirect("/account?saved=password", 303);
      const throttled = tooManyRequests(reply, result.retryAfterSeconds, "wrong passwords");
      return sendAccountPage(request, reply, {
        title: "Your account",
        hasErrors: true,
        content: accountView({
          account: await getAccount(db, request.actor),
          csrfToken: request.csrfToken,
          errors: {},
          throttled,
        }),
      });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return sendAccountPage(request, reply, {
        title: "Your account",
        status: 400,
        hasErrors: true,
        content: accountView({
          account: await getAccount(db, request.actor),
          csrfToken: request.csrfToken,
          errors: error.fields,
        }),
      });
    }
  });

  // Not runChange: it ends every session, this one too, and clears the cookie.
  app.post("/account/sign-out-everywhere", async (request, reply) => {
    if (request.actor.kind === "public") return reply.redirect("/sign-in", 303);
    await signOutEverywhere(db, request.actor);
    cookie.signOut(request, reply);
    return reply.redirect("/sign-in?signedOut=everywhere", 303);
  });
}
