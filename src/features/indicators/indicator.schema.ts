import Type from "typebox";
import { ApiUrl, Nullable, Slug } from "../../platform/api/common.schema.ts";
import { component } from "../../platform/api/openapi.ts";

// The progress framework in the JSON API. Published indicators only; values hidden to protect
// privacy are null with the flag "suppressed", for the public as on the pages.

const Period = Type.String({
  description: 'A calendar year ("2023"), a financial year ("2022-23") or a snapshot date ("2023-07-31").',
});

export const ProgressStatusSchema = component(
  "ProgressStatus",
  Type.Object(
    {
      status: Type.Enum([
        "target_achieved",
        "substantial",
        "moderate",
        "limited",
        "deterioration",
        "not_enough_data",
      ]),
      label: Type.String(),
      baseline: Nullable(Type.Object({ period: Period, value: Type.Number() })),
      latest: Nullable(Type.Object({ period: Period, value: Type.Number() })),
      explanation: Type.String({ description: "How this status was worked out, with its numbers." }),
      method: Type.Array(Type.String(), { description: "The method, in plain words." }),
    },
    { description: "The automatic progress status, from Scotland's published values." },
  ),
);

export const IndicatorSummarySchema = component(
  "IndicatorSummary",
  Type.Object({
    slug: Slug,
    title: Type.String(),
    kind: Type.Enum(["core", "contextual"]),
    measure: Type.Enum(["process", "outcome"]),
    unit: Type.String(),
    status: ProgressStatusSchema,
    url: ApiUrl,
  }),
);

export const Framework = component(
  "ProgressFramework",
  Type.Object(
    {
      visionStatements: Type.Array(
        Type.Object({
          slug: Slug,
          title: Type.String(),
          summary: Type.String(),
          outcomes: Type.Array(
            Type.Object({ slug: Slug, title: Type.String(), indicators: Type.Array(IndicatorSummarySchema) }),
          ),
        }),
      ),
    },
    { description: "Every vision statement, its outcomes and their published indicators." },
  ),
);

export const IndicatorSchema = component(
  "Indicator",
  Type.Object({
    slug: Slug,
    title: Type.String(),
    definition: Type.String(),
    unit: Type.String(),
    better: Type.Enum(["higher", "lower", "neither"], { description: "Which direction is better." }),
    kind: Type.Enum(["core", "contextual"]),
    measure: Type.Enum(["process", "outcome"]),
    source: Type.String(),
    sourceUrl: Nullable(Type.String()),
    publisher: Type.String(),
    lastUpdated: Nullable(Type.String({ format: "date" })),
    nextUpdate: Nullable(Type.String()),
    baseline: Nullable(Type.Object({ period: Period, value: Nullable(Type.Number()) })),
    target: Nullable(Type.Object({ value: Type.Number(), date: Nullable(Type.String({ format: "date" })) })),
    story: Type.String(),
    breakdowns: Type.Array(Type.String(), { description: "The breakdown names observations may carry." }),
    smallNumberThreshold: Nullable(
      Type.Integer({ description: "Counts from 1 to this number minus one are suppressed." }),
    ),
    outcome: Type.Object({ slug: Slug, title: Type.String() }),
    visionStatement: Type.Object({ slug: Slug, title: Type.String() }),
    status: ProgressStatusSchema,
    observations: ApiUrl,
  }),
);

export const ObservationSchema = component(
  "Observation",
  Type.Object({
    period: Period,
    geography: Type.String({
      description: "Official code: S92000003 (Scotland), S12… council areas, S08… health boards.",
    }),
    geographyName: Type.String(),
    breakdown: Type.Record(Type.String(), Type.String()),
    value: Nullable(Type.Number({ description: "Null when suppressed." })),
    flag: Nullable(Type.Enum(["provisional", "revised", "estimated", "suppressed"])),
  }),
);

export const ObservationList = component(
  "ObservationList",
  Type.Object({ indicator: Slug, observations: Type.Array(ObservationSchema) }),
);

export const ObservationQuery = Type.Object({
  geography: Type.Optional(Type.String({ pattern: "^S[0-9]{8}$", description: "Only this geography." })),
});
