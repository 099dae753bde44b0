import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/platform/database.ts";
import { createTestDatabase } from "../support/database.ts";
import { anonymousSession, type Session, signIn, testApp } from "../support/http.ts";
import { countSessions, tableDigest } from "../support/table-digest.ts";

// Issue 3: a tampered session cookie and a forged CSRF cookie get clean answers: the visitor is
// simply not signed in, or the form is refused, and nothing breaks or changes.

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/** Cookie values a browser could be made to send: broken, huge, binary, hostile. */
const HOSTILE = [
  "",
  "x",
  "%",
  "%E0%A4%A",
  "%00",
  "a%00b",
  "\u00e9t\u00e9",
  "' or '1'='1",
  "x".repeat(10_000),
  "A".repeat(43),
  "null",
  "[object Object]",
  "../../../etc/passwd",
];

function cookieHeader(pairs: Record<string, string>): string {
  return Object.entries(pairs)
    .map(([k, v]) => `${k}=${v}`)
    .join("; ");
}

describe("tampered and forged cookies", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let editor: Session & { email: string };
  let visitor: Session;

  beforeAll(async () => {
    handle = await createTestDatabase("demo");
    app = await testApp(handle.db);
    editor = await signIn(app, handle.db, "programme_editor");
    visitor = await anonymousSession(app);
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  const sessionToken = () => /wm_session=([^;]+)/.exec(editor.cookie)![1]!;

  it("a tampered session cookie leaves the visitor signed out, with a clean answer everywhere", async () => {
    const real = sessionToken();
    const flipped = (real[0] === "A" ? "B" : "A") + real.slice(1);
    const wrong: string[] = [];
    for (const value of [...HOSTILE, flipped, `${real}x`, real.slice(0, -1)]) {
      const cookie = cookieHeader({ wm_csrf: visitor.csrf, wm_session: encodeURI(value) });
      const home = await app.inject({ method: "GET", url: "/", headers: { cookie } });
      const manage = await app.inject({ method: "GET", url: "/manage", headers: { cookie } });
      const api = await app.inject({ method: "GET", url: "/api/v1/themes", headers: { cookie } });
      const label = JSON.stringify(value.slice(0, 30));
      if (home.statusCode !== 200 || home.body.includes("Signed in as"))
        wrong.push(`${label}: home ${home.statusCode}`);
      if (manage.statusCode !== 303 || !String(manage.headers.location).startsWith("/sign-in"))
        wrong.push(`${label}: /manage ${manage.statusCode}`);
      if (api.statusCode !== 200) wrong.push(`${label}: API ${api.statusCode}`);
    }
    expect(wrong).toEqual([]);
    // The real session still works: tampering with a copy did not end it.
    const stillIn = await app.inject({ method: "GET", url: "/manage", headers: { cookie: editor.cookie } });
    expect(stillIn.statusCode).toBe(200);
  });

  it("garbled Cookie headers are answered, not failed", async () => {
    for (const cookie of [
      "wm_session",
      "=;;;=",
      "wm_session=a; wm_session=b",
      `wm_session="${"\\".repeat(50)}"`,
    ]) {
      const response = await app.inject({ method: "GET", url: "/manage", headers: { cookie } });
      expect(response.statusCode, cookie).toBe(303);
    }
  });

  it("a session of an account since deactivated no longer signs anyone in", async () => {
    const reader = await signIn(app, handle.db, "reader");
    await handle.db
      .updateTable("app_user")
      .set({ status: "deactivated" })
      .where("email", "=", reader.email)
      .execute();
    const response = await app.inject({ method: "GET", url: "/", headers: { cookie: reader.cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain("Signed in as");
  });

  it("a malformed CSRF cookie is replaced by a fresh token, and cannot vouch for a form", async () => {
    const before = await tableDigest(handle.db);
    const sessions = await countSessions(handle.db);
    const wrong: string[] = [];
    for (const value of HOSTILE.filter((v) => !TOKEN_FORMAT.test(v))) {
      const cookie = cookieHeader({ wm_csrf: encodeURI(value), wm_session: sessionToken() });
      const page = await app.inject({ method: "GET", url: "/sign-in", headers: { cookie } });
      const fresh = page.cookies.find((c) => c.name === "wm_csrf")?.value ?? "";
      if (page.statusCode !== 200 || !TOKEN_FORMAT.test(fresh) || !page.body.includes(`value="${fresh}"`))
        wrong.push(
          `${JSON.stringify(value.slice(0, 30))}: page ${page.statusCode}, fresh token ${fresh.slice(0, 10)}`,
        );
      // The forged cookie with the same forged value in the form: both "match", but neither is a token.
      const post = await app.inject({
        method: "POST",
        url: "/sign-out",
        headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
        payload: new URLSearchParams({ _csrf: value }).toString(),
      });
      if (post.statusCode !== 403)
        wrong.push(`${JSON.stringify(value.slice(0, 30))}: sign-out ${post.statusCode}`);
    }
    expect(wrong).toEqual([]);
    expect(await tableDigest(handle.db)).toEqual(before);
    expect(await countSessions(handle.db)).toBe(sessions);
  });

  it("a CSRF token from another visitor's cookie does not pass for this one's", async () => {
    const other = await anonymousSession(app);
    const response: LightMyRequestResponse = await app.inject({
      method: "POST",
      url: "/sign-out",
      headers: { cookie: editor.cookie, "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ _csrf: other.csrf }).toString(),
    });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain("did not come from Waymark");
  });

  it("over https the token cookie is __Host- prefixed, so a token planted under the plain name counts for nothing", async () => {
    const https = { "x-forwarded-proto": "https" };
    const page = await app.inject({ method: "GET", url: "/sign-in", headers: https });
    const cookie = page.cookies.find((c) => c.name === "__Host-wm_csrf")!;
    expect(cookie).toMatchObject({ secure: true, path: "/", httpOnly: true });
    expect(cookie.domain).toBeUndefined();
    expect(page.cookies.find((c) => c.name === "wm_csrf")).toBeUndefined();

    const reader = await signIn(app, handle.db, "reader");
    const session = /wm_session=([^;]+)/.exec(reader.cookie)![1]!;
    const planted = "P".repeat(43);
    const signOut = (cookies: string, token: string) =>
      app.inject({
        method: "POST",
        url: "/sign-out",
        headers: { ...https, cookie: cookies, "content-type": "application/x-www-form-urlencoded" },
        payload: new URLSearchParams({ _csrf: token }).toString(),
      });
    expect((await signOut(`wm_csrf=${planted}; wm_session=${session}`, planted)).statusCode).toBe(403);
    expect(
      (await signOut(`__Host-wm_csrf=${cookie.value}; wm_session=${session}`, cookie.value)).statusCode,
    ).toBe(303);
  });
});
