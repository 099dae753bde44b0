import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { createApp } from "../../src/app.ts";
import { createUser } from "../../src/features/accounts/user.service.ts";
import type { Grant } from "../../src/platform/actor.ts";
import type { DatabaseHandle, Db } from "../../src/platform/database.ts";
import { testDeps } from "./app-deps.ts";
import { createTestDatabase } from "./database.ts";
import { startTestProvider, type TestProvider } from "./oidc-provider.ts";

/** The address Waymark answers at in these tests: the provider sends people back to it. */
export const HOST = "waymark.test";
export const PROVIDER_NAME = "Test ID";

/** Waymark with single sign-on to a real provider started for the test file, on its own database. */
export interface OidcSetup {
  handle: DatabaseHandle;
  app: FastifyInstance;
  provider: TestProvider;
  close(): Promise<void>;
}

export async function oidcSetup(): Promise<OidcSetup> {
  const handle = await createTestDatabase("empty");
  const provider = await startTestProvider(`http://${HOST}/sign-in/sso/callback`);
  const app = await createApp(
    testDeps(handle.db, {
      config: {
        baseUrl: `http://${HOST}`,
        oidc: {
          issuer: new URL(provider.issuer),
          clientId: provider.clientId,
          clientSecret: provider.clientSecret,
          name: PROVIDER_NAME,
        },
      },
    }),
  );
  return {
    handle,
    app,
    provider,
    async close() {
      await app.close();
      await provider.close();
      await handle.close();
    },
  };
}

/** The cookies a browser holds for Waymark, updated from each answer. */
export class CookieJar {
  readonly values = new Map<string, string>();
  take(response: LightMyRequestResponse): this {
    for (const c of response.cookies) {
      const expired =
        (c.maxAge !== undefined && c.maxAge <= 0) || (c.expires && c.expires.getTime() <= Date.now());
      if (c.value === "" || expired) this.values.delete(c.name);
      else this.values.set(c.name, c.value);
    }
    return this;
  }
  header(): string {
    return [...this.values].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/** GET on Waymark as the browser holding the jar, which takes the answer's cookies. */
export async function browse(
  app: FastifyInstance,
  jar: CookieJar,
  url: string,
): Promise<LightMyRequestResponse> {
  const response = await app.inject({ method: "GET", url, headers: { host: HOST, cookie: jar.header() } });
  jar.take(response);
  return response;
}

/** Presses "Sign in with …": returns the provider's authorization address the browser is sent to. */
export async function startSignIn(
  app: FastifyInstance,
  jar: CookieJar,
  returnTo = "/sectors",
): Promise<string> {
  const response = await browse(app, jar, `/sign-in/sso?returnTo=${encodeURIComponent(returnTo)}`);
  if (response.statusCode !== 303)
    throw new Error(`expected a redirect to the provider, got ${response.statusCode}`);
  return String(response.headers.location);
}

/** The provider's redirect back, sent to Waymark. */
export function callback(app: FastifyInstance, jar: CookieJar, back: URL): Promise<LightMyRequestResponse> {
  return browse(app, jar, `${back.pathname}${back.search}`);
}

/** An account as an invitation leaves it: no password yet, status invited. */
export async function invitedUser(db: Db, email: string, grants: readonly Grant[] = [{ role: "reader" }]) {
  const user = await createUser(db, {
    email,
    name: `Invited ${email}`,
    grants,
    password: "not used by anyone",
  });
  await db
    .updateTable("app_user")
    .set({ status: "invited", password_hash: null })
    .where("id", "=", user.id)
    .execute();
  return user;
}

export async function userRow(db: Db, id: number) {
  return db
    .selectFrom("app_user")
    .select(["status", "oidc_subject"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
}

export async function countRows(db: Db, table: "user_session" | "audit_event"): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
