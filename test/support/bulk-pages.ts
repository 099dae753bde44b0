import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../src/platform/database.ts";
import { progressVersion } from "./accountability-fixtures.ts";
import { postMultipart, postSheet } from "./bulk.ts";
import type { RecordPage } from "./html-samples.ts";
import { getPage, postForm, signIn } from "./http.ts";

// Bulk progress updates' pages for the HTML-validity test, on the demo data as a programme editor
// for The Promise Scotland: the upload page (and after saving), a preview of changes, a file with
// nothing new, a file with row-level errors, a form sent without a file, and a stale confirmation.

export async function visitBulkPages(
  app: FastifyInstance,
  db: Db,
  record: RecordPage,
  sampled: Set<string>,
): Promise<void> {
  const editor = await signIn(app, db, "programme_editor");
  const base = "/progress/the-promise-scotland";
  sampled.add("/progress/:organisation/upload");
  record(`GET ${base}/upload as an editor`, await getPage(app, editor, `${base}/upload`), 200);
  record(
    `GET ${base}/upload after saving`,
    await getPage(app, editor, `${base}/upload?saved=3&submitted=yes`),
    200,
  );
  const download = await getPage(app, editor, `${base}/actions.csv`);
  if (download.statusCode !== 200) throw new Error(`Could not download: ${download.statusCode}`);
  const [heading, first] = parse(download.body.replace(/^\uFEFF/, "")) as string[][];
  const sheet = (narrative: string) =>
    Buffer.from(
      stringify([heading!, [...first!.slice(0, 5), "On track", "50", "Evidenced", narrative, first![9]!]]),
    );
  record(
    "bulk upload: nothing has changed",
    await postSheet(app, editor, `${base}/upload`, { name: "same.csv", data: Buffer.from(download.body) }),
    200,
  );
  const preview = await postSheet(app, editor, `${base}/upload`, {
    name: "changed.csv",
    data: sheet("Two candid dialogues held with systems leaders."),
  });
  record("bulk upload: a preview of changes", preview, 200);
  record(
    "bulk upload: row-level errors",
    await postSheet(app, editor, `${base}/upload`, {
      name: "bad.csv",
      data: Buffer.from(
        `${heading!.join(",")},Notes\r\nleadership/nothing,,,,,Going fine,150,,=cmd,x,note\r\n`,
      ),
    }),
    400,
  );
  record("bulk upload without a file", await postForm(app, editor, `${base}/upload`, {}), 400);
  // Someone at the organisation changes the action's update between the preview and its confirmation.
  const [themeSlug, key] = first![0]!.split("/");
  await postForm(app, editor, `${base}/${themeSlug}/${key}`, {
    version: Number(first![9]),
    intent: "draft",
    status: "delayed",
    narrative: "Held up by the election.",
    confidence: "self_assessed",
  });
  const confirm = /action="([^"]+\/confirm)"/.exec(preview.body)?.[1];
  if (!confirm) throw new Error("The preview has no confirm form");
  record("bulk upload: a stale preview (conflict)", await postForm(app, editor, confirm, {}), 409);
  // The update form sent back with a document that is not an allowed kind.
  const theme = await db
    .selectFrom("theme")
    .select("id")
    .where("slug", "=", themeSlug!)
    .executeTakeFirstOrThrow();
  const organisation = await db
    .selectFrom("organisation")
    .select("id")
    .where("slug", "=", "the-promise-scotland")
    .executeTakeFirstOrThrow();
  const version = await progressVersion(db, theme.id, key!, organisation.id);
  record(
    "an update with a document that is not allowed",
    await postMultipart(
      app,
      editor,
      `${base}/${themeSlug}/${key}`,
      { field: "document", name: "page.pdf", data: Buffer.from("<script>alert(1)</script>\u0000") },
      {
        version: version,
        intent: "draft",
        status: "on_track",
        confidence: "evidenced",
        documentTitle: "A page",
      },
    ),
    400,
  );
}
