import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorWith, auditOf } from "../../../test/support/accounts.ts";
import { createTestDatabase } from "../../../test/support/database.ts";
import { unique } from "../../../test/support/factories.ts";
import { linkIn, type MailCatcher, startMailCatcher } from "../../../test/support/smtp.ts";
import { type Actor, PUBLIC } from "../../platform/actor.ts";
import type { DatabaseHandle } from "../../platform/database.ts";
import {
  ForbiddenError,
  UnauthenticatedError,
  UnavailableError,
  ValidationError,
} from "../../platform/errors.ts";
import { smtpMailer } from "../../platform/mail.ts";
import { acceptInvitation, findInvitation, inviteUser, resendInvitation } from "./invitation.service.ts";
import { signIn } from "./user.service.ts";

describe("inviting people", () => {
  let handle: DatabaseHandle;
  let catcher: MailCatcher;
  let admin: Actor;
  let organisationId: number;
  beforeAll(async () => {
    handle = await createTestDatabase();
    catcher = await startMailCatcher({ baseUrl: "https://waymark.example.org" });
    admin = await actorWith(handle.db);
    ({ id: organisationId } = await handle.db
      .insertInto("organisation")
      .values({ slug: "glasgow", name: "Glasgow City Council", type: "local_authority" })
      .returning("id")
      .executeTakeFirstOrThrow());
  });
  afterAll(async () => {
    await catcher.close();
    await handle.close();
  });

  const tokenOf = (link: string) => link.split("/invitations/")[1]!;

  it("an administrator invites someone with roles: an invited account, an audit event, and an email with a link", async () => {
    const email = `${unique("kirsty")}@example.test`;
    const invited = await inviteUser(
      handle.db,
      admin,
      {
        email: ` ${email.toUpperCase()} `,
        name: " Kirsty ",
        grants: [{ role: "organisation_contributor", organisationId }],
      },
      catcher.mailer,
    );
    expect(invited).toMatchObject({ email, name: "Kirsty", status: "invited" });
    const message = await catcher.next(email, 0);
    expect(message.subject).toBe("You have been invited to Waymark");
    expect(message.text).toContain("Ada Administrator has invited you");
    expect(message.text).toContain("for 7 days");
    const link = linkIn(message, "https://waymark.example.org/invitations/");
    expect(await findInvitation(handle.db, tokenOf(link))).toEqual({ name: "Kirsty", email });

    const row = await handle.db
      .selectFrom("app_user")
      .selectAll()
      .where("id", "=", invited.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "invited", password_hash: null });
    const links = await handle.db
      .selectFrom("account_link")
      .selectAll()
      .where("user_id", "=", invited.id)
      .execute();
    expect(links).toHaveLength(1);
    // Only the hash is kept: the token in the email is nowhere in the database.
    expect(links[0]!.token_hash).not.toContain(tokenOf(link));
    expect(links[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const audit = await auditOf(handle.db, invited.id);
    expect(audit.map((a) => a.action)).toEqual(["user.invite"]);
    expect(audit[0]!.actor_id).toBe(admin.kind === "user" ? admin.id : null);
    expect(audit[0]!.after).toMatchObject({
      email,
      grants: [{ role: "organisation_contributor", organisationId }],
    });

    // Not yet able to sign in: there is no password until they accept.
    expect(await signIn(handle.db, email, "")).toBeNull();
  });

  it("only administrators may invite: others are forbidden, the public must sign in", async () => {
    const editor = await actorWith(handle.db, [{ role: "programme_editor" }]);
    const input = { email: `${unique("x")}@example.test`, name: "X", grants: [] };
    await expect(inviteUser(handle.db, editor, input, catcher.mailer)).rejects.toThrow(ForbiddenError);
    await expect(inviteUser(handle.db, PUBLIC, input, catcher.mailer)).rejects.toThrow(UnauthenticatedError);
    expect(catcher.to(input.email)).toHaveLength(0);
  });

  it("refuses, naming the field: a malformed email, an email that already has an account, no name, an unknown organisation", async () => {
    const taken = `${unique("taken")}@example.test`;
    await inviteUser(handle.db, admin, { email: taken, name: "First", grants: [] }, catcher.mailer);
    const cases: Array<[Parameters<typeof inviteUser>[2], Record<string, string>]> = [
      [
        { email: "not-an-email", name: "A", grants: [] },
        { email: "Enter an email address in the correct format, like name@example.com" },
      ],
      [
        { email: taken.toUpperCase(), name: "Second", grants: [] },
        { email: "There is already an account with this email address" },
      ],
      [{ email: `${unique("a")}@example.test`, name: "  ", grants: [] }, { name: "Enter the person’s name" }],
      [
        {
          email: `${unique("a")}@example.test`,
          name: "A",
          grants: [{ role: "organisation_contributor", organisationId: 999999 }],
        },
        { grants: "Choose an organisation from the list for an organisation contributor" },
      ],
      [
        {
          email: `${unique("a")}@example.test`,
          name: "A",
          grants: [{ role: "group_secretary", groupId: 999999 }],
        },
        { grants: "Choose a group from the list for a group secretary" },
      ],
    ];
    for (const [input, fields] of cases) {
      const error = await inviteUser(handle.db, admin, input, catcher.mailer).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fields).toEqual(fields);
    }
    expect(
      await handle.db.selectFrom("app_user").select("id").where("email", "=", taken).execute(),
    ).toHaveLength(1);
  });

  it("when the email cannot be sent, nobody is invited and the administrator is told to try again", async () => {
    const dead = await startMailCatcher();
    const url = dead.url;
    await dead.close();
    const mailer = smtpMailer({ url, from: "waymark@example.test", baseUrl: "http://localhost" });
    const email = `${unique("unlucky")}@example.test`;
    const error = await inviteUser(
      handle.db,
      admin,
      { email, name: "Unlucky", grants: [{ role: "reader" }] },
      mailer,
    ).catch((e: unknown) => e);
    mailer.close();
    expect(error).toBeInstanceOf(UnavailableError);
    expect((error as Error).message).toContain("nobody has been invited");
    expect(await handle.db.selectFrom("app_user").select("id").where("email", "=", email).execute()).toEqual(
      [],
    );
    // …so the same invitation simply works once the mail server is back.
    await inviteUser(
      handle.db,
      admin,
      { email, name: "Unlucky", grants: [{ role: "reader" }] },
      catcher.mailer,
    );
    expect(catcher.to(email)).toHaveLength(1);
  });

  it("a resent invitation replaces the old link, which stops working", async () => {
    const email = `${unique("late")}@example.test`;
    const invited = await inviteUser(handle.db, admin, { email, name: "Late", grants: [] }, catcher.mailer);
    const first = tokenOf(linkIn(await catcher.next(email, 0), "https://waymark.example.org/invitations/"));
    await resendInvitation(handle.db, admin, invited.id, catcher.mailer);
    const second = tokenOf(linkIn(await catcher.next(email, 1), "https://waymark.example.org/invitations/"));
    expect(second).not.toBe(first);
    expect(await findInvitation(handle.db, first)).toBeNull();
    expect(await findInvitation(handle.db, second)).not.toBeNull();
    expect((await auditOf(handle.db, invited.id)).map((a) => a.action)).toEqual([
      "user.invite",
      "user.invitation_resent",
    ]);

    const accepted = await acceptInvitation(handle.db, second, "a brand new passphrase");
    expect(accepted.actor).toMatchObject({ kind: "user", id: invited.id });
    await expect(resendInvitation(handle.db, admin, invited.id, catcher.mailer)).rejects.toThrow(
      ValidationError,
    );
  });
});
