import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditOf, createGroup, createOrganisation, userIdOf } from "../../../test/support/admin-fixtures.ts";
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

let handle: DatabaseHandle;
let app: FastifyInstance;
let admin: Session & { email: string };

beforeAll(async () => {
  handle = await createTestDatabase("empty");
  app = await testApp(handle.db);
  admin = await signIn(app, handle.db, "administrator");
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

async function person(role: Parameters<typeof signIn>[2] = "reader") {
  const session = await signIn(app, handle.db, role);
  return { session, id: await userIdOf(handle.db, session.email) };
}

describe("the list of people", () => {
  it("shows an administrator everyone, with their status and roles in plain words", async () => {
    const org = await createOrganisation(handle.db, "Fife Council");
    const contributor = await person([{ role: "organisation_contributor", organisationId: org.id }]);
    const response = await getPage(app, admin, "/admin");
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(response.body).toContain(contributor.session.email);
    expect(response.body).toContain("Organisation contributor for Fife Council");
    expect(response.body).toContain("Administrator");
    expect(response.body).toContain(">Active<");
    expect(response.body).toContain('href="/admin"');
  });

  it("is refused to everyone else: the public are sent to sign in, other roles get 403", async () => {
    const anonymous = await getPage(app, await anonymousSession(app), "/admin");
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe("/sign-in?returnTo=%2Fadmin");
    for (const role of ["programme_editor", "reader", "analyst"] as const) {
      const { session } = await person(role);
      expect((await getPage(app, session, "/admin")).statusCode).toBe(403);
      expect((await getPage(app, session, "/admin/users/1")).statusCode).toBe(403);
    }
  });

  it("answers a malformed or unknown person with 404", async () => {
    expect((await getPage(app, admin, "/admin/users/abc")).statusCode).toBe(404);
    expect((await getPage(app, admin, "/admin/users/99999999")).statusCode).toBe(404);
  });
});

describe("granting and removing roles", () => {
  it("grants a role, audited with the roles before and after and the request id", async () => {
    const reader = await person("reader");
    const response = await postForm(app, admin, `/admin/users/${reader.id}/roles`, { role: "analyst" });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/admin/users/${reader.id}?saved=granted`);
    const page = await getPage(app, admin, String(response.headers.location));
    expect(page.body).toContain("The role has been granted.");
    expect(page.body).toContain("Analyst");
    const [event] = (await auditOf(handle.db, "user", reader.id)).filter(
      (e) => e.action === "user.role.grant",
    );
    expect(event).toMatchObject({
      actor_label: expect.stringContaining(admin.email),
      before: { roles: ["Reader"], status: "active" },
      after: { roles: ["Reader", "Analyst"], status: "active" },
    });
    expect(event!.request_id).toMatch(/\S/);
  });

  it("grants a contributor for an organisation and a secretary for a group, each named", async () => {
    const org = await createOrganisation(handle.db, "Aberdeen City Council");
    const group = await createGroup(handle.db, "Oversight Board");
    const target = await person("reader");
    expect(
      (
        await postForm(app, admin, `/admin/users/${target.id}/roles`, {
          role: "organisation_contributor",
          organisationId: org.id,
          groupId: group.id,
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await postForm(app, admin, `/admin/users/${target.id}/roles`, {
          role: "group_secretary",
          groupId: group.id,
        })
      ).statusCode,
    ).toBe(303);
    const roles = await handle.db
      .selectFrom("user_role")
      .select(["role", "organisation_id", "group_id"])
      .where("user_id", "=", target.id)
      .orderBy("id")
      .execute();
    expect(roles).toEqual([
      { role: "reader", organisation_id: null, group_id: null },
      { role: "organisation_contributor", organisation_id: org.id, group_id: null },
      { role: "group_secretary", organisation_id: null, group_id: group.id },
    ]);
    const page = await getPage(app, admin, `/admin/users/${target.id}`);
    expect(page.body).toContain("Organisation contributor for Aberdeen City Council");
    expect(page.body).toContain("Group secretary of Oversight Board");
  });

  it("asks for the organisation or group a scoped role needs, naming the field, and keeps the answers", async () => {
    const target = await person("reader");
    const noOrg = await postForm(app, admin, `/admin/users/${target.id}/roles`, {
      role: "organisation_contributor",
    });
    expect(noOrg.statusCode).toBe(400);
    expect(noOrg.body).toContain("Error: ");
    expect(noOrg.body).toContain('href="#organisationId"');
    expect(noOrg.body).toContain("Choose the organisation this person will report for");
    expect(noOrg.body).toMatch(/value="organisation_contributor" checked/);
    const noGroup = await postForm(app, admin, `/admin/users/${target.id}/roles`, {
      role: "group_secretary",
      groupId: "999999",
    });
    expect(noGroup.statusCode).toBe(400);
    expect(noGroup.body).toContain("Choose the group this person will be secretary of");
    const noRole = await postForm(app, admin, `/admin/users/${target.id}/roles`, { role: "emperor" });
    expect(noRole.statusCode).toBe(400);
    expect(noRole.body).toContain('href="#role-administrator"');
    const again = await postForm(app, admin, `/admin/users/${target.id}/roles`, { role: "reader" });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain("already has the role Reader");
    const events = await auditOf(handle.db, "user", target.id);
    expect(events.filter((e) => e.action !== "user.create")).toEqual([]);
  });

  it("removes a role, audited", async () => {
    const target = await person("programme_editor");
    const role = await handle.db
      .selectFrom("user_role")
      .select("id")
      .where("user_id", "=", target.id)
      .executeTakeFirstOrThrow();
    const response = await postForm(app, admin, `/admin/users/${target.id}/roles/${role.id}/delete`, {});
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/admin/users/${target.id}?saved=removed`);
    const events = (await auditOf(handle.db, "user", target.id)).filter(
      (e) => e.action === "user.role.remove",
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ before: { roles: ["Programme editor"] }, after: { roles: [] } });
    // The editor's open session has lost the role at once.
    expect((await getPage(app, target.session, "/manage")).statusCode).toBe(403);
    // The same role again is gone.
    expect(
      (await postForm(app, admin, `/admin/users/${target.id}/roles/${role.id}/delete`, {})).statusCode,
    ).toBe(404);
  });

  it("never removes the last active administrator's role, but removes one of two", async () => {
    const own = await userIdOf(handle.db, admin.email);
    const otherAdmins = await handle.db
      .selectFrom("user_role")
      .select("user_id")
      .where("role", "=", "administrator")
      .where("user_id", "!=", own)
      .execute();
    expect(otherAdmins).toEqual([]);
    const ownRole = await handle.db
      .selectFrom("user_role")
      .select("id")
      .where("user_id", "=", own)
      .where("role", "=", "administrator")
      .executeTakeFirstOrThrow();
    const refused = await postForm(app, admin, `/admin/users/${own}/roles/${ownRole.id}/delete`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain("the only active administrator");
    expect((await getPage(app, admin, "/admin")).statusCode).toBe(200);

    const second = await person("administrator");
    const secondRole = await handle.db
      .selectFrom("user_role")
      .select("id")
      .where("user_id", "=", second.id)
      .executeTakeFirstOrThrow();
    // The second administrator may remove the first one's role: one administrator is left.
    expect(
      (await postForm(app, second.session, `/admin/users/${own}/roles/${ownRole.id}/delete`, {})).statusCode,
    ).toBe(303);
    expect((await getPage(app, admin, "/admin")).statusCode).toBe(403);
    // Give it back, through the second administrator, so the other tests keep theirs.
    expect(
      (await postForm(app, second.session, `/admin/users/${own}/roles`, { role: "administrator" }))
        .statusCode,
    ).toBe(303);
    const left = await postForm(app, admin, `/admin/users/${second.id}/roles/${secondRole.id}/delete`, {});
    expect(left.statusCode).toBe(303);
  });

  it("refuses a change without the form's CSRF token", async () => {
    const target = await person("reader");
    const response = await app.inject({
      method: "POST",
      url: `/admin/users/${target.id}/roles`,
      headers: { cookie: admin.cookie, "content-type": "application/x-www-form-urlencoded" },
      payload: "role=administrator",
    });
    expect(response.statusCode).toBe(403);
    const roles = await handle.db
      .selectFrom("user_role")
      .select("role")
      .where("user_id", "=", target.id)
      .execute();
    expect(roles).toEqual([{ role: "reader" }]);
  });
});

describe("deactivating and reactivating", () => {
  it("deactivating ends the person's sessions at once; reactivating lets them sign in again; both audited", async () => {
    const target = await person("programme_editor");
    expect((await getPage(app, target.session, "/manage")).statusCode).toBe(200);
    const response = await postForm(app, admin, `/admin/users/${target.id}/deactivate`, {});
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/admin/users/${target.id}?saved=deactivated`);
    const sessions = await handle.db
      .selectFrom("user_session")
      .select("user_id")
      .where("user_id", "=", target.id)
      .execute();
    expect(sessions).toEqual([]);
    const afterwards = await getPage(app, target.session, "/manage");
    expect(afterwards.statusCode).toBe(303);
    expect(afterwards.headers.location).toMatch(/^\/sign-in/);
    const page = await getPage(app, admin, `/admin/users/${target.id}`);
    expect(page.body).toContain("Deactivated");
    expect(page.body).toContain("Reactivate this account");
    // Deactivating it again changes nothing, and records nothing.
    expect((await postForm(app, admin, `/admin/users/${target.id}/deactivate`, {})).statusCode).toBe(303);

    expect((await postForm(app, admin, `/admin/users/${target.id}/reactivate`, {})).statusCode).toBe(303);
    const signInAgain = await postForm(app, await anonymousSession(app), "/sign-in", {
      email: target.session.email,
      password: "a long test password",
      returnTo: "/",
    });
    expect(signInAgain.statusCode).toBe(303);
    const events = (await auditOf(handle.db, "user", target.id)).map((e) => [e.action, e.before, e.after]);
    expect(events.slice(1)).toEqual([
      [
        "user.deactivate",
        expect.objectContaining({ status: "active" }),
        expect.objectContaining({ status: "deactivated" }),
      ],
      [
        "user.reactivate",
        expect.objectContaining({ status: "deactivated" }),
        expect.objectContaining({ status: "active" }),
      ],
    ]);
  });

  it("an administrator cannot deactivate themselves", async () => {
    const own = await userIdOf(handle.db, admin.email);
    const response = await postForm(app, admin, `/admin/users/${own}/deactivate`, {});
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain("You cannot deactivate your own account");
    const row = await handle.db
      .selectFrom("app_user")
      .select("status")
      .where("id", "=", own)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("active");
    expect((await getPage(app, admin, `/admin/users/${own}`)).body).toContain(
      "You cannot deactivate it yourself",
    );
  });

  it("a deactivated account cannot be granted a role until it is reactivated", async () => {
    const target = await person("reader");
    await postForm(app, admin, `/admin/users/${target.id}/deactivate`, {});
    const response = await postForm(app, admin, `/admin/users/${target.id}/roles`, { role: "analyst" });
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain("Reactivate it before granting a role");
  });

  it("other roles may not deactivate anyone", async () => {
    const editor = await person("programme_editor");
    const target = await person("reader");
    expect((await postForm(app, editor.session, `/admin/users/${target.id}/deactivate`, {})).statusCode).toBe(
      403,
    );
    const row = await handle.db
      .selectFrom("app_user")
      .select("status")
      .where("id", "=", target.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("active");
  });
});
