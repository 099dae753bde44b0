import type { FastifyInstance } from "fastify";
import type { Db } from "../../platform/database.ts";
import { ValidationError } from "../../platform/errors.ts";
import { formField, type SessionCookie, sendAccountPage } from "./account.http.ts";
import { UnusableLinkError } from "./account-link.service.ts";
import { acceptInvitation, findInvitation } from "./invitation.service.ts";
import { invitationView } from "./views/invitation.view.ts";
import { linkProblemView } from "./views/link-problem.view.ts";

// /invitations/:token, from the invitation email: the invited person chooses a password and is
// signed in. Opening the page uses nothing (mail scanners open links); only the form does.
// (Inviting is the administrators' pages' and the CLI's: they call inviteUser.)

export function invitationRoutes(app: FastifyInstance, db: Db, cookie: SessionCookie): void {
  app.get("/invitations/:token", async (request, reply) => {
    const { token } = request.params as { token: string };
    const invitation = await findInvitation(db, token);
    if (!invitation)
      return sendAccountPage(request, reply, {
        title: "This link does not work",
        status: 404,
        content: linkProblemView("invitation"),
      });
    return sendAccountPage(request, reply, {
      title: "Accept your invitation",
      content: invitationView({ token, ...invitation, csrfToken: request.csrfToken, errors: {} }),
    });
  });

  // Not runChange: for the public (the token in the address is the proof), and it signs them in.
  app.post("/invitations/:token", async (request, reply) => {
    const { token } = request.params as { token: string };
    try {
      const { sessionToken } = await acceptInvitation(db, token, formField(request, "password"), request.id);
      cookie.signIn(request, reply, sessionToken);
      return reply.redirect("/account?saved=welcome", 303);
    } catch (error) {
      if (error instanceof UnusableLinkError)
        return sendAccountPage(request, reply, {
          title: "This link does not work",
          status: 404,
          content: linkProblemView("invitation"),
        });
      if (!(error instanceof ValidationError)) throw error;
      const invitation = await findInvitation(db, token);
      if (!invitation) throw error;
      return sendAccountPage(request, reply, {
        title: "Accept your invitation",
        status: 400,
        hasErrors: true,
        content: invitationView({ token, ...invitation, csrfToken: request.csrfToken, errors: error.fields }),
      });
    }
  });
}
