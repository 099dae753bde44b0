import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAccount,
  isSignedIn,
  postFrom,
  signInAs,
  withCookies,
} from "../../../test/support/accounts.ts";
import { testDeps } from "../../../test/support/app-deps.ts";
import { createTestDatabase } from "../../../test/support/database.ts";
import { anonymousSession, type Session, testApp } from "../../../test/support/http.ts";
import { createApp } from "../../app.ts";
import type { DatabaseHandle } from "../../platform/database.ts";

describe("sessions: cookies, idle and absolute expiry, deactivation, tampering", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  beforeAll(async () => {
    handle = await createTestDatabase();
    app = await testApp(handle.db);
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  /** The one session row of a user (each test signs its own account in once). */
  const sessionRow = (userId: number) =>
    handle.db.selectFrom("user_session").selectAll().where("user_id", "=", userId).executeTakeFirstOrThrow();
  const setSession = (userId: number, values: { last_seen_at?: unknown; expires_at?: unknown }) =>
    handle.db
      .updateTable("user_session")
      .set(values as { last_seen_at: Date; expires_at: Date })
      .where("user_id", "=", userId)
      .execute();

  it("the session cookie is HttpOnly and SameSite=Lax, Secure over https, and lasts at most 12 hours", async () => {
    const account = await createAccount(handle.db);
    for (const https of [false, true]) {
      // The browser opened the sign-in page the same way, so over https its token cookie is __Host-.
      const visitor = await anonymousSession(app, { https });
      expect(visitor.cookie.startsWith(https ? "__Host-wm_csrf=" : "wm_csrf=")).toBe(true);
      const response = await app.inject({
        method: "POST",
        url: "/sign-in",
        headers: {
          cookie: visitor.cookie,
          "content-type": "application/x-www-form-urlencoded",
          ...(https ? { "x-forwarded-proto": "https" } : {}),
        },
        payload: new URLSearchParams({
          _csrf: visitor.csrf,
          email: account.email,
          password: account.password,
        }).toString(),
      });
      expect(response.statusCode).toBe(303);
      const cookie = response.cookies.find((c) => c.name === "wm_session")!;
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/", maxAge: 12 * 3600 });
      expect(Boolean(cookie.secure)).toBe(https);
    }
    const rows = await handle.db
      .selectFrom("user_session")
      .selectAll()
      .where("user_id", "=", account.id)
      .execute();
    for (const row of rows)
      expect(row.expires_at.getTime() - row.created_at.getTime()).toBeLessThanOrEqual(12 * 3600_000 + 1000);
  });

  it("a session left for two hours without a request ends; one used within two hours carries on", async () => {
    const account = await createAccount(handle.db);
    const session = await signInAs(app, account.email, account.password);
    await setSession(account.id, { last_seen_at: sql`now() - interval '119 minutes'` });
    expect(await isSignedIn(app, session)).toBe(true);
    // That request counted as use: the idle clock started again.
    expect(Date.now() - (await sessionRow(account.id)).last_seen_at.getTime()).toBeLessThan(60_000);
    await setSession(account.id, { last_seen_at: sql`now() - interval '121 minutes'` });
    expect(await isSignedIn(app, session)).toBe(false);
  });

  it("a request records itself on the session at most once a minute", async () => {
    const account = await createAccount(handle.db);
    const session = await signInAs(app, account.email, account.password);
    await setSession(account.id, { last_seen_at: sql`now() - interval '30 seconds'` });
    const before = (await sessionRow(account.id)).last_seen_at.getTime();
    expect(await isSignedIn(app, session)).toBe(true);
    expect((await sessionRow(account.id)).last_seen_at.getTime()).toBe(before);
    await setSession(account.id, { last_seen_at: sql`now() - interval '90 seconds'` });
    expect(await isSignedIn(app, session)).toBe(true);
    expect((await sessionRow(account.id)).last_seen_at.getTime()).toBeGreaterThan(before);
  });

  it("a session ends 12 hours after sign-in however busy it is", async () => {
    const account = await createAccount(handle.db);
    const session = await signInAs(app, account.email, account.password);
    await setSession(account.id, { expires_at: sql`now() - interval '1 second'`, last_seen_at: sql`now()` });
    expect(await isSignedIn(app, session)).toBe(false);
  });

  it("a deactivated user's sessions stop working at once", async () => {
    const account = await createAccount(handle.db, [{ role: "programme_editor" }]);
    const session = await signInAs(app, account.email, account.password);
    expect((await app.inject({ url: "/manage", headers: { cookie: session.cookie } })).statusCode).toBe(200);
    await handle.db
      .updateTable("app_user")
      .set({ status: "deactivated" })
      .where("id", "=", account.id)
      .execute();
    const manage = await app.inject({ url: "/manage", headers: { cookie: session.cookie } });
    expect(manage.statusCode).toBe(303);
    expect(manage.headers.location).toMatch(/^\/sign-in/);
    await expect(signInAs(app, account.email, account.password)).rejects.toThrow(/400/);
  });

  it("a tampered, forged or enormous session cookie is the public, never an error", async () => {
    for (const value of ["garbage", "A".repeat(43), "x".repeat(4000), "%00%ff", "a=b; c"]) {
      const cookie = `wm_session=${encodeURIComponent(value)}`;
      const home = await app.inject({ url: "/", headers: { cookie } });
      expect(home.statusCode, value).toBe(200);
      expect(home.body).not.toContain("Signed in as");
      const account = await app.inject({ url: "/account", headers: { cookie } });
      expect(account.statusCode, value).toBe(303);
    }
  });
});

describe("the session cookie's name: __Host- when Waymark's address is https", () => {
  let handle: DatabaseHandle;
  let secure: FastifyInstance;
  let local: FastifyInstance;
  beforeAll(async () => {
    handle = await createTestDatabase();
    secure = await createApp(testDeps(handle.db, { config: { baseUrl: "https://waymark.example.org" } }));
    local = await testApp(handle.db);
  });
  afterAll(async () => {
    await secure.close();
    await local.close();
    await handle.close();
  });

  it("over https it is __Host-wm_session: Secure, for the whole site, no Domain; the plain name is not read", async () => {
    const account = await createAccount(handle.db);
    // Whether or not the proxy (on this machine, so believed) says the request came over https:
    // the address people use is https.
    for (const https of [true, false]) {
      const headers: Record<string, string> = https ? { "x-forwarded-proto": "https" } : {};
      const visitor = await anonymousSession(secure, { https });
      const fields = { email: account.email, password: account.password };
      const response = await postFrom(secure, visitor, "/sign-in", fields, "127.0.0.1", headers);
      expect(response.statusCode).toBe(303);
      expect(response.cookies.find((c) => c.name === "wm_session")).toBeUndefined();
      const cookie = response.cookies.find((c) => c.name === "__Host-wm_session")!;
      expect(cookie).toMatchObject({
        httpOnly: true,
        sameSite: "Lax",
        path: "/",
        secure: true,
        maxAge: 12 * 3600,
      });
      expect(cookie.domain).toBeUndefined();
      const browser = withCookies(visitor, response);
      expect(await isSignedIn(secure, browser)).toBe(true);
      // The plain name, which a neighbouring subdomain could set, signs nobody in.
      expect(await isSignedIn(secure, { cookie: `wm_session=${cookie.value}`, csrf: "" })).toBe(false);
      // Signing out clears it as a browser accepts for a __Host- cookie: Secure, Path=/.
      const out = await postFrom(secure, browser, "/sign-out", {}, "127.0.0.1", headers);
      expect(out.statusCode).toBe(303);
      expect(out.cookies.find((c) => c.name === "__Host-wm_session")).toMatchObject({
        value: "",
        path: "/",
        secure: true,
      });
      expect(await isSignedIn(secure, browser)).toBe(false);
    }
  });

  it("over http (local development) it keeps the plain name, which browsers refuse to prefix without https", async () => {
    const account = await createAccount(handle.db);
    const visitor = await anonymousSession(local);
    const fields = { email: account.email, password: account.password };
    const response = await postFrom(local, visitor, "/sign-in", fields, "192.0.2.91");
    expect(response.statusCode).toBe(303);
    expect(response.cookies.find((c) => c.name === "__Host-wm_session")).toBeUndefined();
    const cookie = response.cookies.find((c) => c.name === "wm_session")!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(Boolean(cookie.secure)).toBe(false);
    const browser = withCookies(visitor, response);
    expect(await isSignedIn(local, browser)).toBe(true);
    const out = await postFrom(local, browser, "/sign-out", {}, "192.0.2.91");
    expect(out.cookies.find((c) => c.name === "wm_session")).toMatchObject({ value: "", path: "/" });
    expect(await isSignedIn(local, browser)).toBe(false);
  });
});

describe("the account page: who you are, your password, signing out everywhere", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let organisationId: number;
  beforeAll(async () => {
    handle = await createTestDatabase();
    app = await testApp(handle.db);
    ({ id: organisationId } = await handle.db
      .insertInto("organisation")
      .values({ slug: "aberdeen", name: "Aberdeen City Council", type: "local_authority" })
      .returning("id")
      .executeTakeFirstOrThrow());
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  const audit = (userId: number) =>
    handle.db
      .selectFrom("audit_event")
      .select(["action", "actor_id", "after"])
      .where("entity_type", "=", "user")
      .where("entity_id", "=", String(userId))
      .orderBy("id")
      .execute();

  it("shows your name, email and roles in plain words, with the organisation they are for", async () => {
    const account = await createAccount(handle.db, [
      { role: "organisation_contributor", organisationId },
      { role: "reader" },
    ]);
    const session = await signInAs(app, account.email, account.password);
    const page = await app.inject({ url: "/account", headers: { cookie: session.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toBe("private, no-store");
    expect(page.body).toContain("Morag Person");
    expect(page.body).toContain(account.email);
    expect(page.body).toContain("Organisation contributor for Aberdeen City Council");
    expect(page.body).toContain("You can report progress");
    expect(page.body).toContain("Reader");
  });

  it("the public are sent to sign in first", async () => {
    const response = await app.inject({ url: "/account" });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/sign-in?returnTo=%2Faccount");
  });

  it("changing your password needs the current one, and ends your other sessions but not this one", async () => {
    const account = await createAccount(handle.db);
    const here = await signInAs(app, account.email, account.password);
    const elsewhere = await signInAs(app, account.email, account.password);
    const wrong = await postFrom(
      app,
      here,
      "/account/password",
      { currentPassword: "not it at all", password: "my new long password" },
      "192.0.2.70",
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('href="#current-password">Your current password is not right');
    const long = await postFrom(
      app,
      here,
      "/account/password",
      { currentPassword: account.password, password: "x".repeat(10_000) },
      "192.0.2.70",
    );
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('href="#new-password">Your password must be 200 characters or fewer');

    const changed = await postFrom(
      app,
      here,
      "/account/password",
      { currentPassword: account.password, password: "my new long password" },
      "192.0.2.70",
    );
    expect(changed.statusCode).toBe(303);
    expect(changed.headers.location).toBe("/account?saved=password");
    expect(await isSignedIn(app, here)).toBe(true);
    expect(await isSignedIn(app, elsewhere)).toBe(false);
    await expect(signInAs(app, account.email, account.password)).rejects.toThrow(/400/);
    expect(await isSignedIn(app, await signInAs(app, account.email, "my new long password"))).toBe(true);
    expect((await audit(account.id)).filter((a) => a.action === "user.change_password")).toMatchObject([
      { actor_id: account.id, after: { sessionsEnded: 1 } },
    ]);
  });

  it("wrong current passwords are throttled like sign-ins, so a borrowed session cannot guess it", async () => {
    const account = await createAccount(handle.db);
    const here = await signInAs(app, account.email, account.password);
    for (let i = 0; i < 5; i++)
      await postFrom(
        app,
        here,
        "/account/password",
        { currentPassword: `guess ${i}`, password: "my new long password" },
        "192.0.2.80",
      );
    const refused = await postFrom(
      app,
      here,
      "/account/password",
      { currentPassword: account.password, password: "my new long password" },
      "192.0.2.80",
    );
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["retry-after"]).toBeDefined();
  });

  it("signing out everywhere ends all your sessions, this one too, and no one else's", async () => {
    const account = await createAccount(handle.db);
    const someoneElse = await createAccount(handle.db);
    const here = await signInAs(app, account.email, account.password);
    const elsewhere = await signInAs(app, account.email, account.password);
    const theirs = await signInAs(app, someoneElse.email, someoneElse.password);
    const response = await postFrom(app, here, "/account/sign-out-everywhere", {}, "192.0.2.90");
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/sign-in?signedOut=everywhere");
    expect(await isSignedIn(app, here)).toBe(false);
    expect(await isSignedIn(app, elsewhere)).toBe(false);
    expect(await isSignedIn(app, theirs)).toBe(true);
    expect((await audit(account.id)).filter((a) => a.action === "user.sign_out_everywhere")).toMatchObject([
      { actor_id: account.id, after: { sessionsEnded: 2 } },
    ]);
    const signInPage = await app.inject({ url: "/sign-in?signedOut=everywhere" });
    expect(signInPage.body).toContain("You have been signed out everywhere");
  });

  it("both forms refuse a post without the CSRF token, and change nothing", async () => {
    const account = await createAccount(handle.db);
    const here: Session = await signInAs(app, account.email, account.password);
    for (const [url, payload] of [
      ["/account/password", { currentPassword: account.password, password: "my new long password" }],
      ["/account/sign-out-everywhere", {}],
    ] as const) {
      const refused = await app.inject({ method: "POST", url, headers: { cookie: here.cookie }, payload });
      expect(refused.statusCode, url).toBe(403);
    }
    expect(await isSignedIn(app, here)).toBe(true);
    expect(await isSignedIn(app, await signInAs(app, account.email, account.password))).toBe(true);
    expect((await audit(account.id)).map((a) => a.action)).toEqual(["user.create"]);
  });
});
