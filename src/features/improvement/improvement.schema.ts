import Type from "typebox";
import { Id, Nullable, Slug } from "../../platform/api/common.schema.ts";
import { component } from "../../platform/api/openapi.ts";
import { MEASURE_KINDS, PROJECT_STATUSES } from "./improvement.types.ts";

// /api/v1/improvement-projects: published improvement projects as open data, each measure with
// its values and the run chart's reading by the Anhøj rules.

export const IMPROVEMENT_TAG = {
  name: "Improvement projects",
  description: "Projects testing changes, their measures, values and run-chart signals.",
};

const DateString = Type.String({ format: "date", description: "YYYY-MM-DD" });
const Status = Type.Union(
  PROJECT_STATUSES.map((s) => Type.Literal(s)),
  { description: "planned, testing, spreading, sustained or stopped." },
);

const Aim = Type.Object({
  what: Type.String({ description: "What will get better, and for whom." }),
  howMuch: Type.String({ description: "By how much." }),
  by: DateString,
});

export const ProjectSummarySchema = component(
  "ImprovementProjectSummary",
  Type.Object({
    slug: Slug,
    title: Type.String(),
    status: Status,
    aim: Aim,
    organisations: Type.Array(Type.String(), { description: "The organisations taking part, by name." }),
    url: Type.String({ description: "The project in this API." }),
  }),
);

export const ProjectList = component(
  "ImprovementProjectList",
  Type.Object({ projects: Type.Array(ProjectSummarySchema, { description: "By title." }) }),
);

const Reading = Type.Object({
  verdict: Type.Union([Type.Literal("too-few"), Type.Literal("random"), Type.Literal("signal")], {
    description:
      "too-few: fewer than 10 values off the median, no verdict; signal: a shift or too few crossings.",
  }),
  median: Nullable(Type.Number({ description: "The median of the baseline values." })),
  baselineCount: Type.Integer({ minimum: 0 }),
  usefulPoints: Type.Integer({ minimum: 0, description: "Values not on the median." }),
  longestRun: Type.Integer({ minimum: 0 }),
  crossings: Type.Integer({ minimum: 0 }),
  limits: Nullable(
    Type.Object({
      longestRun: Type.Integer({ description: "A longer run is a shift: round(log2(n) + 3)." }),
      crossings: Type.Integer({
        description: "Fewer crossings is a signal: the 5th percentile of Binomial(n − 1, ½).",
      }),
    }),
  ),
  shift: Nullable(
    Type.Object({
      side: Type.Union([Type.Literal("above"), Type.Literal("below")]),
      length: Type.Integer(),
      from: DateString,
      to: DateString,
    }),
  ),
  rebasedMedian: Nullable(
    Type.Number({ description: "The median of the shift's values, drawn from its start." }),
  ),
  words: Type.String({ description: "The reading in plain words." }),
});

const MeasureSchema = Type.Object({
  id: Id,
  kind: Type.Union(MEASURE_KINDS.map((k) => Type.Literal(k))),
  name: Type.String(),
  unit: Type.String(),
  better: Type.Union([Type.Literal("up"), Type.Literal("down")]),
  baselinePoints: Type.Integer({ minimum: 1 }),
  values: Type.Array(
    Type.Object({
      date: DateString,
      value: Type.Number(),
      annotation: Type.String({ description: "A change made around this date, if any." }),
      centre: Type.Number({ description: "The median line drawn at this value." }),
      inShift: Type.Boolean(),
    }),
  ),
  reading: Reading,
});

export const ProjectSchema = component(
  "ImprovementProject",
  Type.Object({
    slug: Slug,
    title: Type.String(),
    status: Status,
    aim: Aim,
    team: Type.String(),
    learned: Type.String({ description: "What was learned." }),
    organisations: Type.Array(Type.Object({ slug: Slug, name: Type.String() })),
    councilAreas: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
    actions: Type.Array(Type.Object({ routeMap: Slug, key: Type.String(), text: Type.String() })),
    indicators: Type.Array(Type.Object({ slug: Slug, title: Type.String() })),
    measures: Type.Array(MeasureSchema),
  }),
);
