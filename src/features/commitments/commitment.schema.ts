import Type from "typebox";
import { Id, Nullable } from "../../platform/api/common.schema.ts";
import { component } from "../../platform/api/openapi.ts";

// /api/v1/commitments: the key actions of imported progress updates, with their sources.

export const COMMITMENT_TAG = {
  name: "Commitments",
  description: "The key actions the progress updates set out, from the published documents.",
};

const CommitmentSchema = component(
  "Commitment",
  Type.Object({
    id: Id,
    ordinal: Type.Integer({ minimum: 1, description: "Its place among the part's key actions, from 1." }),
    number: Nullable(Type.Integer({ description: "The number the document printed before it, if any." })),
    text: Type.String({ description: "The key action as printed." }),
    details: Type.Array(Type.String(), { description: "The paragraphs under it." }),
    subItems: Type.Array(Type.String(), { description: "A list it introduces." }),
    status: Nullable(Type.String({ description: "A status the update gives it, if any." })),
  }),
);

export const CommitmentSourceList = component(
  "CommitmentSourceList",
  Type.Object({
    sources: Type.Array(
      Type.Object({
        documentId: Id,
        title: Nullable(Type.String({ description: "The progress update's title." })),
        year: Nullable(Type.Integer()),
        partNumber: Nullable(Type.String({ description: "The part, as numbered: `3`." })),
        partTitle: Nullable(Type.String()),
        sourceAddress: Nullable(Type.String({ description: "The web address it was saved from, if known." })),
        importedAt: Type.String({ format: "date-time" }),
        commitments: Type.Array(CommitmentSchema),
      }),
      { description: "Newest import first; key actions in the document's order." },
    ),
  }),
);
