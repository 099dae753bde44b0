import Type from "typebox";
import { Id, Nullable } from "../../platform/api/common.schema.ts";
import { component } from "../../platform/api/openapi.ts";

// The audit trail in the API: the same filter as the page, and each event as recorded.

const Day = Type.String({
  pattern: "^\\d{4}-\\d{2}-\\d{2}$",
  description: "A day, YYYY-MM-DD, counted in UK time; inclusive.",
});

export const AuditQuery = Type.Object({
  entityType: Type.Optional(
    Type.String({
      maxLength: 100,
      description: "Only events about this kind of thing, e.g. `user`, `edition`.",
    }),
  ),
  entityId: Type.Optional(
    Type.String({ maxLength: 100, description: "Only events about the thing with this id." }),
  ),
  actorId: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 2147483647, description: "Only changes made by this person." }),
  ),
  person: Type.Optional(
    Type.String({ maxLength: 200, description: "Only changes by people whose name or email contains this." }),
  ),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  page: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 100000, description: "50 events a page, newest first." }),
  ),
});

export const AuditEventSchema = component(
  "AuditEvent",
  Type.Object({
    id: Id,
    at: Type.String({ format: "date-time" }),
    actor: Type.Object({
      id: Nullable(Id),
      label: Type.String({
        description: "Who made the change, as they were then: `Name <email>`, or `public` for the system.",
      }),
    }),
    action: Type.String({ description: "What was done, e.g. `user.role.grant`, `edition.publish`." }),
    entityType: Type.String(),
    entityId: Type.String(),
    before: Type.Unknown({ description: "The values before the change (null for a creation)." }),
    after: Type.Unknown({ description: "The values after the change (null for a deletion)." }),
    requestId: Nullable(
      Type.String({ description: "The request that made the change, as in the server's log." }),
    ),
  }),
);

export const AuditEventList = component(
  "AuditEventList",
  Type.Object(
    {
      events: Type.Array(AuditEventSchema),
      page: Type.Integer({ minimum: 1 }),
      pageCount: Type.Integer({ minimum: 1 }),
      total: Type.Integer({ minimum: 0, description: "How many events match the filter, on every page." }),
    },
    { description: "One page of the audit trail, newest first." },
  ),
);
