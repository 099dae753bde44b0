import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { createUser } from "../../src/features/accounts/user.service.ts";
import type { Actor, Grant } from "../../src/platform/actor.ts";
import type { Db } from "../../src/platform/database.ts";
import { unique } from "./factories.ts";
import { anonymousSession, type Session } from "./http.ts";

// Helpers for the accounts tests: people to act as, and the browser's cookies after an answer.

/** An administrator (or anyone with these grants) as an actor, for calling services directly. */
export async function actorWith(
  db: Db,
  grants: readonly Grant[] = [{ role: "administrator" }],
): Promise<Actor> {
  const user = await createUser(db, {
    email: `${unique("actor")}@example.test`,
    name: "Ada Administrator",
    grants,
    password: "a long test password",
  });
  return { kind: "user", id: user.id, name: user.name, email: user.email, grants };
}

/** A visitor's session with the cookies an answer set added (a sign-in's session cookie). */
export function withCookies(session: Session, response: LightMyRequestResponse): Session {
  const jar = Object.fromEntries(
    session.cookie
      .split("; ")
      .filter(Boolean)
      .map((c) => [c.slice(0, c.indexOf("=")), c.slice(c.indexOf("=") + 1)]),
  );
  for (const c of response.cookies) {
    if (c.value === "" || (c.expires && c.expires.getTime() < Date.now())) delete jar[c.name];
    else jar[c.name] = c.value;
  }
  // Signing in and out turns the CSRF token over: the browser's pages carry the new cookie's.
  const rotated = response.cookies.find((c) => /^(__Host-)?wm_csrf$/.test(c.name) && c.value !== "");
  return {
    cookie: Object.entries(jar)
      .map(([k, v]) => `${k}=${v}`)
      .join("; "),
    csrf: rotated?.value ?? session.csrf,
  };
}

/** Posts a form as `postForm` does, from a client address of the test's choosing (for throttling). */
export function postFrom(
  app: FastifyInstance,
  session: Session,
  url: string,
  fields: Record<string, string>,
  address: string,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: "POST",
    url,
    remoteAddress: address,
    headers: { ...headers, cookie: session.cookie, "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams({ _csrf: session.csrf, ...fields }).toString(),
  });
}

/** Signs an existing account in through the form; the browser's session afterwards. */
export async function signInAs(
  app: FastifyInstance,
  email: string,
  password: string,
  address = "192.0.2.10",
): Promise<Session> {
  const visitor = await anonymousSession(app);
  const response = await postFrom(
    app,
    visitor,
    "/sign-in",
    { email, password, returnTo: "/account" },
    address,
  );
  if (response.statusCode !== 303) throw new Error(`sign-in failed: ${response.statusCode}`);
  return withCookies(visitor, response);
}

/** An account with a password, to sign in as. */
export async function createAccount(
  db: Db,
  grants: readonly Grant[] = [{ role: "reader" }],
): Promise<{ id: number; email: string; password: string }> {
  const email = `${unique("person")}@example.test`;
  const password = "the first long password";
  const user = await createUser(db, { email, name: "Morag Person", grants, password });
  return { id: user.id, email, password };
}

/** Is this browser signed in? (The account page answers it, or sends the visitor to sign in.) */
export async function isSignedIn(app: FastifyInstance, session: Session): Promise<boolean> {
  const response = await app.inject({ url: "/account", headers: { cookie: session.cookie } });
  if (response.statusCode === 200) return true;
  if (response.statusCode === 303 && String(response.headers.location).startsWith("/sign-in")) return false;
  throw new Error(`unexpected answer from /account: ${response.statusCode}`);
}

/** The path of a link in an email: "http://localhost/invitations/abc" → "/invitations/abc". */
export function pathOf(link: string): string {
  return new URL(link).pathname;
}

/** Audit events about one user, oldest first. */
export function auditOf(db: Db, userId: number) {
  return db
    .selectFrom("audit_event")
    .select(["action", "actor_id", "before", "after", "request_id"])
    .where("entity_type", "=", "user")
    .where("entity_id", "=", String(userId))
    .orderBy("id")
    .execute();
}
