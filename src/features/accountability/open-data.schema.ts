import Type from "typebox";
import { ApiUrl, Nullable, Slug } from "../../platform/api/common.schema.ts";
import { component } from "../../platform/api/openapi.ts";
import { ActionKey } from "./accountability.schema.ts";
import { STATUSES } from "./progress-status.ts";

// The public data of accountability in the API: the same rows as the CSV and XLSX downloads.

export const PAGE_SIZE = 100;

const Day = Type.String({
  pattern: "^\\d{4}-\\d{2}-\\d{2}$",
  description: "A day, YYYY-MM-DD: progress as it stood at its end in Scotland.",
});

export const ActionsQuery = Type.Object({
  theme: Type.Optional({ ...Slug, description: "Only this route map's actions." }),
  sector: Type.Optional({ ...Slug, description: "Only the actions of route maps naming this sector." }),
  organisation: Type.Optional({
    ...Slug,
    description: "Only the actions naming this organisation or one of its sectors.",
  }),
  as_at: Type.Optional(Day),
  page: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 100000,
      description: `${PAGE_SIZE} actions a page, in route-map order.`,
    }),
  ),
});

const Named = Type.Object({ kind: Type.Enum(["organisation", "sector"]), slug: Slug, name: Type.String() });

export const PublicAction = component(
  "PublicAction",
  Type.Object({
    foundation: Type.Object({ slug: Slug, name: Type.String() }),
    theme: Type.Object({ slug: Slug, name: Type.String(), url: ApiUrl }),
    edition: Type.Object({
      label: Type.String(),
      lastUpdated: Nullable(Type.String({ format: "date" })),
    }),
    number: Type.Integer({ minimum: 1, description: "Its place among its edition's actions." }),
    key: ActionKey,
    text: Type.String(),
    leads: Type.Array(Named),
    partners: Type.Array(Named),
    due: Type.Object({ year: Nullable(Type.Integer()), date: Nullable(Type.String({ format: "date" })) }),
    status: Nullable(Type.Enum(STATUSES.map((s) => s.code))),
    percent: Nullable(Type.Integer({ minimum: 0, maximum: 100 })),
    lastUpdate: Nullable(
      Type.String({ format: "date", description: "When the latest update was submitted." }),
    ),
    updatedBy: Nullable(Type.String({ description: "The organisation that gave the latest update." })),
    overdue: Type.Boolean(),
    page: Type.String({ format: "uri", description: "The action's page on the website." }),
  }),
);

export const PublicActionList = component(
  "PublicActionList",
  Type.Object(
    {
      actions: Type.Array(PublicAction),
      asAt: Type.String({ format: "date", description: "The day the progress is as at." }),
      page: Type.Integer({ minimum: 1 }),
      pageCount: Type.Integer({ minimum: 1 }),
      total: Type.Integer({ minimum: 0, description: "How many actions match, on every page." }),
    },
    {
      description:
        "One page of every published route map's actions, with who must act, by when, and the latest submitted update.",
    },
  ),
);
