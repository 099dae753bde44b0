import { createProject } from "../../src/features/improvement/improvement.service.ts";
import { addDataPoint, addMeasure } from "../../src/features/improvement/measure.service.ts";
import type { Actor } from "../../src/platform/actor.ts";
import type { Db } from "../../src/platform/database.ts";
import { makeUser } from "../support/editing-fixtures.ts";
import {
  all,
  EVERYONE,
  type Expected,
  type Fields,
  type MatrixPart,
  signedIn,
  type Visitor,
} from "./matrix.types.ts";

// Improvement projects: published ones are public (pages and CSV); a draft is not found by anyone
// who may not read it (improvement.read_draft: the programme team, readers, and contributors of
// an organisation taking part). Programme editors, administrators and the taking-part
// organisation's contributors change a project, its measures and data points; the outsider (a
// contributor of another organisation) is refused, and may not start a project for the matrix's
// organisation (400, naming the organisations field). The API is open data: published only.

interface Fixtures {
  published: string;
  draft: string;
  publishedMeasure: number;
  draftMeasure: number;
  /** A data point of the published measure for each visitor allowed to remove one. */
  points: Partial<Record<Visitor, number>>;
  organisationId: number;
}

const DRAFT_READ: Expected = all(404, { reader: 200, editor: 200, administrator: 200, contributor: 200 });
const EDITORS = { editor: 200, administrator: 200, contributor: 200 } as const;
const CHANGE: Expected = signedIn({ editor: 303, administrator: 303, contributor: 303 });

async function versionOf(db: Db, slug: string): Promise<number> {
  const row = await db
    .selectFrom("improvement_project")
    .select("version")
    .where("slug", "=", slug)
    .executeTakeFirst();
  return row?.version ?? 0;
}

async function measureVersion(db: Db, id: number): Promise<number> {
  const row = await db
    .selectFrom("improvement_measure")
    .select("version")
    .where("id", "=", id)
    .executeTakeFirst();
  return row?.version ?? 0;
}

function projectFields(f: Fixtures, title: string): Fields {
  return {
    title,
    aimWhat: "Fewer young people move home in a year.",
    aimHowMuch: "From 40 to 20 moves",
    "aimBy-day": "31",
    "aimBy-month": "3",
    "aimBy-year": "2027",
    team: "A practice lead",
    status: "testing",
    learned: "",
    published: "yes",
    organisations: String(f.organisationId),
    areas: "S12000036",
  };
}

async function project(db: Db, editor: Actor, organisationId: number, title: string, published: boolean) {
  return db.transaction().execute((trx) =>
    createProject(trx, editor, {
      title,
      aimWhat: "Fewer young people move home in a year.",
      aimHowMuch: "From 40 to 20 moves",
      aimBy: { day: "31", month: "3", year: "2027" },
      team: "",
      status: "testing",
      learned: "",
      published: published ? "yes" : undefined,
      areas: [],
      organisations: [String(organisationId)],
      actions: [],
      indicators: [],
    }),
  );
}

async function measureWithPoints(db: Db, editor: Actor, slug: string, annotation: string, count: number) {
  return db.transaction().execute(async (trx) => {
    const id = await addMeasure(trx, editor, slug, {
      kind: "outcome",
      name: "Moves each month",
      unit: "moves",
      better: "down",
      baselinePoints: "12",
    });
    for (let i = 0; i < count; i++)
      await addDataPoint(trx, editor, slug, id, i, {
        date: { day: "1", month: String((i % 12) + 1), year: String(2023 + Math.floor(i / 12)) },
        value: String(10 + (i % 3)),
        annotation,
      });
    return id;
  });
}

export const improvementMatrix: MatrixPart<Fixtures> = {
  name: "improvement",
  async setup(context) {
    const editor = await makeUser(context.db, "programme_editor");
    const published = await project(
      context.db,
      editor,
      context.organisationId,
      "Matrix published project",
      true,
    );
    const draft = await project(
      context.db,
      editor,
      context.organisationId,
      `Matrix draft project ${context.secret("a draft improvement project", ["reader", "editor", "administrator", "contributor"])}`,
      false,
    );
    const publishedMeasure = await measureWithPoints(context.db, editor, published, "", 12);
    const draftMeasure = await measureWithPoints(
      context.db,
      editor,
      draft,
      context.secret("a draft project's data point", ["reader", "editor", "administrator", "contributor"]),
      3,
    );
    const points = await context.db
      .selectFrom("improvement_data_point")
      .select("id")
      .where("measure_id", "=", publishedMeasure)
      .orderBy("date")
      .execute();
    return {
      published,
      draft,
      publishedMeasure,
      draftMeasure,
      points: { editor: points[0]?.id, administrator: points[1]?.id, contributor: points[2]?.id },
      organisationId: context.organisationId,
    };
  },
  rows: {
    "GET /improvement": [{ label: "published projects", url: () => "/improvement", expected: EVERYONE }],
    "GET /improvement/:slug": [
      { label: "published project", url: (f) => `/improvement/${f.published}`, expected: EVERYONE },
      { label: "draft project", url: (f) => `/improvement/${f.draft}`, expected: DRAFT_READ },
    ],
    "GET /improvement/:slug/measures/:measureId.csv": [
      {
        label: "published project's measure",
        url: (f) => `/improvement/${f.published}/measures/${f.publishedMeasure}.csv`,
        expected: EVERYONE,
      },
      {
        label: "draft project's measure",
        url: (f) => `/improvement/${f.draft}/measures/${f.draftMeasure}.csv`,
        expected: DRAFT_READ,
      },
    ],
    "GET /api/v1/improvement-projects": [
      { label: "published projects", url: () => "/api/v1/improvement-projects", expected: EVERYONE },
    ],
    "GET /api/v1/improvement-projects/:slug": [
      {
        label: "published project",
        url: (f) => `/api/v1/improvement-projects/${f.published}`,
        expected: EVERYONE,
      },
      // Open data: a draft is not found here, whoever asks.
      { label: "draft project", url: (f) => `/api/v1/improvement-projects/${f.draft}`, expected: all(404) },
    ],
    "GET /manage/improvement": [
      {
        label: "the projects one may change",
        url: () => "/manage/improvement",
        expected: signedIn({ ...EDITORS, outsider: 200 }),
      },
    ],
    "GET /manage/improvement/new": [
      {
        label: "start a project",
        url: () => "/manage/improvement/new",
        expected: signedIn({ ...EDITORS, outsider: 200 }),
      },
    ],
    "POST /manage/improvement": [
      {
        label: "a project of the matrix's organisation",
        url: () => "/manage/improvement",
        body: async (f, _db, visitor) => projectFields(f, `Started by ${visitor}`),
        expected: signedIn({ editor: 303, administrator: 303, contributor: 303, outsider: 400 }),
      },
    ],
    "GET /manage/improvement/:slug": [
      {
        label: "published project",
        url: (f) => `/manage/improvement/${f.published}`,
        expected: signedIn(EDITORS),
      },
      {
        label: "draft project",
        url: (f) => `/manage/improvement/${f.draft}`,
        expected: signedIn({ ...EDITORS, outsider: 404 }),
      },
    ],
    "POST /manage/improvement/:slug": [
      {
        label: "published project",
        url: (f) => `/manage/improvement/${f.published}`,
        body: async (f, db) => ({
          ...projectFields(f, "Matrix published project"),
          version: await versionOf(db, f.published),
        }),
        expected: CHANGE,
      },
    ],
    "POST /manage/improvement/:slug/measures": [
      {
        label: "published project",
        url: (f) => `/manage/improvement/${f.published}/measures`,
        body: async () => ({
          kind: "process",
          name: "Plans agreed",
          unit: "plans",
          better: "up",
          baselinePoints: "12",
        }),
        expected: CHANGE,
      },
    ],
    "GET /manage/improvement/:slug/measures/:measureId": [
      {
        label: "published project's measure",
        url: (f) => `/manage/improvement/${f.published}/measures/${f.publishedMeasure}`,
        expected: signedIn(EDITORS),
      },
      {
        label: "draft project's measure",
        url: (f) => `/manage/improvement/${f.draft}/measures/${f.draftMeasure}`,
        expected: signedIn({ ...EDITORS, outsider: 404 }),
      },
    ],
    "POST /manage/improvement/:slug/measures/:measureId": [
      {
        label: "published project's measure",
        url: (f) => `/manage/improvement/${f.published}/measures/${f.publishedMeasure}`,
        body: async (f, db) => ({
          kind: "outcome",
          name: "Moves each month",
          unit: "moves",
          better: "down",
          baselinePoints: "10",
          version: await measureVersion(db, f.publishedMeasure),
        }),
        expected: CHANGE,
      },
    ],
    "POST /manage/improvement/:slug/measures/:measureId/points": [
      {
        label: "published project's measure",
        url: (f) => `/manage/improvement/${f.published}/measures/${f.publishedMeasure}/points`,
        body: async (f, db, visitor) => ({
          "date-day": String(2 + Math.max(0, ["editor", "administrator", "contributor"].indexOf(visitor))),
          "date-month": "6",
          "date-year": "2025",
          value: "7",
          annotation: "",
          version: await measureVersion(db, f.publishedMeasure),
        }),
        expected: CHANGE,
      },
    ],
    "POST /manage/improvement/:slug/measures/:measureId/file": [
      {
        // The matrix posts forms, not files: allowed visitors are asked to choose a file (400).
        label: "a file of values with no file",
        url: (f) => `/manage/improvement/${f.published}/measures/${f.publishedMeasure}/file`,
        body: async (f, db) => ({ version: await measureVersion(db, f.publishedMeasure) }),
        expected: signedIn({ editor: 400, administrator: 400, contributor: 400 }),
      },
    ],
    "POST /manage/improvement/:slug/measures/:measureId/points/:pointId/remove": [
      {
        label: "a data point of the published project",
        url: (f, visitor) =>
          `/manage/improvement/${f.published}/measures/${f.publishedMeasure}/points/${f.points[visitor] ?? f.points.editor}/remove`,
        body: async (f, db) => ({ version: await measureVersion(db, f.publishedMeasure) }),
        expected: CHANGE,
      },
    ],
  },
};
