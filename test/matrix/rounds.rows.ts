import type { Db } from "../../src/platform/database.ts";
import { openRoundAs, roundFields } from "../support/round-pages.ts";
import { all, type Expected, type MatrixPart, type Sample, signedIn } from "./matrix.types.ts";

// Reporting rounds: for the programme team (progress.review: programme editors and
// administrators), pages and API. Contributors see the open rounds on their organisation's
// progress page, whose rows are accountability's.

interface Fixtures {
  roundId: number;
}

const EDITORS_SEE: Expected = signedIn({ editor: 200, administrator: 200 });
const EDITORS_CHANGE: Expected = signedIn({ editor: 303, administrator: 303 });
/** The API: the public are told to sign in (401), other roles are refused. */
const EDITORS_API: Expected = all(403, { public: 401, editor: 200, administrator: 200 });

const rows: Record<string, Sample<Fixtures>[]> = {
  "GET /rounds": [{ label: "the rounds", url: () => "/rounds", expected: EDITORS_SEE }],
  "GET /rounds/new": [{ label: "the form", url: () => "/rounds/new", expected: EDITORS_SEE }],
  "POST /rounds": [
    {
      label: "open a round",
      url: () => "/rounds",
      body: (_f, db: Db) => roundFields(db),
      expected: EDITORS_CHANGE,
    },
  ],
  "GET /rounds/:id": [{ label: "a round", url: (f) => `/rounds/${f.roundId}`, expected: EDITORS_SEE }],
  "POST /rounds/:id/close": [
    {
      label: "close a round",
      url: (f) => `/rounds/${f.roundId}/close`,
      body: async () => ({}),
      expected: EDITORS_CHANGE,
    },
  ],
  "GET /api/v1/rounds": [{ label: "the rounds", url: () => "/api/v1/rounds", expected: EDITORS_API }],
  "GET /api/v1/rounds/:id": [
    { label: "a round", url: (f) => `/api/v1/rounds/${f.roundId}`, expected: EDITORS_API },
  ],
};

export const roundsMatrix: MatrixPart<Fixtures> = {
  name: "rounds",
  rows,
  async setup({ app, db, sessions, secret }) {
    // A round is the programme team's; an organisation it asks (the matrix's) sees it on its
    // progress page, as do readers of every organisation's private progress.
    const title = `Autumn round ${secret("a reporting round", ["editor", "administrator", "reader", "contributor"])}`;
    return { roundId: await openRoundAs(app, db, sessions.editor, { title }) };
  },
};
