import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pathOf } from "../../../test/support/accounts.ts";
import { auditOf, createGroup, createOrganisation } from "../../../test/support/admin-fixtures.ts";
import { createTestDatabase } from "../../../test/support/database.ts";
import { unique } from "../../../test/support/factories.ts";
import {
  anonymousSession,
  getPage,
  postForm,
  type Session,
  signIn,
  testApp,
} from "../../../test/support/http.ts";
import { checkAnswer, type OpenApiDocument, strictAjv } from "../../../test/support/openapi-check.ts";
import { linkIn, type MailCatcher, startMailCatcher } from "../../../test/support/smtp.ts";
import type { DatabaseHandle } from "../../platform/database.ts";
import { smtpMailer } from "../../platform/mail.ts";

// Inviting someone from /admin/invite and from POST /api/v1/admin/invitations: the email really
// goes out over SMTP (to an in-process server) and its link is the one the person follows.

let handle: DatabaseHandle;
let app: FastifyInstance;
let catcher: MailCatcher;
let admin: Session & { email: string };

beforeAll(async () => {
  handle = await createTestDatabase("empty");
  catcher = await startMailCatcher();
  app = await testApp(handle.db, { mailer: catcher.mailer });
  admin = await signIn(app, handle.db, "administrator");
});
afterAll(async () => {
  await app.close();
  await catcher.close();
  await handle.close();
});

/** Posts the invitation form; `roles` may repeat, as ticked checkboxes do. */
function postInvite(
  session: Session,
  fields: Record<string, string>,
  roles: string[] = [],
): Promise<LightMyRequestResponse> {
  const form = new URLSearchParams({ _csrf: session.csrf, ...fields });
  for (const role of roles) form.append("roles", role);
  return app.inject({
    method: "POST",
    url: "/admin/invite",
    headers: { cookie: session.cookie, "content-type": "application/x-www-form-urlencoded" },
    payload: form.toString(),
  });
}

async function accountOf(email: string) {
  return handle.db.selectFrom("app_user").selectAll().where("email", "=", email).executeTakeFirst();
}

async function countUsers(): Promise<number> {
  const row = await handle.db
    .selectFrom("app_user")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("the invitation form on /admin", () => {
  it("is linked from the people page, and invites someone with scoped roles by a real email", async () => {
    const people = await getPage(app, admin, "/admin");
    expect(people.body).toContain('<a href="/admin/invite">Invite someone</a>');
    const form = await getPage(app, admin, "/admin/invite");
    expect(form.statusCode).toBe(200);
    expect(form.headers["cache-control"]).toBe("no-store");
    expect(form.body).toContain('action="/admin/invite"');
    expect(form.body).toContain(`name="_csrf" value="${admin.csrf}"`);

    const org = await createOrganisation(handle.db, "Glenbrae Council");
    const group = await createGroup(handle.db, "Glenbrae Promise Board");
    const email = `${unique("invitee")}@example.test`;
    const sent = await postInvite(
      admin,
      {
        email: `  ${email.toUpperCase()} `,
        name: "Morven Invitee",
        organisationId: String(org.id),
        groupId: String(group.id),
      },
      ["reader", "organisation_contributor", "group_secretary"],
    );
    expect(sent.statusCode).toBe(303);
    const account = (await accountOf(email))!;
    expect(account).toMatchObject({ name: "Morven Invitee", status: "invited", password_hash: null });
    expect(sent.headers.location).toBe(`/admin/users/${account.id}?saved=invited`);

    const page = await getPage(app, admin, String(sent.headers.location));
    expect(page.body).toContain("The invitation has been emailed");
    expect(page.body).toContain(">Invited<");
    expect(page.body).toContain("Reader");
    expect(page.body).toContain("Organisation contributor for Glenbrae Council");
    expect(page.body).toContain("Group secretary of Glenbrae Promise Board");

    const message = await catcher.next(email, 0);
    expect(message.subject).toBe("You have been invited to Waymark");
    expect(message.text).toContain("Hello Morven Invitee,");
    const link = pathOf(linkIn(message, "http://localhost/invitations/"));
    const opened = await getPage(app, await anonymousSession(app), link);
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain("Accept your invitation");
    expect(opened.body).toContain(email);

    const events = await auditOf(handle.db, "user", account.id);
    expect(events.map((e) => e.action)).toEqual(["user.invite"]);
  });

  it("sends an invitation again from the person's page: a new link, the old one dead", async () => {
    const email = `${unique("again")}@example.test`;
    const sent = await postInvite(admin, { email, name: "Ailsa Again" }, ["reader"]);
    const page = String(sent.headers.location).replace(/\?.*$/, "");
    const first = pathOf(linkIn(await catcher.next(email, 0), "http://localhost/invitations/"));
    expect((await getPage(app, admin, page)).body).toContain("Send the invitation again");

    const resend = await postForm(app, admin, `${page}/resend-invitation`, {});
    expect(resend.statusCode).toBe(303);
    expect(resend.headers.location).toBe(`${page}?saved=resent`);
    expect((await getPage(app, admin, String(resend.headers.location))).body).toContain(
      "A new invitation has been emailed",
    );
    const second = pathOf(linkIn(await catcher.next(email, 1), "http://localhost/invitations/"));
    expect(second).not.toBe(first);
    const visitor = await anonymousSession(app);
    expect((await getPage(app, visitor, second)).body).toContain("Accept your invitation");
    expect((await getPage(app, visitor, first)).body).not.toContain("Accept your invitation");
    const id = Number(page.split("/").at(-1));
    expect((await auditOf(handle.db, "user", id)).map((e) => e.action)).toEqual([
      "user.invite",
      "user.invitation_resent",
    ]);

    // Once accepted there is nothing to send again: the page says so, and no email goes.
    await postForm(app, visitor, second, { password: "a password of her own" });
    const mails = catcher.to(email).length;
    const late = await postForm(app, admin, `${page}/resend-invitation`, {});
    expect(late.headers.location).toBe(`${page}?saved=accepted`);
    expect(catcher.to(email).length).toBe(mails);
    const reader = await signIn(app, handle.db, "reader");
    expect((await postForm(app, reader, `${page}/resend-invitation`, {})).statusCode).toBe(403);
  });

  it("names every mistake on the form, keeps the answers, and saves and sends nothing", async () => {
    const org = await createOrganisation(handle.db, "Kelty Trust");
    const before = await countUsers();
    const mailsBefore = catcher.messages.length;
    const cases: Array<{ fields: Record<string, string>; roles: string[]; messages: string[] }> = [
      {
        fields: { email: "not an address", name: "" },
        roles: ["organisation_contributor"],
        messages: [
          "Enter an email address in the correct format",
          "Enter the person’s name",
          "Choose the organisation this organisation contributor reports for",
        ],
      },
      {
        fields: { email: "someone@example.test", name: "Someone", organisationId: String(org.id) },
        roles: ["reader", "group_secretary"],
        messages: [
          "Tick “Organisation contributor” for this organisation",
          "Choose the group this group secretary keeps",
        ],
      },
      {
        fields: { email: admin.email, name: "Already here" },
        roles: ["reader", "superuser"],
        messages: ["There is already an account with this email address", "Choose roles from the list"],
      },
      {
        fields: { email: "someone@example.test", name: "x".repeat(10_000) },
        roles: [],
        messages: ["Enter a name of up to 200 characters"],
      },
    ];
    for (const c of cases) {
      const response = await postInvite(admin, c.fields, c.roles);
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain("<title>Error: Invite someone");
      expect(response.body).toContain("There is a problem");
      for (const m of c.messages) expect(response.body).toContain(m);
      if (c.fields.name === "Someone") expect(response.body).toContain('value="Someone"');
    }
    expect(await countUsers()).toBe(before);
    expect(catcher.messages.length).toBe(mailsBefore);
  });

  it("sends the public to sign in, refuses other roles, and refuses a post without the CSRF token", async () => {
    const visitor = await anonymousSession(app);
    const page = await getPage(app, visitor, "/admin/invite");
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe("/sign-in?returnTo=%2Fadmin%2Finvite");
    const before = await countUsers();
    for (const role of ["programme_editor", "reader", "analyst"] as const) {
      const session = await signIn(app, handle.db, role);
      expect((await getPage(app, session, "/admin/invite")).statusCode).toBe(403);
      const posted = await postInvite(session, { email: `${unique("x")}@example.test`, name: "X" }, [
        "reader",
      ]);
      expect(posted.statusCode).toBe(403);
    }
    const forged = await postInvite(
      { ...admin, csrf: "" },
      { email: `${unique("x")}@example.test`, name: "X" },
    );
    expect(forged.statusCode).toBe(403);
    expect(await countUsers()).toBe(before + 3);
  });

  it("invites nobody when the mail server cannot be reached, and says so (503)", async () => {
    const offline = await testApp(handle.db, {
      // A real SMTP client pointed at a port where nothing listens.
      mailer: smtpMailer({
        url: "smtp://127.0.0.1:9",
        from: "waymark@example.test",
        baseUrl: "http://localhost",
      }),
    });
    try {
      const session = await signIn(offline, handle.db, "administrator");
      const email = `${unique("unsent")}@example.test`;
      const form = new URLSearchParams({ _csrf: session.csrf, email, name: "Unsent", roles: "reader" });
      const response = await offline.inject({
        method: "POST",
        url: "/admin/invite",
        headers: { cookie: session.cookie, "content-type": "application/x-www-form-urlencoded" },
        payload: form.toString(),
      });
      expect(response.statusCode).toBe(503);
      expect(response.body).toContain("nobody has been invited");
      expect(await accountOf(email)).toBeUndefined();
    } finally {
      await offline.close();
    }
  });
});

describe("POST /api/v1/admin/invitations", () => {
  let doc: OpenApiDocument;
  const ajv = strictAjv();
  beforeAll(async () => {
    doc = (await app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
  });

  async function invite(session: Session, body: unknown) {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/admin/invitations",
      headers: { cookie: session.cookie, "x-csrf-token": session.csrf },
      payload: body as Record<string, unknown>,
    });
    const json = response.json();
    expect(checkAnswer(doc, ajv, "/api/v1/admin/invitations", response.statusCode, json, "post")).toBe("");
    return { status: response.statusCode, body: json, headers: response.headers };
  }

  it("invites someone with their roles, emails the link, and answers with the new account", async () => {
    const org = await createOrganisation(handle.db, "Cairnhill Care");
    const email = `${unique("api-invitee")}@example.test`;
    const answer = await invite(admin, {
      email,
      name: "Api Invitee",
      grants: [{ role: "analyst" }, { role: "organisation_contributor", organisationId: org.id }],
    });
    expect(answer.status).toBe(201);
    expect(answer.headers["cache-control"]).toBe("no-store");
    expect(answer.headers.location).toBe(`/api/v1/admin/users/${answer.body.id}`);
    expect(answer.body).toMatchObject({ email, name: "Api Invitee", status: "invited", openSessions: 0 });
    expect(answer.body.roles.map((r: { description: string }) => r.description).sort()).toEqual([
      "Analyst",
      "Organisation contributor for Cairnhill Care",
    ]);
    const message = await catcher.next(email, 0);
    expect(linkIn(message, "http://localhost/invitations/")).toMatch(
      /^http:\/\/localhost\/invitations\/\S{20,}$/,
    );
  });

  it("refuses bad input naming the field, and saves nothing", async () => {
    const before = await countUsers();
    const wrongShape = await invite(admin, {
      email: "a@example.test",
      name: "A",
      grants: [{ role: "king" }],
    });
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.body.error.code).toBe("validation");
    const noOrganisation = await invite(admin, {
      email: `${unique("x")}@example.test`,
      name: "No Organisation",
      grants: [{ role: "organisation_contributor" }],
    });
    expect(noOrganisation.status).toBe(400);
    expect(noOrganisation.body.error.fields.grants).toContain("Choose an organisation");
    const malformed = await invite(admin, { email: "nobody", name: "", grants: [] });
    expect(malformed.status).toBe(400);
    expect(Object.keys(malformed.body.error.fields).sort()).toEqual(["email", "name"]);
    const taken = await invite(admin, { email: admin.email, name: "Again", grants: [] });
    expect(taken.body.error.fields.email).toBe("There is already an account with this email address");
    expect(await countUsers()).toBe(before);
  });

  it("answers the public 401 and other roles 403", async () => {
    const body = { email: `${unique("x")}@example.test`, name: "X", grants: [] };
    // A visitor who has a CSRF token but no account (without one, the CSRF check answers first).
    expect((await invite(await anonymousSession(app), body)).status).toBe(401);
    const editor = await signIn(app, handle.db, "programme_editor");
    expect((await invite(editor, body)).status).toBe(403);
    expect(await accountOf(body.email)).toBeUndefined();
  });
});
