import { parse } from "csv-parse/sync";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AccountabilityFixture,
  makeAccountability,
  progressVersion,
  updateForm,
} from "../../../test/support/accountability-fixtures.ts";
import { bulkFixture, postSheet } from "../../../test/support/bulk.ts";
import { createTestDatabase } from "../../../test/support/database.ts";
import { getPage, postForm, type Session, signIn, testApp } from "../../../test/support/http.ts";
import type { DatabaseHandle, Db } from "../../platform/database.ts";
import { saveUpdate } from "../accountability/progress.service.ts";

// Bulk updates over HTTP: download, upload, preview, confirm. The uploading organisation is the
// fixture's second, named on actions 1 (partner) and 2 (through its sector); nobody is named on 3.

describe("updating many actions with a spreadsheet", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  beforeAll(async () => {
    handle = await createTestDatabase("empty");
    app = await testApp(handle.db);
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  async function setUp() {
    const db = handle.db;
    const f = await makeAccountability(db);
    const contributor = await signIn(app, db, [
      { role: "organisation_contributor", organisationId: f.second.id },
    ]);
    const base = `/progress/${f.second.slug}`;
    return { db, f, contributor, base };
  }

  async function placeholders(db: Db, f: AccountabilityFixture) {
    return {
      ref1: `${f.themeSlug}/${f.actionKeys[0]}`,
      ref2: `${f.themeSlug}/${f.actionKeys[1]}`,
      ref3: `${f.themeSlug}/${f.actionKeys[2]}`,
      v1: await progressVersion(db, f.themeId, f.actionKeys[0], f.second.id),
      v2: await progressVersion(db, f.themeId, f.actionKeys[1], f.second.id),
    };
  }

  async function updatesOf(db: Db, organisationId: number) {
    return db
      .selectFrom("progress_update")
      .select(["action_key", "state", "status", "percent", "narrative", "confidence"])
      .where("organisation_id", "=", organisationId)
      .orderBy("id")
      .execute();
  }

  async function pendingCount(db: Db, organisationId: number): Promise<number> {
    const rows = await db
      .selectFrom("progress_upload_pending")
      .select("id")
      .where("organisation_id", "=", organisationId)
      .execute();
    return rows.length;
  }

  function confirmPath(preview: LightMyRequestResponse): string {
    const match = /action="(\/progress\/[^"]+\/upload\/\d+\/confirm)"/.exec(preview.body);
    if (!match) throw new Error(`No confirm form in: ${preview.body.slice(0, 500)}`);
    return match[1]!;
  }

  async function upload(
    session: Session,
    base: string,
    name: string,
    data: Buffer,
    fields: Record<string, string> = {},
  ) {
    return postSheet(app, session, `${base}/upload`, { name, data }, fields);
  }

  it("downloads the organisation's actions as CSV and XLSX, with formula-like words neutralised", async () => {
    const { db, f, contributor, base } = await setUp();
    const version = await progressVersion(db, f.themeId, f.actionKeys[0], f.second.id);
    await db.transaction().execute((trx) =>
      saveUpdate(
        trx,
        f.editor,
        updateForm(f, f.second.slug, f.actionKeys[0], version, {
          intent: "submit",
          narrative: "=SUM(A1) is how the council counts; -2 places left.",
        }),
      ),
    );
    const csv = await getPage(app, contributor, `${base}/actions.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers["content-disposition"]).toBe(`attachment; filename="${f.second.slug}-actions.csv"`);
    expect(csv.headers["cache-control"]).toBe("private, no-store");
    const rows = parse(csv.body.replace(/^\uFEFF/, "")) as string[][];
    expect(rows[0]).toEqual([
      "Reference",
      "Route map",
      "Action",
      "Role",
      "Due",
      "Status",
      "Percent",
      "Confidence",
      "Narrative",
      "Version",
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      `${f.themeSlug}/${f.actionKeys[1]}`,
      `${f.themeSlug}/${f.actionKeys[0]}`,
    ]);
    const first = rows.find((r) => r[0] === `${f.themeSlug}/${f.actionKeys[0]}`)!;
    expect(first.slice(3, 10)).toEqual([
      "Partner",
      "By the end of 2025",
      "On track",
      "50",
      "Self-assessed",
      "'=SUM(A1) is how the council counts; -2 places left.",
      String(await progressVersion(db, f.themeId, f.actionKeys[0], f.second.id)),
    ]);

    const xlsx = await getPage(app, contributor, `${base}/actions.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const { default: Excel } = await import("exceljs");
    const workbook = new Excel.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(3);
    const cells = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(cells(1)[0]).toBe("Reference");
    const xlsxFirst = [cells(2), cells(3)].find((r) => r[0] === `${f.themeSlug}/${f.actionKeys[0]}`)!;
    expect(xlsxFirst[8]).toBe("'=SUM(A1) is how the council counts; -2 places left.");
    expect(xlsxFirst[6]).toBe(50);

    // Exported and uploaded again without edits, either file changes nothing.
    const before = await updatesOf(db, f.second.id);
    for (const [name, data] of [
      ["actions.csv", Buffer.from(csv.body)],
      ["actions.xlsx", xlsx.rawPayload],
    ] as const) {
      const again = await upload(contributor, base, name, data);
      expect(again.statusCode, again.body.slice(0, 2000)).toBe(200);
      expect(again.body).toContain("Nothing has changed");
      expect(again.body).not.toContain("/confirm");
    }
    expect(await updatesOf(db, f.second.id)).toEqual(before);
    expect(await pendingCount(db, f.second.id)).toBe(0);
  });

  it("shows every change before saving, saves drafts on confirming, and the same file twice changes nothing", async () => {
    const { db, f, contributor, base } = await setUp();
    const data = bulkFixture("extra-columns.csv", await placeholders(db, f));
    const preview = await upload(contributor, base, "our-actions.csv", data);
    expect(preview.statusCode, preview.body.slice(0, 2000)).toBe(200);
    expect(preview.body).toContain("These columns are not Waymark’s and were ignored: Our notes, Owner.");
    expect(preview.body).toContain("2 actions change");
    expect(preview.body).toContain("Two councils have started the promise keeper pilot.");
    expect(preview.body).toContain("In progress, 30%, self-assessed");
    expect(preview.body).toContain("On track, 50%, evidenced");
    expect(await updatesOf(db, f.second.id)).toEqual([]);

    const confirmed = await postForm(app, contributor, confirmPath(preview), {});
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe(`${base}/upload?saved=2&submitted=no`);
    expect((await getPage(app, contributor, String(confirmed.headers.location))).body).toContain(
      "2 updates saved as drafts.",
    );
    const saved = await updatesOf(db, f.second.id);
    expect(saved).toEqual([
      {
        action_key: f.actionKeys[0],
        state: "draft",
        status: "in_progress",
        percent: 30,
        narrative: "Two councils have started the promise keeper pilot.",
        confidence: "self_assessed",
      },
      {
        action_key: f.actionKeys[1],
        state: "draft",
        status: "on_track",
        percent: 50,
        narrative: "Forums of care-experienced people meet monthly in Fife and Dundee.",
        confidence: "evidenced",
      },
    ]);
    const audit = await db
      .selectFrom("audit_event")
      .select("action")
      .where("action", "in", ["progress.draft", "progress.bulk_upload"])
      .where("actor_label", "like", `%<${contributor.email}>`)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      "progress.bulk_upload",
      "progress.draft",
      "progress.draft",
    ]);
    const story = await getPage(app, undefined, `/themes/${f.themeSlug}/actions/${f.actionKeys[0]}`);
    expect(story.body).not.toContain("Two councils have started");

    const twice = await upload(contributor, base, "our-actions.csv", data);
    expect(twice.statusCode).toBe(200);
    expect(twice.body).toContain("Nothing has changed");
    expect(await updatesOf(db, f.second.id)).toEqual(saved);

    // Ticking submit sends the drafts as they are, and they become public.
    const submit = await upload(contributor, base, "our-actions.csv", data, { submit: "yes" });
    expect(submit.statusCode, submit.body.slice(0, 2000)).toBe(200);
    expect(submit.body).toContain("(your draft, submitted)");
    expect((await postForm(app, contributor, confirmPath(submit), {})).statusCode).toBe(303);
    expect((await updatesOf(db, f.second.id)).map((u) => u.state)).toEqual(["submitted", "submitted"]);
    const published = await getPage(app, undefined, `/themes/${f.themeSlug}/actions/${f.actionKeys[0]}`);
    expect(published.body).toContain("Two councils have started the promise keeper pilot.");
    const thrice = await upload(contributor, base, "our-actions.csv", data, { submit: "yes" });
    expect(thrice.body).toContain("Nothing has changed");
  });

  it("lists every row's problem and saves nothing: bad rows, missing columns, formula-like cells", async () => {
    const { db, f, contributor, base } = await setUp();
    const values = await placeholders(db, f);
    const bad = await upload(contributor, base, "bad.csv", bulkFixture("bad-rows.csv", values));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("bad.csv has 8 problems. Nothing has been saved.");
    for (const words of [
      "No action has the reference &quot;leadership/00000000-0000-4000-8000-000000000000&quot;",
      "Status &quot;Going fine&quot; is not one of Not started, In progress, On track, At risk, Delayed, Complete, Superseded",
      "Percent must be a whole number from 0 to 100",
      `${f.second.name} is not named on this action, so it cannot update it`,
      "This action is also on row 4: give each action one row",
      "This action is also on row 3: give each action one row",
      "Confidence &quot;Sure&quot; is not one of Self-assessed, Evidenced, Verified",
      "Version must be the whole number from the downloaded file",
    ])
      expect(bad.body).toContain(words);

    const missing = await upload(
      contributor,
      base,
      "missing.csv",
      bulkFixture("missing-columns.csv", values),
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain("The Confidence column is missing");
    expect(missing.body).toContain("The Version column is missing");
    expect(missing.body).toContain("ignored: Notes.");

    const formulas = await upload(
      contributor,
      base,
      "formulas.csv",
      bulkFixture("formula-cells.csv", values),
    );
    expect(formulas.statusCode).toBe(400);
    expect(formulas.body).toContain(
      "Narrative begins with &quot;=&quot;, so a spreadsheet would run it as a formula",
    );
    for (const column of ["Status", "Percent", "Confidence"])
      expect(formulas.body).toContain(`${column} begins with`);
    expect(formulas.body).toContain("4 problems");

    const notSheet = await upload(contributor, base, "notes.txt", Buffer.from("hello"));
    expect(notSheet.statusCode).toBe(400);
    expect(notSheet.body).toContain("Choose a CSV file (.csv) or an Excel workbook (.xlsx).");
    const large = await upload(contributor, base, "big.csv", Buffer.alloc(5 * 1024 * 1024 + 1, 0x41));
    expect(large.statusCode).toBe(413);
    expect(large.body).toContain("The file is larger than 5 MB.");
    const noFile = await postForm(app, contributor, `${base}/upload`, {});
    expect(noFile.statusCode).toBe(400);
    expect(noFile.body).toContain("Choose a CSV or Excel file to upload.");

    expect(await updatesOf(db, f.second.id)).toEqual([]);
    expect(await pendingCount(db, f.second.id)).toBe(0);
  });

  it("reads a Windows-1252 file (Excel's CSV on Windows) as the words it holds", async () => {
    const { db, f, contributor, base } = await setUp();
    const data = bulkFixture("windows-1252.csv", await placeholders(db, f));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(data)).toThrow();
    const preview = await upload(contributor, base, "excel.csv", data);
    expect(preview.statusCode, preview.body.slice(0, 2000)).toBe(200);
    const words =
      "Young people’s forum in Perth: “we were listened to”. Café fund of £2,000 agreed – next steps in March.";
    expect(preview.body).toContain("Young people’s forum in Perth: “we were listened to”.");
    expect((await postForm(app, contributor, confirmPath(preview), {})).statusCode).toBe(303);
    expect((await updatesOf(db, f.second.id))[0]).toMatchObject({ narrative: words, percent: 55 });
  });

  it("another organisation's update of the same action after the preview is no conflict: the upload is saved", async () => {
    const { db, f, contributor, base } = await setUp();
    const preview = await upload(
      contributor,
      base,
      "ours.csv",
      bulkFixture("extra-columns.csv", await placeholders(db, f)),
    );
    expect(preview.statusCode).toBe(200);
    // Meanwhile the lead organisation submits its own update on action 1.
    const version = await progressVersion(db, f.themeId, f.actionKeys[0], f.first.id);
    await db.transaction().execute((trx) =>
      saveUpdate(
        trx,
        f.editor,
        updateForm(f, f.first.slug, f.actionKeys[0], version, {
          intent: "submit",
        }),
      ),
    );
    const confirmed = await postForm(app, contributor, confirmPath(preview), {});
    expect(confirmed.statusCode, confirmed.body.slice(0, 2000)).toBe(303);
    expect((await updatesOf(db, f.second.id)).map((u) => u.action_key)).toEqual([
      f.actionKeys[0],
      f.actionKeys[1],
    ]);
  });

  it("refuses a preview made stale by a colleague's update of one row's action, naming that row and saving none of it", async () => {
    const { db, f, contributor, base } = await setUp();
    const preview = await upload(
      contributor,
      base,
      "ours.csv",
      bulkFixture("extra-columns.csv", await placeholders(db, f)),
    );
    expect(preview.statusCode).toBe(200);
    // Meanwhile the programme team submits an update on action 1 for the same organisation.
    const version = await progressVersion(db, f.themeId, f.actionKeys[0], f.second.id);
    await db.transaction().execute((trx) =>
      saveUpdate(
        trx,
        f.editor,
        updateForm(f, f.second.slug, f.actionKeys[0], version, {
          intent: "submit",
          narrative: "The programme team's words.",
        }),
      ),
    );
    const stale = await postForm(app, contributor, confirmPath(preview), {});
    expect(stale.statusCode).toBe(409);
    // Action 1 is on the file's row 2 (the heading row being 1); row 3's action was not touched.
    expect(stale.body).toContain(`updated the action on row 2 after you uploaded the file`);
    expect(stale.body).not.toContain("row 3");
    expect((await updatesOf(db, f.second.id)).map((u) => u.narrative)).toEqual([
      "The programme team's words.",
    ]);
  });

  it("keeps each organisation to its own spreadsheet, and a preview to the person who made it", async () => {
    const { db, f, contributor, base } = await setUp();
    const other = await signIn(app, db, [{ role: "organisation_contributor", organisationId: f.first.id }]);
    expect((await getPage(app, other, `${base}/actions.csv`)).statusCode).toBe(403);
    expect((await getPage(app, other, `${base}/upload`)).statusCode).toBe(403);
    const anonymous = await getPage(app, undefined, `${base}/actions.xlsx`);
    expect(anonymous.statusCode).toBe(303);
    expect(String(anonymous.headers.location)).toMatch(/^\/sign-in/);
    const data = bulkFixture("extra-columns.csv", await placeholders(db, f));
    expect((await upload(other, base, "ours.csv", data)).statusCode).toBe(403);
    const preview = await upload(contributor, base, "ours.csv", data);
    const colleague = await signIn(app, db, [
      { role: "organisation_contributor", organisationId: f.second.id },
    ]);
    expect((await postForm(app, colleague, confirmPath(preview), {})).statusCode).toBe(404);
    expect((await postForm(app, other, confirmPath(preview), {})).statusCode).toBe(403);
    expect(await updatesOf(db, f.second.id)).toEqual([]);
    const mine = await postForm(app, contributor, confirmPath(preview), {});
    expect(mine.statusCode).toBe(303);
    expect((await postForm(app, contributor, confirmPath(preview), {})).statusCode).toBe(404);
  });
});
