import type { FastifyInstance } from "fastify";
import { inviteUser } from "../../src/features/accounts/invitation.service.ts";
import { requestPasswordReset } from "../../src/features/accounts/password-reset.service.ts";
import { createUser } from "../../src/features/accounts/user.service.ts";
import type { Db } from "../../src/platform/database.ts";
import { logMailer } from "../../src/platform/mail.ts";
import { actorWith } from "./accounts.ts";
import { unique } from "./factories.ts";
import type { ErrorPage } from "./html-samples.ts";
import { anonymousSession, postForm, signIn } from "./http.ts";

// The account pages' samples for the HTML-validity test: live invitation and reset links, and
// each account form sent back with its errors.

/** Tokens of a live invitation and a live password reset, read from the (logged) emails. */
export async function accountLinks(db: Db): Promise<{ invitation: string; reset: string }> {
  const sent: string[] = [];
  const mailer = logMailer((text) => sent.push(text), "http://localhost");
  const admin = await actorWith(db);
  await inviteUser(
    db,
    admin,
    { email: `${unique("invited")}@example.test`, name: "Iona Invited", grants: [] },
    mailer,
  );
  const email = `${unique("forgetful")}@example.test`;
  await createUser(db, {
    email,
    name: "Fergus",
    grants: [{ role: "reader" }],
    password: "a long test password",
  });
  await requestPasswordReset(db, { email, address: "192.0.2.1" }, mailer, (error) => {
    throw error;
  });
  const token = (path: string) => {
    const found = sent.join("\n").match(new RegExp(`${path}([A-Za-z0-9_-]{43})`));
    if (!found) throw new Error(`No ${path} link in:\n${sent.join("\n")}`);
    return found[1]!;
  };
  return { invitation: token("/invitations/"), reset: token("/password-reset/") };
}

/** Account pages with errors: forms sent back, links that do not work, too many attempts. */
export async function accountErrorPages(
  app: FastifyInstance,
  db: Db,
  links: { invitation: string; reset: string },
  errorPage: ErrorPage,
): Promise<void> {
  const visitor = await anonymousSession(app);
  const forged = "A".repeat(43);
  await errorPage(
    "an invitation link that does not work",
    app.inject({ url: `/invitations/${forged}` }),
    404,
  );
  await errorPage("a reset link that does not work", app.inject({ url: `/password-reset/${forged}` }), 404);
  await errorPage(
    "asking for a reset with a malformed email",
    postForm(app, visitor, "/password-reset", { email: "not an email" }),
    400,
  );
  await errorPage(
    "accepting an invitation with a short password",
    postForm(app, visitor, `/invitations/${links.invitation}`, { password: "short" }),
    400,
  );
  await errorPage(
    "choosing a new password that is too long",
    postForm(app, visitor, `/password-reset/${links.reset}`, { password: "x".repeat(10_000) }),
    400,
  );
  await errorPage(
    "signing in with a 10,000-character password",
    postForm(app, visitor, "/sign-in", { email: "a@example.test", password: "x".repeat(10_000) }),
    400,
  );
  const reader = await signIn(app, db, "reader");
  await errorPage(
    "changing a password with the wrong current one",
    postForm(app, reader, "/account/password", { currentPassword: "wrong", password: "short" }),
    400,
  );
  const email = `${unique("guessed")}@example.test`;
  for (let i = 0; i < 5; i++) await postForm(app, visitor, "/sign-in", { email, password: "a wrong guess" });
  await errorPage(
    "signing in after too many wrong passwords",
    postForm(app, visitor, "/sign-in", { email, password: "a wrong guess" }),
    429,
  );
}
