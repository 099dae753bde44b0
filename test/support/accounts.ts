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
  return {
    cookie: Object.entries(jar)
      .map(([k, v]) => `${k}=${v}`)
      .join("; "),
    csrf: session.csrf,
  };
}

/** A fresh visitor from an address of its own, so throttling by address never mixes tests. */
export async function visitorFrom(app: FastifyInstance): Promise<Session> {
  return anonymousSession(app);
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
