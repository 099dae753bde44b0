import { EVERYONE, type MatrixPart } from "./matrix.types.ts";

// Commitments from imported progress updates: published documents, so everyone reads them, in
// the page and in the API. Nothing here changes anything (the importer saves them: import.rows.ts).

export const commitmentsMatrix: MatrixPart<Record<string, never>> = {
  name: "commitments",
  async setup() {
    return {};
  },
  rows: {
    "GET /commitments": [{ label: "the commitments", url: () => "/commitments", expected: EVERYONE }],
    "GET /api/v1/commitments": [
      { label: "the commitments", url: () => "/api/v1/commitments", expected: EVERYONE },
    ],
  },
};
