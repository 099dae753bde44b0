import { progressVersion } from "../../src/features/accountability/accountability.service.ts";
import { saveUpdate } from "../../src/features/accountability/progress.service.ts";
import { londonToday } from "../../src/platform/dates.ts";
import { actorWith } from "../support/accounts.ts";
import { postForm } from "../support/http.ts";
import { leadership } from "./leadership.ts";
import {
  EVERYONE,
  type Expected,
  type Fields,
  type MatrixPart,
  type Sample,
  signedIn,
} from "./matrix.types.ts";

// Reports: anyone reads them, their files and their API (a report holds only what the public may
// see); programme editors and administrators generate them. Before generating, the matrix
// organisation keeps a draft update on a Leadership action, with a marker: no report, file or
// answer may carry it, whoever asks (the organisation's own pages, where its readers see its
// drafts, are accountability's rows, checked before this draft is written).

interface Fixtures {
  routeMapReport: number;
  earlierReport: number;
  organisationReport: number;
  editionId: number;
}

const EDITORS_SEE: Expected = signedIn({ editor: 200, administrator: 200 });
const EDITORS_CHANGE: Expected = signedIn({ editor: 303, administrator: 303 });

function today(): Fields {
  const [year, month, day] = londonToday().split("-");
  return { "asAt-day": day!, "asAt-month": month!, "asAt-year": year! };
}

const rows: Record<string, Sample<Fixtures>[]> = {
  "GET /reports": [{ label: "every report", url: () => "/reports", expected: EVERYONE }],
  "GET /reports/:id": [
    { label: "a route-map report", url: (f) => `/reports/${f.routeMapReport}`, expected: EVERYONE },
    { label: "an organisation report", url: (f) => `/reports/${f.organisationReport}`, expected: EVERYONE },
  ],
  "GET /reports/:id/compare/:other": [
    {
      label: "two reports on the same route map",
      url: (f) => `/reports/${f.routeMapReport}/compare/${f.earlierReport}`,
      expected: EVERYONE,
    },
  ],
  "GET /reports/:id/report.docx": [
    {
      label: "an organisation report in Word",
      url: (f) => `/reports/${f.organisationReport}/report.docx`,
      expected: EVERYONE,
    },
  ],
  "GET /reports/:id/report.xlsx": [
    {
      label: "an organisation report's data",
      url: (f) => `/reports/${f.organisationReport}/report.xlsx`,
      expected: EVERYONE,
    },
  ],
  "GET /reports/:id/report.pdf": [
    {
      label: "a route-map report as PDF",
      url: (f) => `/reports/${f.routeMapReport}/report.pdf`,
      expected: EVERYONE,
    },
  ],
  "GET /manage/reports": [{ label: "the form", url: () => "/manage/reports", expected: EDITORS_SEE }],
  "POST /manage/reports": [
    {
      label: "generate a route-map report",
      url: () => "/manage/reports",
      body: async (f) => ({ kind: "route_map", edition: f.editionId, ...today() }),
      expected: EDITORS_CHANGE,
    },
  ],
  "GET /api/v1/reports": [{ label: "every report", url: () => "/api/v1/reports", expected: EVERYONE }],
  "GET /api/v1/reports/:id": [
    {
      label: "an organisation report",
      url: (f) => `/api/v1/reports/${f.organisationReport}`,
      expected: EVERYONE,
    },
  ],
};

export const reportsMatrix: MatrixPart<Fixtures> = {
  name: "reports",
  rows,
  async setup({ app, db, sessions, organisationId, secret }) {
    const { themeId, actionKeys, organisationSlug } = await leadership(db, organisationId);
    // The matrix organisation leads the last action (accountability.rows.ts names it there).
    const key = actionKeys.at(-1)!;
    const editor = await actorWith(db, [{ role: "programme_editor" }]);
    await db.transaction().execute(async (trx) =>
      saveUpdate(trx, editor, {
        organisationSlug,
        themeSlug: "leadership",
        key,
        version: await progressVersion(trx, themeId, key, organisationId),
        intent: "draft",
        status: "complete",
        percent: undefined,
        narrative: `Not ready to share. ${secret("a draft update a report must leave out", [])}`,
        confidence: "self_assessed",
      }),
    );
    const edition = await db
      .selectFrom("route_map_edition")
      .select("id")
      .where("theme_id", "=", themeId)
      .where("status", "=", "published")
      .orderBy("last_updated", "desc")
      .executeTakeFirstOrThrow();
    const generate = async (fields: Fields) => {
      const response = await postForm(app, sessions.editor, "/manage/reports", fields);
      if (response.statusCode !== 303)
        throw new Error(`Could not generate a report: ${response.body.slice(0, 500)}`);
      return Number(/\/reports\/(\d+)$/.exec(String(response.headers.location))![1]);
    };
    return {
      editionId: edition.id,
      earlierReport: await generate({
        kind: "route_map",
        edition: edition.id,
        "asAt-day": "1",
        "asAt-month": "1",
        "asAt-year": "2025",
      }),
      routeMapReport: await generate({ kind: "route_map", edition: edition.id, ...today() }),
      organisationReport: await generate({
        kind: "organisation",
        organisation: organisationSlug,
        ...today(),
      }),
    };
  },
};
