import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditOf,
  createAccount,
  isSignedIn,
  pathOf,
  postFrom,
  signInAs,
  withCookies,
} from "../../../test/support/accounts.ts";
import { createTestDatabase } from "../../../test/support/database.ts";
import { unique } from "../../../test/support/factories.ts";
import { anonymousSession, getPage, postForm, testApp } from "../../../test/support/http.ts";
import { linkIn, type MailCatcher, startMailCatcher } from "../../../test/support/smtp.ts";
import type { DatabaseHandle } from "../../platform/database.ts";

describe("resetting a forgotten password", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let catcher: MailCatcher;
  beforeAll(async () => {
    handle = await createTestDatabase();
    catcher = await startMailCatcher();
    app = await testApp(handle.db, { mailer: catcher.mailer });
  });
  afterAll(async () => {
    await app.close();
    await catcher.close();
    await handle.close();
  });

  /** Asks for a reset link for the account and returns the link's path from the email. */
  async function resetLink(email: string, address = "198.51.100.1"): Promise<string> {
    const before = catcher.to(email).length;
    const asked = await postFrom(app, await anonymousSession(app), "/password-reset", { email }, address);
    expect(asked.statusCode).toBe(200);
    return pathOf(linkIn(await catcher.next(email, before), "http://localhost/password-reset/"));
  }

  it("the answer is the same whether or not there is an account, and only a real account gets an email", async () => {
    const account = await createAccount(handle.db);
    const nobody = `${unique("nobody")}@example.test`;
    const visitor = await anonymousSession(app);
    const forNobody = await postForm(app, visitor, "/password-reset", { email: nobody });
    const forAccount = await postForm(app, visitor, "/password-reset", { email: account.email });
    expect(forNobody.statusCode).toBe(200);
    expect(forAccount.statusCode).toBe(200);
    expect(forNobody.body.replaceAll(nobody, "EMAIL")).toBe(
      forAccount.body.replaceAll(account.email, "EMAIL"),
    );
    expect(forAccount.body).toContain("Check your email");
    const message = await catcher.next(account.email, 0);
    expect(message.subject).toBe("Reset your Waymark password");
    expect(message.text).toContain("for 1 hour");
    // Nothing was ever sent for the address without an account, and no link made.
    expect(catcher.to(nobody)).toEqual([]);
    expect(await auditOf(handle.db, account.id)).toMatchObject([
      { action: "user.create" },
      { action: "user.password_reset_requested" },
    ]);
  });

  it("the link sets a new password once, signs this browser in, and ends every other session", async () => {
    const account = await createAccount(handle.db);
    const laptop = await signInAs(app, account.email, account.password);
    const phone = await signInAs(app, account.email, account.password);
    const path = await resetLink(account.email);

    const visitor = await anonymousSession(app);
    const opened = await getPage(app, visitor, path);
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain("Choose a new password");
    expect(opened.headers["cache-control"]).toBe("private, no-store");
    const saved = await postForm(app, visitor, path, { password: "a fresh long password" });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe("/account?saved=reset");
    const here = withCookies(visitor, saved);
    expect(await isSignedIn(app, here)).toBe(true);
    expect(await isSignedIn(app, laptop)).toBe(false);
    expect(await isSignedIn(app, phone)).toBe(false);

    await expect(signInAs(app, account.email, account.password)).rejects.toThrow(/400/);
    expect(await isSignedIn(app, await signInAs(app, account.email, "a fresh long password"))).toBe(true);
    const reset = (await auditOf(handle.db, account.id)).find((a) => a.action === "user.reset_password");
    expect(reset).toMatchObject({ actor_id: account.id, after: { sessionsEnded: 2 } });

    // Used once: the same link again changes nothing.
    const replayed = await postForm(app, await anonymousSession(app), path, {
      password: "an attacker's password",
    });
    expect(replayed.statusCode).toBe(404);
    expect(replayed.body).toContain("Ask for a new password reset link");
    await expect(signInAs(app, account.email, "an attacker's password")).rejects.toThrow(/400/);
  });

  it("a reset link runs out after an hour, and a newer one replaces it", async () => {
    const account = await createAccount(handle.db);
    const first = await resetLink(account.email);
    const link = await handle.db
      .selectFrom("account_link")
      .select(["created_at", "expires_at"])
      .where("user_id", "=", account.id)
      .executeTakeFirstOrThrow();
    expect(link.expires_at.getTime() - link.created_at.getTime()).toBe(3600_000);
    const second = await resetLink(account.email);
    expect((await getPage(app, undefined, first)).statusCode).toBe(404);
    expect((await getPage(app, undefined, second)).statusCode).toBe(200);
    // An hour later:
    await handle.db
      .updateTable("account_link")
      .set({ expires_at: sql<Date>`now() - interval '1 second'` })
      .where("user_id", "=", account.id)
      .execute();
    const late = await postForm(app, await anonymousSession(app), second, {
      password: "too late a password",
    });
    expect(late.statusCode).toBe(404);
    expect(late.body).toContain("password reset links work for 1 hour");
    expect(await isSignedIn(app, await signInAs(app, account.email, account.password))).toBe(true);
  });

  it("a deactivated or invited account is sent nothing", async () => {
    const account = await createAccount(handle.db);
    await handle.db
      .updateTable("app_user")
      .set({ status: "deactivated" })
      .where("id", "=", account.id)
      .execute();
    const asked = await postForm(app, await anonymousSession(app), "/password-reset", {
      email: account.email,
    });
    expect(asked.statusCode).toBe(200);
    expect(
      await handle.db.selectFrom("account_link").select("id").where("user_id", "=", account.id).execute(),
    ).toEqual([]);
  });

  it("asking too often from one address is refused with 429 and Retry-After, with or without an account", async () => {
    const account = await createAccount(handle.db);
    const nobody = `${unique("nobody")}@example.test`;
    for (const email of [account.email, nobody]) {
      const visitor = await anonymousSession(app);
      for (let i = 0; i < 3; i++)
        expect((await postFrom(app, visitor, "/password-reset", { email }, "203.0.113.5")).statusCode).toBe(
          200,
        );
      const refused = await postFrom(app, visitor, "/password-reset", { email }, "203.0.113.5");
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
      expect(Number(refused.headers["retry-after"])).toBeLessThanOrEqual(15 * 60);
      expect(refused.body).toContain("too many requests to reset a password");
      // From elsewhere the answer is the usual one, whether or not there is an account...
      const elsewhere = await postFrom(app, visitor, "/password-reset", { email }, "203.0.113.6");
      expect(elsewhere.statusCode).toBe(200);
      expect(elsewhere.body).toContain("Check your email");
    }
    // ...but an inbox gets at most three links in 15 minutes, however many addresses ask.
    const links = await handle.db
      .selectFrom("account_link")
      .select("id")
      .where("user_id", "=", account.id)
      .where("purpose", "=", "password_reset")
      .execute();
    expect(links).toHaveLength(3);
    // And from one address, ten requests for different accounts, then no more.
    const visitor = await anonymousSession(app);
    for (let i = 0; i < 10; i++)
      expect(
        (
          await postFrom(
            app,
            visitor,
            "/password-reset",
            { email: `${unique("r")}@example.test` },
            "203.0.113.9",
          )
        ).statusCode,
      ).toBe(200);
    const refused = await postFrom(
      app,
      visitor,
      "/password-reset",
      { email: `${unique("r")}@example.test` },
      "203.0.113.9",
    );
    expect(refused.statusCode).toBe(429);
  });

  it("a stranger's wrong passwords and reset requests do not stop the owner resetting and signing in", async () => {
    const owner = await createAccount(handle.db);
    const stranger = "203.0.113.40";
    const home = "198.51.100.40";
    const strangerAsks = async () => {
      for (let i = 0; i < 5; i++)
        await postFrom(
          app,
          await anonymousSession(app),
          "/sign-in",
          { email: owner.email, password: `guess ${i}` },
          stranger,
        );
      for (let i = 0; i < 3; i++)
        await postFrom(app, await anonymousSession(app), "/password-reset", { email: owner.email }, stranger);
    };
    await strangerAsks();
    // The owner has forgotten their password too: five tries from home, then they ask for a link.
    for (let i = 0; i < 5; i++)
      await postFrom(
        app,
        await anonymousSession(app),
        "/sign-in",
        { email: owner.email, password: `my try ${i}` },
        home,
      );
    await expect(signInAs(app, owner.email, owner.password, home)).rejects.toThrow(/429/);
    const asked = await postFrom(
      app,
      await anonymousSession(app),
      "/password-reset",
      { email: owner.email },
      home,
    );
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain("Check your email");
    // The stranger's requests sent three links, and no more go to one inbox in 15 minutes; the
    // newest of them works.
    await catcher.next(owner.email, 2);
    const paths = catcher.to(owner.email).map((m) => pathOf(linkIn(m, "http://localhost/password-reset/")));
    const working: string[] = [];
    for (const path of paths)
      if ((await getPage(app, undefined, path)).statusCode === 200) working.push(path);
    expect(working).toHaveLength(1);
    const path = working[0]!;
    const visitor = await anonymousSession(app);
    const saved = await postFrom(app, visitor, path, { password: "my new long password" }, home);
    expect(saved.statusCode).toBe(303);
    expect(await isSignedIn(app, withCookies(visitor, saved))).toBe(true);
    // Setting the password forgave the account's failures: the owner signs in from home at once,
    // and again while the stranger carries on.
    expect(await isSignedIn(app, await signInAs(app, owner.email, "my new long password", home))).toBe(true);
    await strangerAsks();
    expect(await isSignedIn(app, await signInAs(app, owner.email, "my new long password", home))).toBe(true);
  });

  it("bad input is named: an empty or malformed email, a 10,000-character new password", async () => {
    const visitor = await anonymousSession(app);
    const empty = await postForm(app, visitor, "/password-reset", { email: "" });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#email">Enter an email address');
    const malformed = await postForm(app, visitor, "/password-reset", { email: "name at example" });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body).toContain("Enter an email address in the correct format");
    const account = await createAccount(handle.db);
    const path = await resetLink(account.email);
    const huge = await postForm(app, visitor, path, { password: "x".repeat(10_000) });
    expect(huge.statusCode).toBe(400);
    expect(huge.body).toContain("Your password must be 200 characters or fewer");
    expect((await getPage(app, undefined, path)).statusCode).toBe(200);
  });

  it("both forms refuse a post without the CSRF token, and the link is not used", async () => {
    const account = await createAccount(handle.db);
    const path = await resetLink(account.email);
    const ask = await app.inject({
      method: "POST",
      url: "/password-reset",
      payload: { email: account.email },
    });
    expect(ask.statusCode).toBe(403);
    const set = await app.inject({ method: "POST", url: path, payload: { password: "a long new password" } });
    expect(set.statusCode).toBe(403);
    expect((await getPage(app, undefined, path)).statusCode).toBe(200);
    expect(await isSignedIn(app, await signInAs(app, account.email, account.password))).toBe(true);
  });
});
