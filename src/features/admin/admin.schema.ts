import Type from "typebox";
import { ROLES } from "../../platform/actor.ts";
import { ApiUrl, Id, IdOf, Nullable } from "../../platform/api/common.schema.ts";
import { component } from "../../platform/api/openapi.ts";

// The administration API's schemas: people, their roles, and the changes an administrator makes.

const Role = Type.Enum([...ROLES], {
  description:
    "administrator, programme_editor, organisation_contributor (for one organisation), group_secretary (for one group), analyst or reader.",
});

const Named = Type.Object({ id: Id, name: Type.String() });

export const HeldRole = component(
  "HeldRole",
  Type.Object({
    id: IdOf("This grant's id: remove the role with DELETE …/roles/{roleId}."),
    role: Role,
    description: Type.String({
      description: "The role in plain words, e.g. `Organisation contributor for Fife Council`.",
    }),
    organisation: Nullable(Named),
    group: Nullable(Named),
    grantedAt: Type.String({ format: "date-time" }),
  }),
);

const UserFields = {
  id: Id,
  name: Type.String(),
  email: Type.String(),
  status: Type.Enum(["invited", "active", "deactivated"], {
    description: "Only an active user can sign in or use an API token.",
  }),
  roles: Type.Array(HeldRole),
  url: ApiUrl,
};

export const AdminUserSummary = component("AdminUserSummary", Type.Object(UserFields));

export const AdminUserList = component(
  "AdminUserList",
  Type.Object({ users: Type.Array(AdminUserSummary) }, { description: "Everyone with an account, by name." }),
);

export const AdminUser = component(
  "AdminUser",
  Type.Object(
    {
      ...UserFields,
      createdAt: Type.String({ format: "date-time" }),
      openSessions: Type.Integer({ minimum: 0, description: "Sessions open now in a browser." }),
    },
    { description: "One person's account, their roles and their sessions." },
  ),
);

export const UserParams = Type.Object({ id: IdOf("The person's id.") });
export const UserRoleParams = Type.Object({ id: IdOf("The person's id."), roleId: IdOf("The grant's id.") });

export const GrantRoleBody = component(
  "GrantRole",
  Type.Object(
    {
      role: Role,
      organisationId: Type.Optional(
        IdOf("Required for organisation_contributor: the organisation they report for."),
      ),
      groupId: Type.Optional(IdOf("Required for group_secretary: the group they keep.")),
    },
    { additionalProperties: false },
  ),
);

export const InvitationBody = component(
  "Invitation",
  Type.Object(
    {
      email: Type.String({
        maxLength: 1000,
        description: "Where the invitation goes; they sign in with it.",
      }),
      name: Type.String({ maxLength: 1000, description: "Their full name, as shown to others." }),
      grants: Type.Optional(
        Type.Array(
          Type.Object(
            {
              role: Role,
              organisationId: Type.Optional(
                IdOf("Required for organisation_contributor: the organisation they report for."),
              ),
              groupId: Type.Optional(IdOf("Required for group_secretary: the group they keep.")),
            },
            { additionalProperties: false },
          ),
          {
            maxItems: 50,
            description:
              "The roles they will have once they accept; may be empty or left out (roles can be granted later).",
          },
        ),
      ),
    },
    { additionalProperties: false },
  ),
);
