import { createUser } from "../../src/features/accounts/user.service.ts";
import type { Db } from "../../src/platform/database.ts";
import { all, type MatrixPart, type Sample, signedIn, VISITORS, type Visitor } from "./matrix.types.ts";

// Administration: people, roles and the audit trail, for administrators only. Each change runs
// on a person of its own per visitor, so one visitor's allowed change never spoils another's row.

type PerVisitor = Record<Visitor, number>;

interface Fixtures extends Targets {
  /** Someone to look at. */
  person: number;
  /** Another person's API token: nobody else may revoke it. */
  othersToken: number;
  /** Someone invited who has not accepted, per visitor: to send the invitation again. */
  invited: PerVisitor;
  /** The same targets again, for the API's rows. */
  api: Targets;
}

interface Targets {
  /** An API token per visitor, of that visitor's own, to revoke (pages only). */
  token?: PerVisitor;
  /** A reader per visitor, to grant a role to, to deactivate. */
  toGrant: PerVisitor;
  toDeactivate: PerVisitor;
  /** A deactivated person per visitor, to reactivate. */
  toReactivate: PerVisitor;
  /** A person with an analyst role per visitor, and that role, to remove. */
  toStrip: PerVisitor;
  roleToRemove: PerVisitor;
}

const ADMINS_SEE = signedIn({ administrator: 200 });
const ADMINS_CHANGE = signedIn({ administrator: 303 });
/** The API answers the public 401 (no sign-in page to be sent to). */
const API_ADMINS = (ok: 200 | 201) => all(403, { public: 401, administrator: ok });

/** A new address per visitor and run: an invitation is refused for an address that has an account. */
function inviteeEmail(visitor: string, where = "page"): string {
  return `matrix-invitee-${where}-${visitor}-${Date.now()}@example.test`;
}

let made = 0;
async function someone(db: Db, role: "reader" | "analyst"): Promise<number> {
  made += 1;
  const user = await createUser(db, {
    email: `matrix-person-${made}-${Date.now()}@example.test`,
    name: `Matrix person ${made}`,
    grants: [{ role }],
    password: "a long test password",
  });
  return user.id;
}

async function perVisitor(work: () => Promise<number>): Promise<PerVisitor> {
  const out: Partial<PerVisitor> = {};
  for (const v of VISITORS) out[v] = await work();
  return out as PerVisitor;
}

const rows: Record<string, Sample<Fixtures>[]> = {
  "GET /admin": [{ label: "everyone", url: () => "/admin", expected: ADMINS_SEE }],
  "GET /admin/users/:id": [
    { label: "a person", url: (f) => `/admin/users/${f.person}`, expected: ADMINS_SEE },
  ],
  "POST /admin/users/:id/roles": [
    {
      label: "grant a role",
      url: (f, v) => `/admin/users/${f.toGrant[v]}/roles`,
      body: async () => ({ role: "analyst" }),
      expected: ADMINS_CHANGE,
    },
  ],
  "POST /admin/users/:id/roles/:roleId/delete": [
    {
      label: "remove a role",
      url: (f, v) => `/admin/users/${f.toStrip[v]}/roles/${f.roleToRemove[v]}/delete`,
      body: async () => ({}),
      expected: ADMINS_CHANGE,
    },
  ],
  "POST /admin/users/:id/deactivate": [
    {
      label: "deactivate",
      url: (f, v) => `/admin/users/${f.toDeactivate[v]}/deactivate`,
      body: async () => ({}),
      expected: ADMINS_CHANGE,
    },
  ],
  "POST /admin/users/:id/reactivate": [
    {
      label: "reactivate",
      url: (f, v) => `/admin/users/${f.toReactivate[v]}/reactivate`,
      body: async () => ({}),
      expected: ADMINS_CHANGE,
    },
  ],

  "GET /admin/invite": [{ label: "the invitation form", url: () => "/admin/invite", expected: ADMINS_SEE }],
  "POST /admin/invite": [
    {
      label: "invite someone",
      url: () => "/admin/invite",
      body: async (_f, _db, v) => ({ email: inviteeEmail(v), name: "Matrix invitee", roles: "reader" }),
      expected: ADMINS_CHANGE,
    },
  ],

  "POST /admin/users/:id/resend-invitation": [
    {
      label: "send an invitation again",
      url: (f, v) => `/admin/users/${f.invited[v]}/resend-invitation`,
      body: async () => ({}),
      expected: ADMINS_CHANGE,
    },
  ],

  "GET /admin/audit": [
    { label: "the trail", url: () => "/admin/audit", expected: ADMINS_SEE },
    { label: "filtered", url: () => "/admin/audit?entityType=user&from=2026-01-01", expected: ADMINS_SEE },
  ],

  // One's own API tokens: everyone signed in (every role) has them.
  "GET /account/tokens": [{ label: "own tokens", url: () => "/account/tokens", expected: signedIn({}, 200) }],
  "POST /account/tokens": [
    {
      label: "make a token",
      url: () => "/account/tokens",
      body: async () => ({ name: "Matrix token", expiresInDays: 7 }),
      expected: signedIn({}, 201),
    },
  ],
  "POST /account/tokens/:id/revoke": [
    {
      label: "revoke one's own",
      url: (f, v) => `/account/tokens/${f.token?.[v] ?? 0}/revoke`,
      body: async () => ({}),
      expected: signedIn({}, 303),
    },
    {
      label: "another person's",
      url: (f) => `/account/tokens/${f.othersToken}/revoke`,
      body: async () => ({}),
      expected: signedIn({}, 404),
    },
  ],

  // The same, in the API.
  "GET /api/v1/admin/audit": [
    { label: "the trail", url: () => "/api/v1/admin/audit", expected: API_ADMINS(200) },
  ],
  "GET /api/v1/admin/users": [
    { label: "everyone", url: () => "/api/v1/admin/users", expected: API_ADMINS(200) },
  ],
  "GET /api/v1/admin/users/:id": [
    { label: "a person", url: (f) => `/api/v1/admin/users/${f.person}`, expected: API_ADMINS(200) },
  ],
  "POST /api/v1/admin/users/:id/roles": [
    {
      label: "grant a role",
      url: (f, v) => `/api/v1/admin/users/${f.api.toGrant[v]}/roles`,
      body: async () => ({ role: "analyst" }),
      expected: API_ADMINS(201),
    },
  ],
  "POST /api/v1/admin/invitations": [
    {
      label: "invite someone",
      url: () => "/api/v1/admin/invitations",
      body: async (_f, _db, v) => ({ email: inviteeEmail(v, "api"), name: "Matrix invitee" }),
      expected: API_ADMINS(201),
    },
  ],
  "DELETE /api/v1/admin/users/:id/roles/:roleId": [
    {
      label: "remove a role",
      url: (f, v) => `/api/v1/admin/users/${f.api.toStrip[v]}/roles/${f.api.roleToRemove[v]}`,
      expected: API_ADMINS(200),
    },
  ],
  "POST /api/v1/admin/users/:id/deactivate": [
    {
      label: "deactivate",
      url: (f, v) => `/api/v1/admin/users/${f.api.toDeactivate[v]}/deactivate`,
      expected: API_ADMINS(200),
    },
  ],
  "POST /api/v1/admin/users/:id/reactivate": [
    {
      label: "reactivate",
      url: (f, v) => `/api/v1/admin/users/${f.api.toReactivate[v]}/reactivate`,
      expected: API_ADMINS(200),
    },
  ],
};

export const adminMatrix: MatrixPart<Fixtures> = {
  name: "administration",
  async setup({ db, sessions, secret }) {
    // Another person: their address and name are for administrators, their token's name for them.
    const other = await createUser(db, {
      email: `${secret("another person's e-mail address", ["administrator"])}@example.test`,
      name: `Someone Else ${secret("another person's name", ["administrator"])}`,
      grants: [{ role: "reader" }],
      password: "a long test password",
    });
    const othersToken = await db
      .insertInto("api_token")
      .values({
        user_id: other.id,
        name: `Their script ${secret("another person's API token's name", [])}`,
        token_hash: `matrix-other-${other.id}`,
        expires_at: new Date(Date.now() + 86_400_000),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    // Each signed-in visitor's own token, made directly: revoking it is theirs to do.
    const token: Partial<PerVisitor> = { public: 0 };
    for (const v of VISITORS) {
      if (v === "public") continue;
      const user = await db
        .selectFrom("app_user")
        .select("id")
        .where("email", "=", (sessions[v] as { email?: string }).email ?? "")
        .executeTakeFirstOrThrow();
      const row = await db
        .insertInto("api_token")
        .values({
          user_id: user.id,
          name: `Matrix ${v}`,
          token_hash: `matrix-${v}-${user.id}`,
          expires_at: new Date(Date.now() + 86_400_000),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      token[v] = row.id;
    }
    const invited = await perVisitor(async () => {
      const id = await someone(db, "reader");
      await db
        .updateTable("app_user")
        .set({ status: "invited", password_hash: null })
        .where("id", "=", id)
        .execute();
      return id;
    });
    return {
      invited,
      person: await someone(db, "reader"),
      othersToken: othersToken.id,
      ...(await targets(db)),
      token: token as PerVisitor,
      api: await targets(db),
    };
  },
  rows,
};

async function targets(db: Db): Promise<Targets> {
  const toStrip = await perVisitor(() => someone(db, "analyst"));
  const roleToRemove: Partial<PerVisitor> = {};
  for (const v of VISITORS) {
    const role = await db
      .selectFrom("user_role")
      .select("id")
      .where("user_id", "=", toStrip[v])
      .executeTakeFirstOrThrow();
    roleToRemove[v] = role.id;
  }
  const toReactivate = await perVisitor(() => someone(db, "reader"));
  await db
    .updateTable("app_user")
    .set({ status: "deactivated" })
    .where("id", "in", Object.values(toReactivate))
    .execute();
  return {
    toGrant: await perVisitor(() => someone(db, "reader")),
    toDeactivate: await perVisitor(() => someone(db, "reader")),
    toReactivate,
    toStrip,
    roleToRemove: roleToRemove as PerVisitor,
  };
}
