import type { FastifyInstance } from "fastify";
import type { Db } from "../../platform/database.ts";
import { ValidationError } from "../../platform/errors.ts";
import type { Mailer } from "../../platform/mail.ts";
import {
  clientAddress,
  formField,
  type SessionCookie,
  sendAccountPage,
  tooManyRequests,
} from "./account.http.ts";
import { UnusableLinkError } from "./account-link.service.ts";
import { findPasswordReset, requestPasswordReset, resetPassword } from "./password-reset.service.ts";
import { linkProblemView } from "./views/link-problem.view.ts";
import { resetPasswordView, resetRequestView, resetSentView } from "./views/password-reset.view.ts";

// /password-reset: ask for a link (the same answer whether or not there is an account); the
// emailed link opens /password-reset/:token, where the new password is chosen.

export function passwordResetRoutes(
  app: FastifyInstance,
  db: Db,
  mailer: Mailer,
  cookie: SessionCookie,
): void {
  app.get("/password-reset", async (request, reply) =>
    sendAccountPage(request, reply, {
      title: "Reset your password",
      content: resetRequestView({ email: "", csrfToken: request.csrfToken, errors: {} }),
    }),
  );

  // Not runChange: for the public, throttled per address, and it answers the same whether or not
  // the account exists (so nobody learns who has one).
  app.post("/password-reset", async (request, reply) => {
    const email = formField(request, "email").slice(0, 1000);
    try {
      const result = await requestPasswordReset(
        db,
        { email, address: clientAddress(request), requestId: request.id },
        mailer,
        (error) => request.log.error({ err: error }, "password reset email not sent"),
      );
      if (result.kind === "throttled") {
        const throttled = tooManyRequests(reply, result.retryAfterSeconds, "requests to reset a password");
        return sendAccountPage(request, reply, {
          title: "Reset your password",
          hasErrors: true,
          content: resetRequestView({
            email: email.trim(),
            csrfToken: request.csrfToken,
            errors: {},
            throttled,
          }),
        });
      }
      return sendAccountPage(request, reply, {
        title: "Check your email",
        content: resetSentView(email.trim()),
      });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return sendAccountPage(request, reply, {
        title: "Reset your password",
        status: 400,
        hasErrors: true,
        content: resetRequestView({
          email: email.trim().slice(0, 254),
          csrfToken: request.csrfToken,
          errors: error.fields,
        }),
      });
    }
  });

  const unusable = (
    request: Parameters<typeof sendAccountPage>[0],
    reply: Parameters<typeof sendAccountPage>[1],
  ) =>
    sendAccountPage(request, reply, {
      title: "This link does not work",
      status: 404,
      content: linkProblemView("password_reset"),
    });

  app.get("/password-reset/:token", async (request, reply) => {
    const { token } = request.params as { token: string };
    const reset = await findPasswordReset(db, token);
    if (!reset) return unusable(request, reply);
    return sendAccountPage(request, reply, {
      title: "Choose a new password",
      content: resetPasswordView({ token, email: reset.email, csrfToken: request.csrfToken, errors: {} }),
    });
  });

  // Not runChange: for the public (the token in the address is the proof), and it signs them in.
  app.post("/password-reset/:token", async (request, reply) => {
    const { token } = request.params as { token: string };
    try {
      const { sessionToken } = await resetPassword(db, token, formField(request, "password"), request.id);
      cookie.signIn(request, reply, sessionToken);
      return reply.redirect("/account?saved=reset", 303);
    } catch (error) {
      if (error instanceof UnusableLinkError) return unusable(request, reply);
      if (!(error instanceof ValidationError)) throw error;
      const reset = await findPasswordReset(db, token);
      if (!reset) return unusable(request, reply);
      return sendAccountPage(request, reply, {
        title: "Choose a new password",
        status: 400,
        hasErrors: true,
        content: resetPasswordView({
          token,
          email: reset.email,
          csrfToken: request.csrfToken,
          errors: error.fields,
        }),
      });
    }
  });
}
