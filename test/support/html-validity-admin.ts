import type { FastifyInstance } from "fastify";
import type { Db } from "../../src/platform/database.ts";
import { createGroup, createOrganisation, userIdOf } from "./admin-fixtures.ts";
import type { RecordPage, Visit } from "./html-samples.ts";
import { getPage, postForm, signIn } from "./http.ts";

// The administration pages' samples for test/html-validity.test.ts: each page as an
// administrator, and its forms sent back with their errors.

export async function visitAdminPages(
  app: FastifyInstance,
  db: Db,
  visit: Visit,
  record: RecordPage,
): Promise<void> {
  const admin = await signIn(app, db, "administrator");
  const adminId = await userIdOf(db, admin.email);
  const organisation = await createOrganisation(db, "Validity Council");
  const group = await createGroup(db, "Validity Board");
  const person = await signIn(app, db, [
    { role: "organisation_contributor", organisationId: organisation.id },
  ]);
  const personId = await userIdOf(db, person.email);
  await postForm(app, admin, `/admin/users/${personId}/roles`, {
    role: "group_secretary",
    groupId: group.id,
  });
  const deactivated = await signIn(app, db, "reader");
  const deactivatedId = await userIdOf(db, deactivated.email);
  await postForm(app, admin, `/admin/users/${deactivatedId}/deactivate`, {});

  await postForm(app, admin, "/admin/invite", {
    email: "validity-invitee@example.test",
    name: "Validity Invitee",
    roles: "reader",
  });
  const invitedId = await userIdOf(db, "validity-invitee@example.test");
  await visit(
    {
      "/admin": [{}],
      "/admin/users/:id": [
        { params: { id: personId }, label: "with scoped roles" },
        { params: { id: personId }, query: "?saved=granted", label: "after granting a role" },
        { params: { id: adminId }, label: "one's own account" },
        { params: { id: deactivatedId }, label: "deactivated" },
        { params: { id: invitedId }, label: "invited, not accepted" },
        { params: { id: invitedId }, query: "?saved=resent", label: "after sending the invitation again" },
      ],
      "/admin/audit": [
        {},
        { query: `?entityType=user&entityId=${personId}`, label: "one person's changes" },
        { query: "?entityType=nothing-here", label: "nothing found" },
      ],
      "/account/tokens": [{ label: "no tokens yet" }],
      "/admin/invite": [{ label: "the invitation form" }],
    },
    [["an administrator", admin]],
  );
  record(
    "granting a contributor role without an organisation",
    await postForm(app, admin, `/admin/users/${personId}/roles`, { role: "organisation_contributor" }),
    400,
  );
  record(
    "inviting with every mistake at once",
    await postForm(app, admin, "/admin/invite", {
      email: "not an address",
      name: "",
      roles: "organisation_contributor",
      groupId: group.id,
    }),
    400,
  );
  record("granting no role at all", await postForm(app, admin, `/admin/users/${personId}/roles`, {}), 400);
  record("deactivating oneself", await postForm(app, admin, `/admin/users/${adminId}/deactivate`, {}), 409);
  record("a reader opening /admin", await getPage(app, person, "/admin"), 403);
  record(
    "the audit trail with a filter that is not right",
    await getPage(app, admin, "/admin/audit?from=2026-02-30&to=soon&page=0"),
    400,
  );
  record(
    "a token just made, shown once",
    await postForm(app, admin, "/account/tokens", { name: "Validity script", expiresInDays: 30 }),
    201,
  );
  record("tokens listed", await getPage(app, admin, "/account/tokens"), 200);
  record(
    "a token without a name",
    await postForm(app, admin, "/account/tokens", { name: "", expiresInDays: 1000 }),
    400,
  );
  // Audit events with many pages of changes, so the paging links show.
  for (let i = 0; i < 51; i++)
    await postForm(app, admin, "/account/tokens", { name: `Token ${i}`, expiresInDays: 7 });
  record("the audit trail, many pages", await getPage(app, admin, "/admin/audit?page=2"), 200);
}
