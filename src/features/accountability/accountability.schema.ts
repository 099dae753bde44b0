import Type from "typebox";
import { ApiUrl, Nullable, Slug, ThemeReference } from "../api/common.schema.ts";
import { component } from "../api/openapi.ts";
import { ORGANISATION_TYPES } from "../organisations/organisation.types.ts";
import { CONFIDENCE_LEVELS, EVIDENCE_KINDS, STATUSES } from "./progress-status.ts";

// The JSON shapes of accountability's open data: organisations, who must act, and submitted
// progress updates. An organisation's drafts appear only to those who may read them.

export const ActionKey = Type.String({
  format: "uuid",
  description: "The action's stable key: the same action keeps it from edition to edition.",
});

export const OrganisationSummary = component(
  "OrganisationSummary",
  Type.Object({
    slug: Slug,
    name: Type.String(),
    type: Type.Enum([...ORGANISATION_TYPES]),
    areaCode: Nullable(Type.String({ description: "Official code of the council area, e.g. S12000033." })),
    sectors: Type.Array(Type.Object({ slug: Slug, name: Type.String() })),
    url: ApiUrl,
  }),
);

export const OrganisationList = component(
  "OrganisationList",
  Type.Object({ organisations: Type.Array(OrganisationSummary) }, { description: "The register, by name." }),
);

const Party = Type.Object({
  kind: Type.Enum(["organisation", "sector"]),
  slug: Slug,
  name: Type.String(),
  role: Type.Enum(["lead", "partner"]),
});

const Due = Type.Object({
  year: Nullable(Type.Integer()),
  date: Nullable(Type.String({ format: "date" })),
});

export const ProgressUpdate = component(
  "ProgressUpdate",
  Type.Object(
    {
      organisation: Type.Object({ slug: Slug, name: Type.String() }),
      status: Type.Enum(STATUSES.map((s) => s.code)),
      percent: Type.Integer({ minimum: 0, maximum: 100 }),
      narrative: Type.String(),
      confidence: Type.Enum(CONFIDENCE_LEVELS.map((c) => c.code)),
      submittedAt: Type.String({ format: "date-time" }),
      evidenceRequested: Type.Boolean({ description: "Whether the programme team asked for more evidence." }),
      evidence: Type.Array(
        Type.Object({
          kind: Type.Enum(Object.keys(EVIDENCE_KINDS)),
          title: Type.String(),
          url: Nullable(Type.String()),
          body: Type.String(),
        }),
      ),
    },
    { description: "A submitted progress update: drafts are never published." },
  ),
);

export const DraftUpdate = component(
  "DraftUpdate",
  Type.Object(
    {
      status: Type.Enum(STATUSES.map((s) => s.code)),
      percent: Type.Integer({ minimum: 0, maximum: 100 }),
      narrative: Type.String(),
      confidence: Type.Enum(CONFIDENCE_LEVELS.map((c) => c.code)),
      updatedAt: Type.String({ format: "date-time" }),
    },
    {
      description:
        "An organisation's draft update, not yet submitted: only its own contributors, readers and the programme team see it.",
    },
  ),
);

export const ActionAccount = component(
  "ActionAccount",
  Type.Object({
    theme: ThemeReference,
    key: ActionKey,
    text: Type.String(),
    parties: Type.Array(Party),
    due: Due,
    overdue: Type.Boolean(),
    latest: Nullable(ProgressUpdate),
    url: ApiUrl,
  }),
);

export const OrganisationAccount = component(
  "OrganisationAccount",
  Type.Object(
    {
      organisation: OrganisationSummary,
      actions: Type.Array(
        Type.Object({
          role: Type.Enum(["lead", "partner"]),
          action: ActionAccount,
          stale: Type.Boolean({
            description:
              "No submitted update within the stale period (WAYMARK_STALE_AFTER_DAYS, 180 days unless set), or none at all.",
          }),
          draft: Type.Optional(
            Type.Union([DraftUpdate, Type.Null()], {
              description:
                "The organisation's draft on this action, or null: only for someone who may read its drafts (with a session or an API token).",
            }),
          ),
        }),
      ),
    },
    { description: "Everything an organisation must act on, across every route map's latest edition." },
  ),
);

export const ActionStory = component(
  "ActionStory",
  Type.Object(
    {
      theme: ThemeReference,
      key: ActionKey,
      text: Type.String(),
      parties: Type.Array(Party),
      due: Due,
      updates: Type.Array(ProgressUpdate, { description: "Every submitted update, newest first." }),
    },
    { description: "One action: who must act, by when, and its submitted updates." },
  ),
);

export const ActionParams = Type.Object({ slug: Slug, key: ActionKey });
