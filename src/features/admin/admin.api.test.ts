import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditOf, createOrganisation, userIdOf } from "../../../test/support/admin-fixtures.ts";
import { createTestDatabase } from "../../../test/support/database.ts";
import { type Session, signIn, testApp } from "../../../test/support/http.ts";
import {
  checkAnswer,
  type Method,
  type OpenApiDocument,
  strictAjv,
} from "../../../test/support/openapi-check.ts";
import type { DatabaseHandle } from "../../platform/database.ts";

let handle: DatabaseHandle;
let app: FastifyInstance;
let admin: Session & { email: string };
let doc: OpenApiDocument;
const ajv = strictAjv();

beforeAll(async () => {
  handle = await createTestDatabase("empty");
  app = await testApp(handle.db);
  admin = await signIn(app, handle.db, "administrator");
  doc = (await app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

/** Calls the API as a browser session (with its CSRF token) or as nobody; checks the answer against the OpenAPI document. */
async function call(method: Uppercase<Method>, url: string, session?: Session, body?: unknown) {
  const response = await app.inject({
    method,
    url,
    headers: session ? { cookie: session.cookie, "x-csrf-token": session.csrf } : {},
    ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
  });
  const json = response.json();
  expect(checkAnswer(doc, ajv, url, response.statusCode, json, method.toLowerCase() as Method)).toBe("");
  return { status: response.statusCode, body: json, headers: response.headers };
}

async function person(role: Parameters<typeof signIn>[2] = "reader") {
  const session = await signIn(app, handle.db, role);
  return { session, id: await userIdOf(handle.db, session.email) };
}

describe("the administration API", () => {
  it("lists everyone to an administrator, never cached; the public get 401 and other roles 403", async () => {
    const reader = await person("reader");
    const list = await call("GET", "/api/v1/admin/users", admin);
    expect(list.status).toBe(200);
    expect(list.headers["cache-control"]).toBe("no-store");
    const found = list.body.users.find((u: { id: number }) => u.id === reader.id);
    expect(found).toMatchObject({
      email: reader.session.email,
      status: "active",
      roles: [{ role: "reader", description: "Reader", organisation: null, group: null }],
      url: `/api/v1/admin/users/${reader.id}`,
    });
    const anonymous = await call("GET", "/api/v1/admin/users");
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe("unauthenticated");
    expect(anonymous.headers["cache-control"]).toBe("no-store");
    expect((await call("GET", "/api/v1/admin/users", reader.session)).status).toBe(403);
    expect((await call("GET", `/api/v1/admin/users/${reader.id}`, reader.session)).status).toBe(403);
  });

  it("shows one person, and answers an unknown or malformed id with 404 or 400", async () => {
    const reader = await person("reader");
    const one = await call("GET", `/api/v1/admin/users/${reader.id}`, admin);
    expect(one.body).toMatchObject({ id: reader.id, openSessions: 1 });
    expect((await call("GET", "/api/v1/admin/users/99999999", admin)).status).toBe(404);
    const bad = await call("GET", "/api/v1/admin/users/abc", admin);
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(["id"]);
  });

  it("grants a scoped role (201), audited; a missing organisation is a 400 naming the field", async () => {
    const org = await createOrganisation(handle.db, "Orkney Islands Council");
    const target = await person("reader");
    const missing = await call("POST", `/api/v1/admin/users/${target.id}/roles`, admin, {
      role: "organisation_contributor",
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toEqual({
      organisationId: "Choose the organisation this person will report for",
    });
    const unknownRole = await call("POST", `/api/v1/admin/users/${target.id}/roles`, admin, {
      role: "emperor",
    });
    expect(unknownRole.status).toBe(400);
    expect(Object.keys(unknownRole.body.error.fields)).toContain("role");
    const granted = await call("POST", `/api/v1/admin/users/${target.id}/roles`, admin, {
      role: "organisation_contributor",
      organisationId: org.id,
    });
    expect(granted.status).toBe(201);
    expect(granted.body.roles.map((r: { description: string }) => r.description)).toEqual([
      "Reader",
      "Organisation contributor for Orkney Islands Council",
    ]);
    const events = (await auditOf(handle.db, "user", target.id)).filter(
      (e) => e.action === "user.role.grant",
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.after).toMatchObject({
      roles: ["Reader", "Organisation contributor for Orkney Islands Council"],
    });
  });

  it("removes a role, but never the last administrator's (409, nothing changed)", async () => {
    const target = await person("analyst");
    const roleId = (await call("GET", `/api/v1/admin/users/${target.id}`, admin)).body.roles[0].id;
    const removed = await call("DELETE", `/api/v1/admin/users/${target.id}/roles/${roleId}`, admin);
    expect(removed.status).toBe(200);
    expect(removed.body.roles).toEqual([]);
    expect((await call("DELETE", `/api/v1/admin/users/${target.id}/roles/${roleId}`, admin)).status).toBe(
      404,
    );
    const ownId = await userIdOf(handle.db, admin.email);
    const own = await call("GET", `/api/v1/admin/users/${ownId}`, admin);
    const adminRole = own.body.roles.find((r: { role: string }) => r.role === "administrator").id;
    const refused = await call("DELETE", `/api/v1/admin/users/${ownId}/roles/${adminRole}`, admin);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("conflict");
    expect((await call("GET", `/api/v1/admin/users/${ownId}`, admin)).body.roles).toHaveLength(1);
  });

  it("deactivates (ending sessions) and reactivates, audited; refuses deactivating oneself", async () => {
    const target = await person("programme_editor");
    const off = await call("POST", `/api/v1/admin/users/${target.id}/deactivate`, admin);
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ status: "deactivated", openSessions: 0 });
    const on = await call("POST", `/api/v1/admin/users/${target.id}/reactivate`, admin);
    expect(on.body.status).toBe("active");
    const actions = (await auditOf(handle.db, "user", target.id)).map((e) => e.action);
    expect(actions).toEqual(["user.create", "user.deactivate", "user.reactivate"]);
    const ownId = await userIdOf(handle.db, admin.email);
    const self = await call("POST", `/api/v1/admin/users/${ownId}/deactivate`, admin);
    expect(self.status).toBe(409);
  });

  it("refuses a browser session's change without its CSRF token", async () => {
    const target = await person("reader");
    const response = await app.inject({
      method: "POST",
      url: `/api/v1/admin/users/${target.id}/deactivate`,
      headers: { cookie: admin.cookie },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("forbidden");
    const row = await handle.db
      .selectFrom("app_user")
      .select("status")
      .where("id", "=", target.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("active");
  });

  it("is in the OpenAPI document with its request body and who may call it", () => {
    const grant = doc.paths["/api/v1/admin/users/{id}/roles"]?.post as unknown as Record<string, unknown>;
    expect(grant).toMatchObject({
      operationId: "adminGrantRole",
      requestBody: {
        content: { "application/json": { schema: { $ref: "#/components/schemas/GrantRole" } } },
      },
      security: [{ bearerToken: [] }, { sessionCookie: [] }],
    });
    expect(doc.paths["/api/v1/admin/users/{id}/roles/{roleId}"]?.delete?.operationId).toBe("adminRemoveRole");
  });
});
