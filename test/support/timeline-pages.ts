import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { addItem, listAudiences, setPublished } from "../../src/features/timeline/timeline.service.ts";
import { itemForm, makeOrganisation } from "../../src/features/timeline/timeline.test-support.ts";
import type { Db, Trx } from "../../src/platform/database.ts";
import { actorWith } from "./accounts.ts";
import type { Samples } from "./html-samples.ts";
import { postForm, type Session } from "./http.ts";

/**
 * Sample addresses of the timeline, for the HTML-validity test: three published asks of one
 * audience in one week (a clash), an approximate date, and a draft; and the add form sent back
 * with its clash warning.
 */
export async function timelinePages(db: Db): Promise<{
  publicPages: Samples;
  editorPages: Samples;
  errors: (app: FastifyInstance, editor: Session) => Array<[string, Promise<LightMyRequestResponse>, number]>;
}> {
  const editor = await actorWith(db, [{ role: "programme_editor" }]);
  const organisation = await makeOrganisation(db);
  const families = (await listAudiences(db)).find((a) => a.slug === "families-and-carers")!.id;
  const run = <T>(fn: (trx: Trx) => Promise<T>): Promise<T> => db.transaction().execute(fn);
  const save = { threshold: 2, saveAnyway: true };
  const published: number[] = [];
  for (const [start, end, kind] of [
    ["2031-07-01", "2031-07-10", "consultation"],
    ["2031-07-10", "2031-07-20", "survey"],
    ["2031-07-09", null, "event"],
  ] as const) {
    const id = await run((trx) =>
      addItem(trx, editor, itemForm(organisation.id, [families], start, end, { kind }), save),
    );
    await run((trx) => setPublished(trx, editor, id, 0, true));
    published.push(id);
  }
  const approximate = await run((trx) =>
    addItem(
      trx,
      editor,
      itemForm(organisation.id, [], "2031-01-01", null, {
        kind: "bill",
        dateKind: "approximate",
        approximatePart: "autumn",
        approximateYear: "2031",
        audiences: [],
      }),
      save,
    ),
  );
  await run((trx) => setPublished(trx, editor, approximate, 0, true));
  const draft = await run((trx) =>
    addItem(
      trx,
      editor,
      itemForm(organisation.id, [], "2031-03-01", null, { kind: "report", audiences: [] }),
      save,
    ),
  );
  const clashing = {
    title: "One more listening event",
    kind: "event",
    organisation: organisation.id,
    dateKind: "exact",
    "start-day": "8",
    "start-month": "7",
    "start-year": "2031",
    status: "planned",
    audiences: families,
  };
  return {
    publicPages: {
      "/timeline": [
        { query: "?show=all", label: "everything, with a clash" },
        {
          query: "?show=all&view=quarter&audience=families-and-carers",
          label: "by quarter, for one audience",
        },
        { query: "?show=upcoming&kind=survey&organisation=nobody", label: "nothing matches" },
      ],
      "/timeline/:id": [
        { params: { id: published[0]! }, label: "an ask in a clash" },
        { params: { id: approximate }, label: "an approximate date" },
      ],
      "/timeline/load": [{ query: "?year=2031", label: "a year with a clash" }],
    },
    editorPages: {
      "/manage/timeline": [{}, { query: "?saved=item", label: "after saving" }],
      "/manage/timeline/new": [{}],
      "/manage/timeline/:id": [
        { params: { id: draft }, label: "a draft" },
        { params: { id: approximate }, query: "?saved=published", label: "published, approximate" },
      ],
    },
    errors: (app, session) => [
      ["timeline: adding an ask that clashes", postForm(app, session, "/manage/timeline", clashing), 409],
      [
        "timeline: adding an item with errors",
        postForm(app, session, "/manage/timeline", { title: "", dateKind: "approximate" }),
        400,
      ],
    ],
  };
}
