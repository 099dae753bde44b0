import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isSignedIn, withCookies } from "../../../test/support/accounts.ts";
import { createTestDatabase } from "../../../test/support/database.ts";
import { anonymousSession, getPage, postForm, signIn, testApp } from "../../../test/support/http.ts";
import type { DatabaseHandle } from "../../platform/database.ts";
import { createUser } from "./user.service.ts";

/** The CSRF token in a page's forms. */
function csrfIn(html: string): string {
  const found = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!found) throw new Error("no CSRF token in the page");
  return found[1]!;
}

describe("signing in and out", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  beforeAll(async () => {
    handle = await createTestDatabase();
    app = await testApp(handle.db);
    await createUser(handle.db, {
      email: "Sam@Example.test",
      name: "Sam Editor",
      grants: [{ role: "programme_editor" }],
      password: "correct horse battery",
    });
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it("an editor signs in with their email in any case, lands where they were going, and sees their name", async () => {
    const visitor = await anonymousSession(app);
    const response = await postForm(app, visitor, "/sign-in", {
      email: " sam@example.TEST ",
      password: "correct horse battery",
      returnTo: "/sectors",
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/sectors");
    const session = response.cookies.find((c) => c.name === "wm_session")!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe("Lax");
    const home = await getPage(
      app,
      { cookie: `${visitor.cookie}; wm_session=${session.value}`, csrf: visitor.csrf },
      "/sign-in",
    );
    expect(home.body).toContain("Signed in as Sam Editor");
  });

  it("a wrong password and an unknown email get the same message, naming neither", async () => {
    const visitor = await anonymousSession(app);
    const wrong = await postForm(app, visitor, "/sign-in", {
      email: "sam@example.test",
      password: "nope nope nope",
    });
    const unknown = await postForm(app, visitor, "/sign-in", {
      email: "nobody@example.test",
      password: "nope nope nope",
    });
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain("The email address or password is not right");
      expect(response.body).toContain("ds_error-summary");
      expect(response.cookies.find((c) => c.name === "wm_session")).toBeUndefined();
    }
  });

  it("empty fields are named in the error summary and the email typed is kept", async () => {
    const visitor = await anonymousSession(app);
    const response = await postForm(app, visitor, "/sign-in", { email: "sam@example.test", password: "" });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#password">Enter your password');
    expect(response.body).toContain('value="sam@example.test"');
    const none = await postForm(app, visitor, "/sign-in", {});
    expect(none.body).toContain("Enter your email address");
  });

  it("never sends a signed-in user to another site after sign-in", async () => {
    const visitor = await anonymousSession(app);
    for (const returnTo of ["//evil.example/", "https://evil.example/", "/\\evil.example"]) {
      const response = await postForm(app, visitor, "/sign-in", {
        email: "sam@example.test",
        password: "correct horse battery",
        returnTo,
      });
      expect(response.headers.location).toBe("/manage");
    }
  });

  it("a sign-in form without the CSRF token is refused and signs nobody in", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/sign-in",
      payload: { email: "sam@example.test", password: "correct horse battery" },
    });
    expect(response.statusCode).toBe(403);
    expect(response.cookies.find((c) => c.name === "wm_session")).toBeUndefined();
  });

  it("signing out ends the session on the server, not only in the browser", async () => {
    const session = await signIn(app, handle.db, "programme_editor");
    expect((await getPage(app, session, "/sign-in")).body).toContain("Signed in as");
    const out = await postForm(app, session, "/sign-out", {});
    expect(out.statusCode).toBe(303);
    // The old cookie, replayed, no longer signs anyone in.
    expect((await getPage(app, session, "/sign-in")).body).not.toContain("Signed in as");
  });

  it("signing in gives a new session id: neither a planted one nor the browser's last one carries on", async () => {
    const planted = "A".repeat(43);
    const visitor = await anonymousSession(app);
    const browser = { cookie: `${visitor.cookie}; wm_session=${planted}`, csrf: visitor.csrf };
    const fields = { email: "sam@example.test", password: "correct horse battery", returnTo: "/account" };
    const first = await postForm(app, browser, "/sign-in", fields);
    const firstId = first.cookies.find((c) => c.name === "wm_session")!.value;
    expect(firstId).not.toBe(planted);
    const second = await postForm(app, withCookies(browser, first), "/sign-in", fields);
    const secondId = second.cookies.find((c) => c.name === "wm_session")!.value;
    expect(secondId).not.toBe(firstId);
    expect(await isSignedIn(app, { cookie: `wm_session=${firstId}`, csrf: "" })).toBe(false);
    expect(await isSignedIn(app, { cookie: `wm_session=${secondId}`, csrf: "" })).toBe(true);
  });

  it("signing in and signing out each give the browser a new CSRF token: one seen before stops working", async () => {
    const visitor = await anonymousSession(app);
    const signedIn = await postForm(app, visitor, "/sign-in", {
      email: "sam@example.test",
      password: "correct horse battery",
      returnTo: "/account",
    });
    expect(signedIn.statusCode).toBe(303);
    const browser = withCookies(visitor, signedIn);
    // The page after sign-in carries the new token, the one in the browser's new cookie.
    const page = await getPage(app, browser, "/account");
    const token = csrfIn(page.body);
    expect(token).not.toBe(visitor.csrf);
    expect(browser.cookie).toContain(`wm_csrf=${token}`);
    // The token from before sign-in (which someone may have planted or seen) gets the usual answer.
    const stale = await postForm(app, { cookie: browser.cookie, csrf: visitor.csrf }, "/sign-out", {});
    expect(stale.statusCode).toBe(403);
    expect(stale.body).toContain("This form has expired or did not come from Waymark");
    expect(await isSignedIn(app, browser)).toBe(true);
    const out = await postForm(app, { cookie: browser.cookie, csrf: token }, "/sign-out", {});
    expect(out.statusCode).toBe(303);
    expect(await isSignedIn(app, browser)).toBe(false);

    // Signing out turns the token over again.
    const after = withCookies({ cookie: browser.cookie, csrf: token }, out);
    const next = csrfIn((await getPage(app, after, "/sign-in")).body);
    expect(next).not.toBe(token);
    const again = { email: "sam@example.test", password: "correct horse battery" };
    const refused = await postForm(app, { cookie: after.cookie, csrf: token }, "/sign-in", again);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain("This form has expired or did not come from Waymark");
    expect((await postForm(app, { cookie: after.cookie, csrf: next }, "/sign-in", again)).statusCode).toBe(
      303,
    );
  });

  it("stores passwords only as argon2id hashes", async () => {
    const row = await handle.db
      .selectFrom("app_user")
      .select("password_hash")
      .where("email", "=", "sam@example.test")
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.password_hash).not.toContain("correct horse");
  });
});

describe("the CSRF cookie and shared caches", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  beforeAll(async () => {
    handle = await createTestDatabase("demo");
    app = await testApp(handle.db);
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it("a page a shared cache may keep sets no cookie, so no two visitors can share a CSRF token", async () => {
    for (const url of ["/", "/themes/leadership", "/sectors", "/api/v1/themes"]) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers["cache-control"], url).toMatch(/^public/);
      expect(response.headers.vary, url).toMatch(/Cookie/);
      expect(response.headers["set-cookie"], url).toBeUndefined();
    }
  });

  it("the sign-in form gets its token in a cookie on a page that is never stored", async () => {
    const response = await app.inject({ url: "/sign-in" });
    expect(response.headers["cache-control"]).toBe("private, no-store");
    const cookie = response.cookies.find((c) => c.name === "wm_csrf");
    expect(cookie?.httpOnly).toBe(true);
    expect(response.body).toContain(`name="_csrf" value="${cookie?.value}"`);
  });
});
