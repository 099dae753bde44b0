import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Db } from "../../src/platform/database.ts";
import { createGroup, createOrganisation, userIdOf } from "./admin-fixtures.ts";
import { getPage, postForm, type Session, signIn } from "./http.ts";

// The administration pages' samples for test/html-validity.test.ts: each page as an
// administrator, and its forms sent back with their errors.

type Sample = { params?: Record<string, string | number>; query?: string; label?: string };
type Visit = (pages: Record<string, Sample[]>, who: Array<[string, Session | undefined]>) => Promise<void>;
type Record_ = (name: string, response: LightMyRequestResponse, expected: number) => void;

export async function visitAdminPages(
  app: FastifyInstance,
  db: Db,
  visit: Visit,
  record: Record_,
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

  await visit(
    {
      "/admin": [{}],
      "/admin/users/:id": [
        { params: { id: personId }, label: "with scoped roles" },
        { params: { id: personId }, query: "?saved=granted", label: "after granting a role" },
        { params: { id: adminId }, label: "one's own account" },
        { params: { id: deactivatedId }, label: "deactivated" },
      ],
    },
    [["an administrator", admin]],
  );
  record(
    "granting a contributor role without an organisation",
    await postForm(app, admin, `/admin/users/${personId}/roles`, { role: "organisation_contributor" }),
    400,
  );
  record("granting no role at all", await postForm(app, admin, `/admin/users/${personId}/roles`, {}), 400);
  record("deactivating oneself", await postForm(app, admin, `/admin/users/${adminId}/deactivate`, {}), 409);
  record("a reader opening /admin", await getPage(app, person, "/admin"), 403);
}
