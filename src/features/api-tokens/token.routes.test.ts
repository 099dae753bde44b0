import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditOf, createOrganisation, userIdOf } from "../../../test/support/admin-fixtures.ts";
import { createTestDatabase } from "../../../test/support/database.ts";
import {
  anonymousSession,
  getPage,
  postForm,
  type Session,
  signIn,
  testApp,
} from "../../../test/support/http.ts";
import type { DatabaseHandle } from "../../platform/database.ts";
import { hashToken } from "./token.service.ts";

let handle: DatabaseHandle;
let app: FastifyInstance;

beforeAll(async () => {
  handle = await createTestDatabase("empty");
  app = await testApp(handle.db);
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

/** Makes a token through the page, as its owner would; returns it as shown once. */
async function makeToken(session: Session, name = "My script", expiresInDays = 30): Promise<string> {
  const response = await postForm(app, session, "/account/tokens", { name, expiresInDays });
  expect(response.statusCode).toBe(201);
  const token = /<code class="wm-token" id="new-token">([^<]+)<\/code>/.exec(response.body)?.[1];
  if (!token) throw new Error(`No token shown: ${response.body.slice(0, 300)}`);
  return token;
}

function bearer(token: string, url: string, method: "GET" | "POST" = "GET") {
  return app.inject({ method, url, headers: { authorization: `Bearer ${token}` } });
}

describe("personal API tokens: the page", () => {
  it("makes a token shown once, stored only as a hash, audited, and listed without it", async () => {
    const editor = await signIn(app, handle.db, "programme_editor");
    const token = await makeToken(editor, "Weekly export");
    expect(token).toMatch(/^wmk_[A-Za-z0-9_-]{43}$/);
    const rows = await handle.db
      .selectFrom("api_token")
      .selectAll()
      .where("name", "=", "Weekly export")
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    const days = (rows[0]!.expires_at.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);
    const list = await getPage(app, editor, "/account/tokens");
    expect(list.headers["cache-control"]).toBe("no-store");
    expect(list.body).toContain("Weekly export");
    expect(list.body).toContain("Never");
    expect(list.body).not.toContain(token);
    const [event] = await auditOf(handle.db, "api_token", rows[0]!.id);
    expect(event).toMatchObject({ action: "api_token.create", after: { name: "Weekly export" } });
    expect(JSON.stringify(event)).not.toContain(token);
  });

  it("asks for a name and an expiry of at most a year, naming the fields", async () => {
    const reader = await signIn(app, handle.db, "reader");
    const response = await postForm(app, reader, "/account/tokens", { name: " ", expiresInDays: 400 });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#name"');
    expect(response.body).toContain('href="#expiresInDays-7"');
    expect(response.body).toContain("at most a year");
    const long = await postForm(app, reader, "/account/tokens", { name: "x".repeat(101), expiresInDays: 7 });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain("100 characters or fewer");
  });

  it("sends the public to sign in, and refuses a form without its CSRF token", async () => {
    const anonymous = await getPage(app, await anonymousSession(app), "/account/tokens");
    expect(anonymous.headers.location).toBe("/sign-in?returnTo=%2Faccount%2Ftokens");
    const reader = await signIn(app, handle.db, "reader");
    const forged = await app.inject({
      method: "POST",
      url: "/account/tokens",
      headers: { cookie: reader.cookie, "content-type": "application/x-www-form-urlencoded" },
      payload: "name=Forged&expiresInDays=7",
    });
    expect(forged.statusCode).toBe(403);
    expect(
      await handle.db.selectFrom("api_token").select("id").where("name", "=", "Forged").execute(),
    ).toEqual([]);
  });
});

describe("personal API tokens: in the API", () => {
  it("act with exactly the owner's roles: an administrator's token reads the admin API, a reader's does not", async () => {
    const admin = await signIn(app, handle.db, "administrator");
    const reader = await signIn(app, handle.db, "reader");
    const adminToken = await makeToken(admin);
    const readerToken = await makeToken(reader);
    const asAdmin = await bearer(adminToken, "/api/v1/admin/users");
    expect(asAdmin.statusCode).toBe(200);
    expect(asAdmin.headers["cache-control"]).toBe("no-store");
    expect((await bearer(readerToken, "/api/v1/admin/users")).statusCode).toBe(403);
    // No CSRF token is needed with a bearer token; the change is audited as the token's owner.
    const readerId = await userIdOf(handle.db, reader.email);
    const granted = await app.inject({
      method: "POST",
      url: `/api/v1/admin/users/${readerId}/roles`,
      headers: { authorization: `Bearer ${adminToken}` },
      payload: { role: "analyst" },
    });
    expect(granted.statusCode).toBe(201);
    const [event] = (await auditOf(handle.db, "user", readerId)).filter(
      (e) => e.action === "user.role.grant",
    );
    expect(event!.actor_label).toContain(admin.email);
    // The reader's token now carries the new role at once, and still not the administrator's.
    expect((await bearer(readerToken, "/api/v1/admin/users")).statusCode).toBe(403);
    const lastUsed = await handle.db
      .selectFrom("api_token")
      .select("last_used_at")
      .where("token_hash", "=", hashToken(adminToken))
      .executeTakeFirstOrThrow();
    expect(lastUsed.last_used_at).not.toBeNull();
  });

  it("let a contributor's token read drafts no more than the contributor may", async () => {
    const org = await createOrganisation(handle.db);
    const contributor = await signIn(app, handle.db, [
      { role: "organisation_contributor", organisationId: org.id },
    ]);
    const token = await makeToken(contributor);
    expect((await bearer(token, "/api/v1/admin/audit")).statusCode).toBe(403);
    expect((await bearer(token, "/api/v1")).statusCode).toBe(200);
  });

  it("are refused with a 401 JSON error when revoked, expired, malformed, unknown, or the owner is deactivated", async () => {
    const admin = await signIn(app, handle.db, "administrator");
    const editor = await signIn(app, handle.db, "programme_editor");
    const token = await makeToken(editor, "To revoke");
    expect((await bearer(token, "/api/v1/programme")).statusCode).not.toBe(401);
    const row = await handle.db
      .selectFrom("api_token")
      .select("id")
      .where("token_hash", "=", hashToken(token))
      .executeTakeFirstOrThrow();
    expect((await postForm(app, editor, `/account/tokens/${row.id}/revoke`, {})).headers.location).toBe(
      "/account/tokens?saved=revoked",
    );
    const revoked = await bearer(token, "/api/v1/programme");
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().error).toMatchObject({
      code: "unauthenticated",
      message: expect.stringContaining("expired or revoked"),
    });
    expect((await auditOf(handle.db, "api_token", row.id)).map((e) => e.action)).toEqual([
      "api_token.create",
      "api_token.revoke",
    ]);

    const expiring = await makeToken(editor, "Expiring");
    await handle.db
      .updateTable("api_token")
      .set({ created_at: new Date(Date.now() - 3 * 86_400_000), expires_at: new Date(Date.now() - 1000) })
      .where("token_hash", "=", hashToken(expiring))
      .execute();
    expect((await bearer(expiring, "/api/v1/programme")).statusCode).toBe(401);
    expect((await getPage(app, editor, "/account/tokens")).body).toContain("Expired");

    for (const header of [
      "Bearer",
      "Bearer wmk_nonsense",
      "Basic dXNlcjpwYXNz",
      `Bearer ${"x".repeat(5000)}`,
    ]) {
      const response = await app.inject({
        method: "GET",
        url: "/api/v1",
        headers: { authorization: header },
      });
      expect(response.statusCode, header).toBe(401);
      expect(response.json().error.code).toBe("unauthenticated");
    }

    const live = await makeToken(editor, "Owner deactivated");
    expect((await bearer(live, "/api/v1/programme")).statusCode).not.toBe(401);
    const editorId = await userIdOf(handle.db, editor.email);
    await postForm(app, admin, `/admin/users/${editorId}/deactivate`, {});
    expect((await bearer(live, "/api/v1/programme")).statusCode).toBe(401);
  });

  it("cannot revoke someone else's token", async () => {
    const owner = await signIn(app, handle.db, "reader");
    const other = await signIn(app, handle.db, "reader");
    const token = await makeToken(owner, "Mine");
    const row = await handle.db
      .selectFrom("api_token")
      .select("id")
      .where("token_hash", "=", hashToken(token))
      .executeTakeFirstOrThrow();
    expect((await postForm(app, other, `/account/tokens/${row.id}/revoke`, {})).statusCode).toBe(404);
    expect((await bearer(token, "/api/v1")).statusCode).toBe(200);
  });
});
