import { actorWithRole, createTestIndicator } from "../../src/features/indicators/indicator.test-support.ts";
import type { Db } from "../../src/platform/database.ts";
import { all, EVERYONE, type Expected, type MatrixPart, type Sample, signedIn } from "./matrix.types.ts";

// The progress framework: public pages and CSV, open data, and the analyst's pages. An unpublished
// indicator is not found by anyone who may not read private indicator data (authorize.ts:
// "indicator.read_private"), and never appears in the API, which is open data only.

interface Fixtures {
  published: string;
  unpublished: string;
  toPublish: string;
}

/** An unpublished indicator: readable by those with indicator.read_private, not found by the rest. */
const PRIVATE_READ: Expected = all(404, { reader: 200, editor: 200, administrator: 200, analyst: 200 });
const ANALYSTS_SEE: Expected = signedIn({ analyst: 200, administrator: 200 });

async function version(db: Db, slug: string): Promise<number> {
  const row = await db.selectFrom("indicator").select("version").where("slug", "=", slug).executeTakeFirst();
  return row?.version ?? 0;
}

const rows: Record<string, Sample<Fixtures>[]> = {
  "GET /indicators": [{ label: "the framework", url: () => "/indicators", expected: EVERYONE }],
  "GET /indicators/council-areas": [
    { label: "choose an area", url: () => "/indicators/council-areas", expected: EVERYONE },
    { label: "Glasgow", url: () => "/indicators/council-areas?area=S12000049", expected: EVERYONE },
  ],
  "GET /indicators/:slug": [
    { label: "published indicator", url: (f) => `/indicators/${f.published}`, expected: EVERYONE },
    { label: "unpublished indicator", url: (f) => `/indicators/${f.unpublished}`, expected: PRIVATE_READ },
  ],
  "GET /indicators/:slug/data.csv": [
    { label: "published indicator", url: (f) => `/indicators/${f.published}/data.csv`, expected: EVERYONE },
    {
      label: "unpublished indicator",
      url: (f) => `/indicators/${f.unpublished}/data.csv`,
      expected: PRIVATE_READ,
    },
  ],
  "GET /api/v1/indicators": [{ label: "the framework", url: () => "/api/v1/indicators", expected: EVERYONE }],
  "GET /api/v1/indicators/:slug": [
    { label: "published indicator", url: (f) => `/api/v1/indicators/${f.published}`, expected: EVERYONE },
    { label: "unpublished indicator", url: (f) => `/api/v1/indicators/${f.unpublished}`, expected: all(404) },
  ],
  "GET /api/v1/indicators/:slug/observations": [
    {
      label: "published indicator",
      url: (f) => `/api/v1/indicators/${f.published}/observations`,
      expected: EVERYONE,
    },
    {
      label: "unpublished indicator",
      url: (f) => `/api/v1/indicators/${f.unpublished}/observations`,
      expected: all(404),
    },
  ],
  "GET /manage/indicators": [
    { label: "the analyst's list", url: () => "/manage/indicators", expected: ANALYSTS_SEE },
  ],
  "GET /manage/indicators/:slug/upload": [
    { label: "upload form", url: (f) => `/manage/indicators/${f.published}/upload`, expected: ANALYSTS_SEE },
  ],
  "POST /manage/indicators/:slug/upload": [
    {
      // The matrix posts forms, not files: allowed visitors are asked to choose a file (400).
      label: "an upload with no file",
      url: (f) => `/manage/indicators/${f.published}/upload`,
      body: async () => ({}),
      expected: signedIn({ analyst: 400, administrator: 400 }),
    },
  ],
  "POST /manage/indicators/:slug/upload/:pendingId": [
    {
      label: "confirming an upload that is not theirs",
      url: (f) => `/manage/indicators/${f.published}/upload/999999`,
      body: async () => ({}),
      expected: signedIn({ analyst: 404, administrator: 404 }),
    },
  ],
  "POST /manage/indicators/:slug/publish": [
    {
      label: "publish an indicator",
      url: (f) => `/manage/indicators/${f.toPublish}/publish`,
      body: async (f, db) => ({ version: await version(db, f.toPublish), published: "yes" }),
      expected: signedIn({ analyst: 303, administrator: 303 }),
    },
  ],
};

export const indicatorsMatrix: MatrixPart<Fixtures> = {
  name: "progress framework",
  rows,
  async setup({ db, secret }) {
    const analyst = await actorWithRole(db, "analyst");
    // An unpublished indicator is for those who may read the framework's private parts.
    const hidden = secret("an unpublished indicator", ["analyst", "administrator", "editor", "reader"]);
    return {
      published: "children-looked-after",
      unpublished: (await createTestIndicator(db, analyst, { published: false, title: `Not yet ${hidden}` }))
        .slug,
      toPublish: (await createTestIndicator(db, analyst, { published: false })).slug,
    };
  },
};
