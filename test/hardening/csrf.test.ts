import crypto from "node:crypto";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/platform/database.ts";
import { createTestDatabase } from "../support/database.ts";
import { anonymousSession, postForm, type Session, signIn, testApp } from "../support/http.ts";
import { type RouteSamples, routeSamples } from "../support/route-samples.ts";
import { listRoutes } from "../support/routes.ts";
import { countSessions, tableDigest } from "../support/table-digest.ts";

// Issue 3: CSRF rejection on every state-changing route, enumerated from the router (like the
// authorisation matrix, so a new POST cannot be forgotten). Each is sent by the public and by an
// administrator (who may do anything, so a refusal can only be the CSRF check) without the token,
// with a wrong one, with the token but no cookie, and with a wrong X-CSRF-Token header. Every one
// must be a 403 that says why, and the database must be exactly as it was.

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const CSRF_MESSAGE = "did not come from Waymark";

/** A plausible form for any route: the fields the forms of the app commonly carry. */
const FORM = { version: "1", text: "Changed without a token", label: "Changed", email: "x@example.test" };

interface Attempt {
  name: string;
  send: (
    app: FastifyInstance,
    session: Session,
    method: string,
    url: string,
  ) => Promise<LightMyRequestResponse>;
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM_TYPE = { "content-type": "application/x-www-form-urlencoded" };
const otherToken = () => crypto.randomBytes(32).toString("base64url");

const ATTEMPTS: Attempt[] = [
  {
    name: "no token",
    send: (app, s, method, url) =>
      app.inject({ method, url, headers: { cookie: s.cookie, ...FORM_TYPE }, payload: form(FORM) }),
  },
  {
    name: "a token that is not the cookie's",
    send: (app, s, method, url) =>
      app.inject({
        method,
        url,
        headers: { cookie: s.cookie, ...FORM_TYPE },
        payload: form({ ...FORM, _csrf: otherToken() }),
      }),
  },
  {
    name: "the token but no CSRF cookie",
    send: (app, s, method, url) =>
      app.inject({
        method,
        url,
        headers: { cookie: s.cookie.replace(/(^|;\s*)wm_csrf=[^;]*/, ""), ...FORM_TYPE },
        payload: form({ ...FORM, _csrf: s.csrf }),
      }),
  },
  {
    name: "a wrong X-CSRF-Token header, as JSON",
    send: (app, s, method, url) =>
      app.inject({
        method,
        url,
        headers: { cookie: s.cookie, "x-csrf-token": otherToken(), "content-type": "application/json" },
        payload: JSON.stringify(FORM),
      }),
  },
];

describe("CSRF: every state-changing route refuses a request without the form's token", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let samples: RouteSamples;
  let sessions: Array<[string, Session]>;
  const routes: Array<{ method: string; url: string }> = [];

  beforeAll(async () => {
    handle = await createTestDatabase("demo");
    app = await testApp(handle.db);
    await app.ready();
    samples = await routeSamples(handle.db);
    routes.push(...listRoutes(app).filter((r) => UNSAFE.has(r.method)));
    sessions = [
      ["the public", await anonymousSession(app)],
      ["an administrator", await signIn(app, handle.db, "administrator")],
    ];
  });

  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it("found the state-changing routes in the router", () => {
    expect(routes.length).toBeGreaterThan(5);
    expect(routes.map((r) => `${r.method} ${r.url}`)).toContain("POST /sign-out");
  });

  it("answers 403 to every attempt, says why, and changes nothing", async () => {
    const before = await tableDigest(handle.db);
    const sessionsBefore = await countSessions(handle.db);
    const wrong: string[] = [];
    for (const route of routes) {
      const url = samples.fill(route.url);
      for (const [who, session] of sessions) {
        for (const attempt of ATTEMPTS) {
          const response = await attempt.send(app, session, route.method, url);
          if (response.statusCode !== 403 || !response.body.includes(CSRF_MESSAGE))
            wrong.push(`${route.method} ${url} as ${who} with ${attempt.name}: ${response.statusCode}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(await tableDigest(handle.db)).toEqual(before);
    expect(await countSessions(handle.db)).toBe(sessionsBefore);
  }, 120_000);

  it("the same requests with the right token get through (the refusals above are the token's doing)", async () => {
    const [, administrator] = sessions[1]!;
    const wrongPassword = await postForm(app, sessions[0]![1], "/sign-in", {
      email: "nobody@example.test",
      password: "not the password",
    });
    expect(wrongPassword.statusCode).toBe(400);
    const viaHeader = await app.inject({
      method: "POST",
      url: "/sign-out",
      headers: { cookie: administrator.cookie, "x-csrf-token": administrator.csrf },
    });
    expect(viaHeader.statusCode).toBe(303);
    expect(await countSessions(handle.db)).toBe(0);
  });
});
