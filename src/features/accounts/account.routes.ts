import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../app.ts";
import { page } from "../../platform/views/layout.ts";
import { actorForSession, SESSION_HOURS, signIn, signOut } from "./user.service.ts";
import { signInView } from "./views/sign-in.view.ts";

export const SESSION_COOKIE = "wm_session";

/** Only a path on this site may be returned to after sign-in, never another site. */
export function safeReturnTo(value: unknown): string {
  return typeof value === "string" && /^\/(?![/\\])/.test(value) && value.length < 2000 ? value : "/manage";
}

/** Resolves the signed-in user from the session cookie on every request. */
export function registerSessions(app: FastifyInstance, deps: AppDeps): void {
  app.addHook("onRequest", async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token && !request.url.startsWith("/assets/"))
      request.actor = { ...(await actorForSession(deps.db, token)), requestId: request.id };
  });
}

function renderSignIn(
  request: FastifyRequest,
  reply: FastifyReply,
  form: { email: string; returnTo: string; errors: Record<string, string> },
) {
  return reply
    .header("cache-control", "private, no-store")
    .type("text/html; charset=utf-8")
    .send(
      page({
        title: Object.keys(form.errors).length ? "Error: Sign in" : "Sign in",
        actor: request.actor,
        csrfToken: request.csrfToken,
        content: signInView({ ...form, csrfToken: request.csrfToken }),
      }).value,
    );
}

/** Sign in and sign out. A minimal built-in sign-in: accounts, roles and invitations come later. */
export function accountRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get("/sign-in", async (request, reply) => {
    const { returnTo } = request.query as { returnTo?: unknown };
    return renderSignIn(request, reply, { email: "", returnTo: safeReturnTo(returnTo), errors: {} });
  });

  app.post("/sign-in", async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const email = typeof body.email === "string" ? body.email.slice(0, 300) : "";
    const password = typeof body.password === "string" ? body.password.slice(0, 300) : "";
    const returnTo = safeReturnTo(body.returnTo);
    const errors: Record<string, string> = {};
    if (!email.trim()) errors.email = "Enter your email address";
    if (!password) errors.password = "Enter your password";
    if (Object.keys(errors).length === 0) {
      const session = await signIn(deps.db, email, password);
      if (session) {
        reply.setCookie(SESSION_COOKIE, session.token, {
          path: "/",
          httpOnly: true,
          sameSite: "lax",
          secure: request.protocol === "https",
          maxAge: SESSION_HOURS * 3600,
        });
        return reply.redirect(returnTo, 303);
      }
      errors.form = "The email address or password is not right";
    }
    reply.status(400);
    return renderSignIn(request, reply, { email, returnTo, errors });
  });

  app.post("/sign-out", async (request, reply) => {
    await signOut(deps.db, request.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.redirect("/", 303);
  });
}
