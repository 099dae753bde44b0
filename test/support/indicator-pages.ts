import type { FastifyInstance } from "fastify";
import { csv, postFile } from "../../src/features/indicators/indicator.test-support.ts";
import type { Db } from "../../src/platform/database.ts";
import type { RecordPage } from "./html-samples.ts";
import { getPage, postForm, type Session, signIn } from "./http.ts";

// The progress framework's analyst pages for the HTML-validity test: the list, the upload form,
// a preview, a file with row-level errors, and a form sent without a file; the framework's forms,
// empty, filled and refused. On the demo data.

export async function visitIndicatorPages(
  app: FastifyInstance,
  db: Db,
  record: RecordPage,
  sampled: Set<string>,
): Promise<void> {
  const analyst = await signIn(app, db, "analyst");
  const upload = "/manage/indicators/children-looked-after/upload";
  sampled.add("/manage/indicators");
  sampled.add("/manage/indicators/:slug/upload");
  record("GET /manage/indicators as an analyst", await getPage(app, analyst, "/manage/indicators"), 200);
  record(
    "GET /manage/indicators after publishing",
    await getPage(app, analyst, "/manage/indicators?saved=published"),
    200,
  );
  record(`GET ${upload} as an analyst`, await getPage(app, analyst, upload), 200);
  record(`GET ${upload}?saved=1 (after saving)`, await getPage(app, analyst, `${upload}?saved=1`), 200);
  record(
    "upload preview",
    await postFile(app, analyst, upload, {
      name: "clean.csv",
      data: csv("period,geography,age band,value,flag", "2024-07-31,S92000003,,11900,provisional"),
    }),
    200,
  );
  record(
    "upload with row-level errors",
    await postFile(app, analyst, upload, {
      name: "bad.csv",
      data: csv("period,geography,value", ",S12999999,ten", "2024-07-31,S92000003,1"),
    }),
    400,
  );
  record("upload without a file", await postForm(app, analyst, upload, {}), 400);
  record(
    "upload of a file that is not CSV or XLSX",
    await postFile(app, analyst, upload, { name: "notes.txt", data: Buffer.from("hello") }),
    400,
  );
  record(
    "an indicator page as an analyst (hidden numbers shown)",
    await getPage(app, analyst, "/indicators/children-looked-after"),
    200,
  );
  await visitFrameworkForms(app, db, analyst, record, sampled);
  record("no such indicator", await getPage(app, undefined, "/indicators/no-such-indicator"), 404);
  record(
    "an unknown area on an indicator page",
    await getPage(app, undefined, "/indicators/children-looked-after?geography=S12999999"),
    400,
  );
}

async function visitFrameworkForms(
  app: FastifyInstance,
  db: Db,
  analyst: Session,
  record: RecordPage,
  sampled: Set<string>,
): Promise<void> {
  const vision = await db.selectFrom("vision_statement").selectAll().orderBy("id").executeTakeFirstOrThrow();
  const outcome = await db.selectFrom("pf_outcome").selectAll().orderBy("id").executeTakeFirstOrThrow();
  const edit = "/manage/indicators/children-looked-after/edit";
  for (const pattern of [
    "/manage/indicators/visions/new",
    "/manage/indicators/visions/:slug",
    "/manage/indicators/outcomes/new",
    "/manage/indicators/outcomes/:slug",
    "/manage/indicators/new",
    "/manage/indicators/:slug/edit",
  ])
    sampled.add(pattern);
  const pages: Array<[string, string]> = [
    ["new vision statement", "/manage/indicators/visions/new"],
    ["change a vision statement", `/manage/indicators/visions/${vision.slug}?saved=1`],
    ["new outcome", `/manage/indicators/outcomes/new?vision=${vision.slug}`],
    ["change an outcome", `/manage/indicators/outcomes/${outcome.slug}`],
    ["new indicator", `/manage/indicators/new?outcome=${outcome.slug}`],
  ];
  for (const [name, url] of pages) record(`${name}: GET ${url}`, await getPage(app, analyst, url), 200);
  // The editing page with evidence and a linked action in it, and after each kind of save.
  await postForm(app, analyst, "/manage/indicators/children-looked-after/evidence", {
    kind: "quote",
    text: "Staying with my gran meant I kept my school and my friends.",
    attribution: "A young person, aged 15",
    consented: "yes",
    anonymised: "yes",
  });
  const action = await db
    .selectFrom("edition_item")
    .select("id")
    .where("section", "=", "action")
    .executeTakeFirstOrThrow();
  await postForm(app, analyst, "/manage/indicators/children-looked-after/actions", { action: action.id });
  record("indicator editing page", await getPage(app, analyst, `${edit}?saved=created`), 200);
  record(
    "refused vision statement",
    await postForm(app, analyst, "/manage/indicators/visions", { title: "" }),
    400,
  );
  record(
    "refused outcome",
    await postForm(app, analyst, "/manage/indicators/outcomes", { vision: "", title: "" }),
    400,
  );
  record(
    "refused indicator",
    await postForm(app, analyst, "/manage/indicators", {
      outcome: outcome.slug,
      baselineValue: "ten",
      "targetDate-day": "40",
    }),
    400,
  );
  record(
    "refused evidence",
    await postForm(app, analyst, "/manage/indicators/children-looked-after/evidence", { text: "" }),
    400,
  );
  record(
    "refused link",
    await postForm(app, analyst, "/manage/indicators/children-looked-after/actions", { action: "" }),
    400,
  );
  record(
    "stale details form",
    await postForm(app, analyst, edit, {
      version: 0,
      outcome: outcome.slug,
      title: "Children looked after",
      unit: "children",
      better: "lower",
      kind: "core",
      measure: "outcome",
    }),
    409,
  );
}
