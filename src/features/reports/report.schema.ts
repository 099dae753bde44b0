import Type from "typebox";
import { IdOf, Nullable } from "../../platform/api/common.schema.ts";
import { component } from "../../platform/api/openapi.ts";

// /api/v1/reports: frozen reports, listed and each with the data it shows (its snapshot).

export const REPORT_TAG = {
  name: "Reports",
  description:
    "Reports generated as at a date and kept exactly as generated, each with its data and its files (Word, spreadsheet, PDF).",
};

export const ReportParams = Type.Object({ id: IdOf("The report's id.") });

const Kind = Type.Union([Type.Literal("route_map"), Type.Literal("organisation")], {
  description: "What the report is about: a route-map edition, or an organisation.",
});

const Files = Type.Object(
  {
    docx: Type.String({ format: "uri", description: "The report as a Word document." }),
    xlsx: Type.String({ format: "uri", description: "The report's data as a spreadsheet." }),
    pdf: Type.String({ format: "uri", description: "The report as a tagged PDF." }),
  },
  { description: "The files made when the report was generated." },
);

const ReportSummarySchema = component(
  "ReportSummary",
  Type.Object({
    id: IdOf("The report's id."),
    kind: Kind,
    subject: Type.String({ description: "A route-map edition's id, or an organisation's slug." }),
    title: Type.String(),
    asAt: Type.String({ format: "date", description: "Progress as it stood at the end of this day." }),
    generatedAt: Type.String({ format: "date-time" }),
    page: Type.String({ format: "uri", description: "The report's page." }),
    files: Files,
  }),
);

export const ReportList = component(
  "ReportList",
  Type.Object({
    reports: Type.Array(ReportSummarySchema, { description: "Newest date first." }),
  }),
);

const ReportActionSchema = component(
  "ReportAction",
  Type.Object({
    key: Type.String({ description: "The action's stable key in its route map." }),
    text: Type.String(),
    routeMap: Type.String({ description: "The route map's name." }),
    path: Type.String({ description: "The action's page, from the site's root." }),
    leads: Type.Array(Type.String()),
    partners: Type.Array(Type.String()),
    role: Nullable(
      Type.String({ description: "How the organisation is named on it (organisation reports)." }),
    ),
    due: Type.String({ description: "When it is due, in words." }),
    overdue: Type.Boolean({ description: "Its due date had passed, not done, on the report's date." }),
    update: Nullable(
      Type.Object(
        {
          status: Type.String({ description: "The status code: not_started, in_progress, on_track, …" }),
          statusLabel: Type.String(),
          percent: Nullable(Type.Integer({ description: "Null when superseded." })),
          submittedOn: Type.String({ format: "date" }),
          organisation: Type.String({ description: "Who gave the update." }),
          narrative: Type.String(),
        },
        { description: "The newest update submitted by the end of the report's date; null if none." },
      ),
    ),
  }),
);

export const ReportDetail = component(
  "Report",
  Type.Object({
    id: IdOf("The report's id."),
    kind: Kind,
    subject: Type.String(),
    title: Type.String(),
    asAt: Type.String({ format: "date" }),
    generatedAt: Type.String({ format: "date-time" }),
    page: Type.String({ format: "uri" }),
    files: Files,
    totals: Type.Array(
      Type.Object({
        status: Nullable(Type.String({ description: "Null: not reported by the date." })),
        label: Type.String(),
        count: Type.Integer({ minimum: 0 }),
      }),
      { description: "How many actions had each status on the report's date." },
    ),
    introduction: Type.Array(Type.String()),
    outcomes: Type.Array(Type.String(), {
      description: "A route map's outcomes (empty for an organisation).",
    }),
    sections: Type.Array(Type.Object({ heading: Type.String(), actions: Type.Array(ReportActionSchema) })),
  }),
);
