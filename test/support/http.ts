import crypto from "node:crypto";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { createApp } from "../../src/app.ts";
import { createUser } from "../../src/features/accounts/user.service.ts";
import type { Grant, Role } from "../../src/platform/actor.ts";
import type { ReminderSchedule } from "../../src/platform/app-deps.ts";
import type { Db } from "../../src/platform/database.ts";
import type { Mailer } from "../../src/platform/mail.ts";
import { testDeps } from "./app-deps.ts";

/** The app as the server builds it, on a test database, quiet; `mailer` for tests that read emails. */
export function testApp(
  db: Db,
  options: { mailer?: Mailer; reminders?: ReminderSchedule } = {},
): Promise<FastifyInstance> {
  return createApp(testDeps(db, options));
}

/** A browser's cookie jar and CSRF token, as carried between requests. */
export interface Session {
  cookie: string;
  csrf: string;
}

function cookiesFrom(
  response: LightMyRequestResponse,
  jar: Record<string, string> = {},
): Record<string, string> {
  for (const c of response.cookies) jar[c.name] = c.value;
  return jar;
}

function header(jar: Record<string, string>): string {
  return Object.entries(jar)
    .map(([k, v]) => `${k}=${v}`)
    .join("; ");
}

/**
 * A visitor who has opened one page: has a CSRF cookie and token, is not signed in. With `https`,
 * the page came over https (behind the proxy), where the token cookie is named __Host-wm_csrf.
 */
export async function anonymousSession(
  app: FastifyInstance,
  options: { https?: boolean } = {},
): Promise<Session> {
  const response = await app.inject({
    method: "GET",
    url: "/sign-in",
    headers: options.https ? { "x-forwarded-proto": "https" } : {},
  });
  const jar = cookiesFrom(response);
  const csrf = options.https ? jar["__Host-wm_csrf"] : jar.wm_csrf;
  if (!csrf) throw new Error("the sign-in page set no CSRF cookie");
  return { cookie: header(jar), csrf };
}

/** A role with no scope, or the grants themselves (for scoped roles). */
export function grantsOf(who: Role | readonly Grant[]): readonly Grant[] {
  if (typeof who !== "string") return who;
  if (who === "organisation_contributor" || who === "group_secretary")
    throw new Error(`${who} needs a scope: pass the grant, with its organisationId or groupId`);
  return [{ role: who }];
}

/** Creates an account with the role (or grants) and signs it in through the real sign-in form. */
export async function signIn(
  app: FastifyInstance,
  db: Db,
  who: Role | readonly Grant[] = "programme_editor",
): Promise<Session & { email: string }> {
  const grants = grantsOf(who);
  const label = grants.map((g) => g.role).join("-") || "no-role";
  const email = `${label}-${crypto.randomBytes(4).toString("hex")}@example.test`;
  const password = "a long test password";
  await createUser(db, { email, name: `Test ${label}`, grants, password });
  const first = await app.inject({ method: "GET", url: "/sign-in" });
  const jar = cookiesFrom(first);
  const response = await app.inject({
    method: "POST",
    url: "/sign-in",
    headers: { cookie: header(jar) },
    payload: { email, password, _csrf: jar.wm_csrf!, returnTo: "/" },
  });
  if (response.statusCode !== 303)
    throw new Error(`sign-in failed: ${response.statusCode} ${response.body.slice(0, 300)}`);
  cookiesFrom(response, jar);
  return { cookie: header(jar), csrf: jar.wm_csrf!, email };
}

/** Submits a form as the browser would (urlencoded, with the session's cookies and CSRF token). */
export function postForm(
  app: FastifyInstance,
  session: Session,
  url: string,
  fields: Record<string, string | number>,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: "POST",
    url,
    headers: { cookie: session.cookie, "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams(
      Object.entries({ _csrf: session.csrf, ...fields }).map(([k, v]) => [k, String(v)]),
    ).toString(),
  });
}

/** GET as the session's browser. */
export function getPage(
  app: FastifyInstance,
  session: Session | undefined,
  url: string,
): Promise<LightMyRequestResponse> {
  return app.inject({ method: "GET", url, headers: session ? { cookie: session.cookie } : {} });
}
