import { addItem, setPublished } from "../../src/features/timeline/timeline.service.ts";
import { itemForm, makeOrganisation } from "../../src/features/timeline/timeline.test-support.ts";
import type { Db, Trx } from "../../src/platform/database.ts";
import { actorWith } from "../support/accounts.ts";
import { all, EVERYONE, type Expected, type MatrixPart, signedIn } from "./matrix.types.ts";

// The forward timeline: published items are everyone's (pages, calendars, CSV); drafts and the
// editors' pages are for timeline.edit (programme editors and administrators), and a draft is
// not found (404) for everyone else. The draft's title carries a secret marker.

interface Fixtures {
  published: number;
  draft: number;
  toPublish: number;
  organisationId: number;
}

const SEE: Expected = signedIn({ editor: 200, administrator: 200 });
const CHANGE: Expected = signedIn({ editor: 303, administrator: 303 });
const EDITORS_ONLY: Expected = all(404, { editor: 200, administrator: 200 });

async function versionOf(db: Db, id: number): Promise<number> {
  const row = await db.selectFrom("timeline_item").select("version").where("id", "=", id).executeTakeFirst();
  return row?.version ?? 0;
}

function reportForm(organisationId: number, title: string) {
  return {
    title,
    kind: "report",
    organisation: organisationId,
    dateKind: "exact",
    "start-day": "1",
    "start-month": "10",
    "start-year": "2030",
    status: "planned",
  };
}

export const timelineMatrix: MatrixPart<Fixtures> = {
  name: "timeline",
  async setup({ db, secret }) {
    const editor = await actorWith(db, [{ role: "programme_editor" }]);
    const organisation = await makeOrganisation(db);
    const run = <T>(fn: (trx: Trx) => Promise<T>): Promise<T> => db.transaction().execute(fn);
    const save = { threshold: 2, saveAnyway: true };
    const report = (title: string) =>
      itemForm(organisation.id, [], "2030-09-01", null, { title, kind: "report", audiences: [] });
    const published = await run((trx) => addItem(trx, editor, report("Matrix published report"), save));
    await run((trx) => setPublished(trx, editor, published, 0, true));
    const draft = await run((trx) =>
      addItem(
        trx,
        editor,
        report(`Draft ${secret("a draft timeline item", ["editor", "administrator"])}`),
        save,
      ),
    );
    const toPublish = await run((trx) => addItem(trx, editor, report("Matrix report to publish"), save));
    return { published, draft, toPublish, organisationId: organisation.id };
  },
  rows: {
    "GET /timeline": [{ label: "the timeline", url: () => "/timeline?show=all", expected: EVERYONE }],
    "GET /timeline/load": [{ label: "the load", url: () => "/timeline/load?year=2030", expected: EVERYONE }],
    "GET /timeline/:id": [
      { label: "published item", url: (f) => `/timeline/${f.published}`, expected: EVERYONE },
      { label: "draft item", url: (f) => `/timeline/${f.draft}`, expected: EDITORS_ONLY },
    ],
    "GET /timeline.ics": [{ label: "everything", url: () => "/timeline.ics", expected: EVERYONE }],
    "GET /timeline/audiences/:slug.ics": [
      { label: "one audience", url: () => "/timeline/audiences/workforce.ics", expected: EVERYONE },
    ],
    "GET /timeline.csv": [{ label: "everything", url: () => "/timeline.csv", expected: EVERYONE }],
    "GET /api/v1/timeline": [{ label: "the timeline", url: () => "/api/v1/timeline", expected: EVERYONE }],
    "GET /api/v1/timeline/:id": [
      { label: "published item", url: (f) => `/api/v1/timeline/${f.published}`, expected: EVERYONE },
      { label: "draft item", url: (f) => `/api/v1/timeline/${f.draft}`, expected: EDITORS_ONLY },
    ],
    "GET /manage/timeline": [{ label: "list with drafts", url: () => "/manage/timeline", expected: SEE }],
    "GET /manage/timeline/new": [{ label: "form", url: () => "/manage/timeline/new", expected: SEE }],
    "POST /manage/timeline": [
      {
        label: "add an item",
        url: () => "/manage/timeline",
        body: async (f) => reportForm(f.organisationId, "Matrix added report"),
        expected: CHANGE,
      },
    ],
    "GET /manage/timeline/:id": [
      { label: "change form of a draft", url: (f) => `/manage/timeline/${f.draft}`, expected: SEE },
    ],
    "POST /manage/timeline/:id": [
      {
        label: "change an item",
        url: (f) => `/manage/timeline/${f.published}`,
        body: async (f, db) => ({
          ...reportForm(f.organisationId, "Matrix published report"),
          version: await versionOf(db, f.published),
        }),
        expected: CHANGE,
      },
    ],
    "POST /manage/timeline/:id/publish": [
      {
        label: "publish an item",
        url: (f) => `/manage/timeline/${f.toPublish}/publish`,
        body: async (f, db) => ({ version: await versionOf(db, f.toPublish), published: "yes" }),
        expected: CHANGE,
      },
    ],
  },
};
