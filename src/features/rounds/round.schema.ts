import Type from "typebox";
import { ApiUrl, Id, Slug } from "../../platform/api/common.schema.ts";
import { component } from "../../platform/api/openapi.ts";
import { ActionKey } from "../accountability/accountability.schema.ts";

// The JSON shapes of reporting rounds, for the programme team's scripts (progress.review): not
// open data, since a round says who has not yet answered.

const Totals = Type.Object({
  owed: Type.Integer({ minimum: 0, description: "Updates asked for: one per organisation and action." }),
  answered: Type.Integer({ minimum: 0 }),
  percent: Type.Integer({ minimum: 0, maximum: 100 }),
  organisations: Type.Integer({ minimum: 0 }),
  organisationsDone: Type.Integer({
    minimum: 0,
    description: "Organisations that have answered everything.",
  }),
});

export const RoundSummary = component(
  "RoundSummary",
  Type.Object({
    id: Id,
    title: Type.String(),
    dueDate: Type.String({ format: "date" }),
    allRouteMaps: Type.Boolean(),
    themes: Type.Array(Type.Object({ slug: Slug, name: Type.String() }), {
      description: "The route maps chosen, when not all.",
    }),
    daysBefore: Type.Array(Type.Integer(), { description: "Reminder days before the due date." }),
    daysAfter: Type.Array(Type.Integer(), { description: "Reminder days after the due date." }),
    openedAt: Type.String({ format: "date-time" }),
    closedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
    totals: Totals,
    url: ApiUrl,
  }),
);

export const RoundList = component(
  "RoundList",
  Type.Object({ rounds: Type.Array(RoundSummary) }, { description: "Reporting rounds, open ones first." }),
);

export const RoundDetail = component(
  "RoundDetail",
  Type.Object(
    {
      round: RoundSummary,
      organisations: Type.Array(
        Type.Object({
          slug: Slug,
          name: Type.String(),
          owed: Type.Integer({ minimum: 0 }),
          answered: Type.Integer({ minimum: 0 }),
          percent: Type.Integer({ minimum: 0, maximum: 100 }),
          actions: Type.Array(
            Type.Object({
              theme: Type.Object({ slug: Type.String(), name: Type.String() }),
              key: ActionKey,
              text: Type.String(),
              role: Type.Enum(["lead", "partner"]),
              answered: Type.Boolean({
                description: "Submitted an update on it after the round opened (and before it closed).",
              }),
            }),
          ),
        }),
      ),
      reminders: Type.Array(
        Type.Object({
          sendOn: Type.String({ format: "date" }),
          total: Type.Integer({ minimum: 0 }),
          sent: Type.Integer({ minimum: 0 }),
          skipped: Type.Integer({ minimum: 0 }),
          failing: Type.Integer({ minimum: 0 }),
        }),
      ),
    },
    {
      description:
        "One round: each organisation, what it owes and whether it has answered; its reminder days.",
    },
  ),
);

export const RoundParams = Type.Object({ id: Id });
