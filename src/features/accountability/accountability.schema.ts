import Type from "typebox";
import { ORGANISATION_TYPES } from "../../db/schema/organisations.ts";
import { ApiUrl, Nullable, Slug, ThemeReference } from "../../platform/api/common.schema.ts";
import { component } from "../../platform/api/openapi.ts";
import { CONFIDENCE_LEVELS, EVIDENCE_KINDS, STATUSES } from "./progress-status.ts";

// The JSON shapes of accountability's open data: organisations, who must act, and submitted
// progress updates. An organisation's drafts appear only to those who may read them, and its
// contributors and the programme team may write its updates.

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

const Evidence = Type.Array(
  Type.Object({
    kind: Type.Enum(Object.keys(EVIDENCE_KINDS)),
    title: Type.String(),
    url: Nullable(Type.String()),
    body: Type.String(),
  }),
);

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
      evidence: Evidence,
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
          version: Type.Integer({
            description:
              "The version of this organisation's update of the action: send it back when writing an update (POST …/updates). Only this organisation's progress changes move it; other organisations named on the action have their own.",
          }),
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

const Narrative = Type.String({ maxLength: 10_000 });

export const UpdateBody = component(
  "UpdateBody",
  Type.Object(
    {
      theme: Slug,
      key: ActionKey,
      version: Type.Integer({
        minimum: 0,
        maximum: 2147483647,
        description:
          "The action's `version` from the organisation's page (GET /organisations/{slug}). If someone has changed this organisation's progress on the action since, nothing is saved (409): read it again. Other organisations' updates of the action do not change it.",
      }),
      submit: Type.Optional(
        Type.Boolean({
          description:
            "true makes the update public (a narrative is then needed); false or absent keeps it a draft.",
        }),
      ),
      status: Type.Enum(STATUSES.map((s) => s.code)),
      percent: Type.Optional(
        Type.Integer({
          minimum: 0,
          maximum: 100,
          description: "How far through the action is; the status's usual figure when absent.",
        }),
      ),
      narrative: Type.Optional(Narrative),
      confidence: Type.Enum(CONFIDENCE_LEVELS.map((c) => c.code)),
      evidence: Type.Optional(
        Type.Object(
          {
            link: Type.Optional(
              Type.Object(
                {
                  url: Type.String({ maxLength: 2000 }),
                  title: Type.Optional(Type.String({ maxLength: 200 })),
                },
                { additionalProperties: false },
              ),
            ),
            indicator: Type.Optional(Type.String({ maxLength: 200, description: "The indicator's name." })),
            voice: Type.Optional(Narrative),
          },
          {
            additionalProperties: false,
            description: "Evidence to add to the update. Documents are uploaded through the update page.",
          },
        ),
      ),
    },
    {
      additionalProperties: false,
      description: "An organisation's progress update on one action it is named on, as a draft or submitted.",
    },
  ),
);

export const SavedUpdate = component(
  "SavedUpdate",
  Type.Object(
    {
      id: Type.Integer(),
      state: Type.Enum(["draft", "submitted"]),
      organisation: Type.Object({ slug: Slug, name: Type.String() }),
      theme: ThemeReference,
      key: ActionKey,
      version: Type.Integer({
        description:
          "The version of the organisation's update of the action now: send it with its next update.",
      }),
      status: Type.Enum(STATUSES.map((s) => s.code)),
      percent: Type.Integer({ minimum: 0, maximum: 100 }),
      narrative: Type.String(),
      confidence: Type.Enum(CONFIDENCE_LEVELS.map((c) => c.code)),
      evidence: Evidence,
      updatedAt: Type.String({ format: "date-time" }),
      url: ApiUrl,
    },
    { description: "The update as saved. A draft is seen only by the organisation and the programme team." },
  ),
);
