import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  actorWith,
  auditOf,
  isSignedIn,
  pathOf,
  signInAs,
  withCookies,
} from "../../../test/support/accounts.ts";
import { createTestDatabase } from "../../../test/support/database.ts";
import { unique } from "../../../test/support/factories.ts";
import { anonymousSession, getPage, postForm, testApp } from "../../../test/support/http.ts";
import { linkIn, type MailCatcher, startMailCatcher } from "../../../test/support/smtp.ts";
import type { Actor } from "../../platform/actor.ts";
import type { DatabaseHandle } from "../../platform/database.ts";
import { inviteUser } from "./invitation.service.ts";

describe("accepting an invitation from its emailed link", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let catcher: MailCatcher;
  let admin: Actor;
  beforeAll(async () => {
    handle = await createTestDatabase();
    catcher = await startMailCatcher();
    app = await testApp(handle.db, { mailer: catcher.mailer });
    admin = await actorWith(handle.db);
  });
  afterAll(async () => {
    await app.close();
    await catcher.close();
    await handle.close();
  });

  /** Invites someone new and returns them with the path of the link in their email. */
  async function invite(grants: Parameters<typeof inviteUser>[2]["grants"] = [{ role: "reader" }]) {
    const email = `${unique("invitee")}@example.test`;
    const user = await inviteUser(handle.db, admin, { email, name: "Rowan Invitee", grants }, catcher.mailer);
    const message = await catcher.next(email, 0);
    return { ...user, path: pathOf(linkIn(message, "http://localhost/invitations/")) };
  }

  it("the invited person chooses a password, is signed in, and can sign in with it afterwards", async () => {
    const invited = await invite([{ role: "programme_editor" }]);
    const visitor = await anonymousSession(app);
    const opened = await getPage(app, visitor, invited.path);
    expect(opened.statusCode).toBe(200);
    expect(opened.headers["cache-control"]).toBe("private, no-store");
    expect(opened.body).toContain("Accept your invitation");
    expect(opened.body).toContain(invited.email);

    const accepted = await postForm(app, visitor, invited.path, { password: "my own long password" });
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe("/account?saved=welcome");
    const session = withCookies(visitor, accepted);
    const account = await getPage(app, session, "/account?saved=welcome");
    expect(account.body).toContain("Welcome to Waymark");
    expect(account.body).toContain("Programme editor");

    const row = await handle.db
      .selectFrom("app_user")
      .select(["status", "password_hash"])
      .where("id", "=", invited.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("active");
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const audit = await auditOf(handle.db, invited.id);
    expect(audit.map((a) => [a.action, a.actor_id])).toEqual([
      ["user.invite", admin.kind === "user" ? admin.id : null],
      ["user.accept_invitation", invited.id],
    ]);
    expect(audit[1]!.request_id).toBeTruthy();
    expect(await isSignedIn(app, await signInAs(app, invited.email, "my own long password"))).toBe(true);
  });

  it("the link works once: opened or sent again, it shows a page saying so and changes nothing", async () => {
    const invited = await invite();
    const visitor = await anonymousSession(app);
    expect(
      (await postForm(app, visitor, invited.path, { password: "the password I chose" })).statusCode,
    ).toBe(303);
    const replayed = await postForm(app, await anonymousSession(app), invited.path, {
      password: "an attacker's password",
    });
    expect(replayed.statusCode).toBe(404);
    expect(replayed.body).toContain("This link does not work");
    expect(replayed.cookies.find((c) => c.name === "wm_session")).toBeUndefined();
    expect((await getPage(app, undefined, invited.path)).statusCode).toBe(404);
    // The password chosen first still stands.
    await expect(signInAs(app, invited.email, "an attacker's password")).rejects.toThrow(/400/);
    expect(await isSignedIn(app, await signInAs(app, invited.email, "the password I chose"))).toBe(true);
  });

  it("an invitation link runs out after 7 days", async () => {
    const invited = await invite();
    const link = await handle.db
      .selectFrom("account_link")
      .select(["created_at", "expires_at"])
      .where("user_id", "=", invited.id)
      .executeTakeFirstOrThrow();
    expect(link.expires_at.getTime() - link.created_at.getTime()).toBe(7 * 24 * 3600_000);
    // A week later:
    await handle.db
      .updateTable("account_link")
      .set({ expires_at: sql<Date>`now() - interval '1 second'` })
      .where("user_id", "=", invited.id)
      .execute();
    const opened = await getPage(app, undefined, invited.path);
    expect(opened.statusCode).toBe(404);
    expect(opened.body).toContain("invitation links work for 7 days");
    expect(opened.body).toContain("Ask the person who invited you");
    const posted = await postForm(app, await anonymousSession(app), invited.path, {
      password: "too late a password",
    });
    expect(posted.statusCode).toBe(404);
    const row = await handle.db
      .selectFrom("app_user")
      .select(["status", "password_hash"])
      .where("id", "=", invited.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "invited", password_hash: null });
  });

  it("a forged, mangled or enormous token gets a clear answer, never a 500", async () => {
    const visitor = await anonymousSession(app);
    for (const token of ["A".repeat(43), "short", "%E2%80%AE", "x".repeat(5000), "..%2F..%2Fetc"]) {
      const opened = await getPage(app, undefined, `/invitations/${token}`);
      const posted = await postForm(app, visitor, `/invitations/${token}`, {
        password: "a long enough password",
      });
      for (const response of [opened, posted]) {
        expect([404, 414], token).toContain(response.statusCode);
        expect(response.headers["content-type"]).toMatch(/^text\/html/);
      }
      expect(opened.statusCode === 414 || opened.body.includes("This link does not work"), token).toBe(true);
    }
  });

  it("a short or 10,000-character password is refused with a clear message, and the link still works", async () => {
    const invited = await invite();
    const visitor = await anonymousSession(app);
    const short = await postForm(app, visitor, invited.path, { password: "short" });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain("Your password must be at least 12 characters long");
    expect(short.body).toContain('href="#password"');
    const huge = await postForm(app, visitor, invited.path, { password: "x".repeat(10_000) });
    expect(huge.statusCode).toBe(400);
    expect(huge.body).toContain("Your password must be 200 characters or fewer");
    const none = await postForm(app, visitor, invited.path, {});
    expect(none.body).toContain("Enter a password");
    expect(
      (await postForm(app, visitor, invited.path, { password: "now a proper password" })).statusCode,
    ).toBe(303);
  });

  it("the form without its CSRF token is refused and the link is not used", async () => {
    const invited = await invite();
    const refused = await app.inject({
      method: "POST",
      url: invited.path,
      payload: { password: "a long enough password" },
    });
    expect(refused.statusCode).toBe(403);
    expect((await getPage(app, undefined, invited.path)).statusCode).toBe(200);
    const stillInvited = await handle.db
      .selectFrom("app_user")
      .select("status")
      .where("id", "=", invited.id)
      .executeTakeFirstOrThrow();
    expect(stillInvited.status).toBe("invited");
  });

  it("an invited person cannot sign in before accepting, and a deactivated one cannot accept", async () => {
    const invited = await invite();
    await expect(signInAs(app, invited.email, "any long password at all")).rejects.toThrow(/400/);
    await handle.db
      .updateTable("app_user")
      .set({ status: "deactivated" })
      .where("id", "=", invited.id)
      .execute();
    const posted = await postForm(app, await anonymousSession(app), invited.path, {
      password: "a long enough password",
    });
    expect(posted.statusCode).toBe(404);
    const row = await handle.db
      .selectFrom("app_user")
      .select(["status", "password_hash"])
      .where("id", "=", invited.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "deactivated", password_hash: null });
  });
});
