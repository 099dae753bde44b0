import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { csv, postFile } from "../../src/features/indicators/indicator.test-support.ts";
import type { Db } from "../../src/platform/database.ts";
import { getPage, postForm, signIn } from "./http.ts";

// The progress framework's analyst pages for the HTML-validity test: the list, the upload form,
// a preview, a file with row-level errors, and a form sent without a file. On the demo data.

export async function visitIndicatorPages(
  app: FastifyInstance,
  db: Db,
  record: (name: string, response: LightMyRequestResponse, expected: number) => void,
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
  record("no such indicator", await getPage(app, undefined, "/indicators/no-such-indicator"), 404);
  record(
    "an unknown area on an indicator page",
    await getPage(app, undefined, "/indicators/children-looked-after?geography=S12999999"),
    400,
  );
}
