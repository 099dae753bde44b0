import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userIdOf } from "../../../test/support/admin-fixtures.ts";
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

// The audit trail, in its page and in the API: filters, paging, the readable difference.

let handle: DatabaseHandle;
let app: FastifyInstance;
let admin: Session & { email: string };

/** An event written directly, at a chosen time, about a kind of thing of the test's own. */
async function event(entityType: string, at: string, extra: { entityId?: string; label?: string } = {}) {
  await handle.db
    .insertInto("audit_event")
    .values({
      at: new Date(at),
      actor_id: null,
      actor_label: extra.label ?? "Someone <someone@example.test>",
      action: "thing.change",
      entity_type: entityType,
      entity_id: extra.entityId ?? "1",
      before: JSON.stringify({ title: "Old title", kept: "same" }),
      after: JSON.stringify({ title: "New title", kept: "same" }),
      request_id: "req-test",
    })
    .execute();
}

beforeAll(async () => {
  handle = await createTestDatabase("empty");
  app = await testApp(handle.db);
  admin = await signIn(app, handle.db, "administrator");
  // January (UK winter) and July (UK summer time): the 23:30 UTC event is the next day in the UK.
  await event("dated", "2026-01-10T12:00:00Z", { entityId: "a" });
  await event("dated", "2026-07-01T23:30:00Z", { entityId: "b" });
  await event("dated", "2026-07-05T09:00:00Z", { entityId: "c", label: "Morag Brown <morag@example.test>" });
  for (let i = 0; i < 55; i++)
    await event("many", new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), { entityId: String(i) });
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

async function api(url: string, session: Session | undefined = admin) {
  const response = await getPage(app, session, url);
  return { status: response.statusCode, body: response.json(), headers: response.headers };
}

describe("the audit trail page", () => {
  it("shows a change made through the app: who, when, what, before and after, and the request", async () => {
    const target = await signIn(app, handle.db, "reader");
    const targetId = await userIdOf(handle.db, target.email);
    await postForm(app, admin, `/admin/users/${targetId}/roles`, { role: "analyst" });
    const page = await getPage(app, admin, `/admin/audit?entityType=user&entityId=${targetId}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toBe("no-store");
    expect(page.body).toContain("2 changes found");
    expect(page.body).toContain("user.role.grant");
    expect(page.body).toContain(admin.email.replace("@", "@"));
    expect(page.body).toMatch(/<strong>roles<\/strong><br>Before: Reader<br>After: Reader; Analyst/);
    const requestId = (
      await handle.db
        .selectFrom("audit_event")
        .select("request_id")
        .where("action", "=", "user.role.grant")
        .where("entity_id", "=", String(targetId))
        .executeTakeFirstOrThrow()
    ).request_id!;
    expect(page.body).toContain(requestId);
    // Newest first: the grant comes before the account's creation.
    expect(page.body.indexOf("user.role.grant")).toBeLessThan(page.body.indexOf("user.create"));
  });

  it("filters by person and by dates in UK time, and shows only the fields that changed", async () => {
    const byPerson = await getPage(app, admin, "/admin/audit?entityType=dated&person=MORAG");
    expect(byPerson.body).toContain("1 change found");
    expect(byPerson.body).toContain("Morag Brown");
    expect(byPerson.body).toContain("Before: Old title<br>After: New title");
    expect(byPerson.body).not.toContain("<strong>kept</strong>");
    const july2 = await getPage(app, admin, "/admin/audit?entityType=dated&from=2026-07-02&to=2026-07-02");
    expect(july2.body).toContain("1 change found");
    expect(july2.body).toContain("on dated b");
    const wide = await getPage(app, admin, "/admin/audit?entityType=dated&from=2026-01-01&to=2026-07-01");
    expect(wide.body).toContain("1 change found");
    expect(wide.body).toContain("on dated a");
  });

  it("pages 50 at a time, newest first, keeping the filter in the links", async () => {
    const first = await getPage(app, admin, "/admin/audit?entityType=many");
    expect(first.body).toContain("55 changes found");
    expect(first.body).toContain("Page 1 of 2");
    expect(first.body).toContain('href="/admin/audit?entityType=many&amp;page=2"');
    expect(first.body).toContain("on many 54<");
    const second = await getPage(app, admin, "/admin/audit?entityType=many&page=2");
    expect(second.body).toContain("on many 4<");
    expect(second.body).toContain("on many 0<");
    expect(second.body).not.toContain("on many 5<");
  });

  it("explains a filter that is not right, naming the field, never a 500", async () => {
    const bad = await getPage(app, admin, "/admin/audit?from=2026-02-30&to=yesterday&page=0");
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#from"');
    expect(bad.body).toContain("The &#39;from&#39; date must be a real date");
    expect(bad.body).toContain('href="#page"');
    const backwards = await getPage(app, admin, "/admin/audit?from=2026-02-02&to=2026-02-01");
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain("must be the same as or after");
  });

  it("is for administrators only", async () => {
    const anonymous = await getPage(app, await anonymousSession(app), "/admin/audit");
    expect(anonymous.headers.location).toBe("/sign-in?returnTo=%2Fadmin%2Faudit");
    const editor = await signIn(app, handle.db, "programme_editor");
    expect((await getPage(app, editor, "/admin/audit")).statusCode).toBe(403);
    expect((await getPage(app, editor, "/admin/audit?from=nonsense")).statusCode).toBe(403);
  });
});

describe("the audit trail in the API", () => {
  it("answers the same filters as JSON, newest first, with the values as recorded", async () => {
    const dated = await api("/api/v1/admin/audit?entityType=dated");
    expect(dated.status).toBe(200);
    expect(dated.headers["cache-control"]).toBe("no-store");
    expect(dated.body).toMatchObject({ total: 3, page: 1, pageCount: 1 });
    expect(dated.body.events.map((e: { entityId: string }) => e.entityId)).toEqual(["c", "b", "a"]);
    expect(dated.body.events[0]).toMatchObject({
      at: "2026-07-05T09:00:00.000Z",
      actor: { id: null, label: "Morag Brown <morag@example.test>" },
      action: "thing.change",
      before: { title: "Old title", kept: "same" },
      after: { title: "New title", kept: "same" },
      requestId: "req-test",
    });
    const paged = await api("/api/v1/admin/audit?entityType=many&page=2");
    expect(paged.body).toMatchObject({ total: 55, page: 2, pageCount: 2 });
    expect(paged.body.events).toHaveLength(5);
    const ownId = await userIdOf(handle.db, admin.email);
    const mine = await api(`/api/v1/admin/audit?actorId=${ownId}`);
    expect(mine.body.events.every((e: { actor: { id: number } }) => e.actor.id === ownId)).toBe(true);
  });

  it("names the field of a bad filter (400), and refuses everyone but administrators", async () => {
    const bad = await api("/api/v1/admin/audit?from=2026-13-01");
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(["from"]);
    const malformed = await api("/api/v1/admin/audit?page=x");
    expect(malformed.status).toBe(400);
    expect(Object.keys(malformed.body.error.fields)).toEqual(["page"]);
    expect((await getPage(app, undefined, "/api/v1/admin/audit")).statusCode).toBe(401);
    const reader = await signIn(app, handle.db, "reader");
    expect((await api("/api/v1/admin/audit", reader)).status).toBe(403);
  });
});
