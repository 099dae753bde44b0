import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import {
  clientAddress,
  formField,
  safeReturnTo,
  sendAccountPage,
  sessionCookie,
  tooManyRequests,
} from "./account.http.ts";
import { emailProblem, PASSWORD_MAX } from "./account.validation.ts";
import { accountPageRoutes } from "./account-page.routes.ts";
import { invitationRoutes } from "./invitation.routes.ts";
import { passwordResetRoutes } from "./password-reset.routes.ts";
import { closeSession } from "./session.service.ts";
import { attemptSignIn } from "./sign-in.service.ts";
import { type SignInForm, signInView } from "./views/sign-in.view.ts";

const NOTICES: Record<string, string> = {
  everywhere: "You have been signed out everywhere. Sign in again to carry on.",
};

function renderSignIn(
  request: FastifyRequest,
  reply: FastifyReply,
  form: Omit<SignInForm, "csrfToken">,
): FastifyReply {
  return sendAccountPage(request, reply, {
    title: "Sign in",
    hasErrors: Object.keys(form.errors).length > 0 || form.throttled !== undefined,
    content: signInView({ ...form, csrfToken: request.csrfToken }),
  });
}

/** Signing in and out, and (registered from here) invitations, password resets and the account page. */
export function accountRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const { mailer } = deps;
  const cookie = sessionCookie(deps.config.baseUrl);

  app.get("/sign-in", async (request, reply) => {
    const { returnTo, signedOut } = request.query as { returnTo?: unknown; signedOut?: unknown };
    const notice = typeof signedOut === "string" ? NOTICES[signedOut] : undefined;
    return renderSignIn(request, reply, {
      email: "",
      returnTo: safeReturnTo(returnTo),
      errors: {},
      ...(notice ? { notice } : {}),
      singleSignOnName: deps.config.oidc?.name,
    });
  });

  // Not runChange: for the public, throttled (429), and it sets the session cookie.
  app.post("/sign-in", async (request, reply) => {
    const email = formField(request, "email").slice(0, 1000);
    const password = formField(request, "password");
    const returnTo = safeReturnTo(formField(request, "returnTo"));
    const errors: Record<string, string> = {};
    const emailError = emailProblem(email);
    if (emailError)
      errors.email = emailError === "Enter an email address" ? "Enter your email address" : emailError;
    // Refused before anything is hashed: a 10,000-character password costs nothing to turn away.
    if (!password) errors.password = "Enter your password";
    else if (password.length > PASSWORD_MAX)
      errors.password = `The password is too long: Waymark passwords are at most ${PASSWORD_MAX} characters`;
    if (Object.keys(errors).length === 0) {
      const result = await attemptSignIn(db, { email, password, address: clientAddress(request) });
      if (result.kind === "signed_in") {
        // A sign-in replaces any session this browser had.
        await closeSession(db, cookie.read(request));
        cookie.signIn(request, reply, result.token);
        return reply.redirect(returnTo, 303);
      }
      if (result.kind === "throttled") {
        const throttled = tooManyRequests(reply, result.retryAfterSeconds, "attempts to sign in");
        return renderSignIn(request, reply, {
          email: email.trim(),
          returnTo,
          errors: {},
          throttled,
          singleSignOnName: deps.config.oidc?.name,
        });
      }
      errors.form = "The email address or password is not right";
    }
    reply.status(400);
    return renderSignIn(request, reply, {
      email: email.trim().slice(0, 254),
      returnTo,
      errors,
      singleSignOnName: deps.config.oidc?.name,
    });
  });

  // Not runChange: there is no form to refuse, and it clears the session cookie.
  app.post("/sign-out", async (request, reply) => {
    await closeSession(db, cookie.read(request));
    cookie.signOut(request, reply);
    return reply.redirect("/", 303);
  });

  invitationRoutes(app, db, cookie);
  passwordResetRoutes(app, db, mailer, cookie);
  accountPageRoutes(app, db, cookie);
}
