import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BULK_WORKBOOK_LIMITS, MAX_BULK_BYTES } from "../../src/features/bulk-updates/bulk.file.ts";
import {
  actorWithRole,
  createTestIndicator,
  postFile,
} from "../../src/features/indicators/indicator.test-support.ts";
import type { DatabaseHandle } from "../../src/platform/database.ts";
import { makeAccountability } from "../support/accountability-fixtures.ts";
import { postSheet } from "../support/bulk.ts";
import { createTestDatabase } from "../support/database.ts";
import { withDeclaredSize, workbookOfManyCells } from "../support/hostile-workbook.ts";
import { signIn, testApp } from "../support/http.ts";

// Issue 23, item 2: a small workbook that unpacks to millions of cells kept the server busy for
// seconds and hundreds of megabytes. Every workbook upload now measures a workbook before reading
// it, and refuses one past its limits with the form again, naming the limit, saving nothing.

describe("a workbook built to tie up the server", () => {
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

  it("bulk progress updates refuse a small workbook of too many cells, naming the limit", async () => {
    const db = handle.db;
    const f = await makeAccountability(db);
    const contributor = await signIn(app, db, [
      { role: "organisation_contributor", organisationId: f.second.id },
    ]);
    const bomb = await workbookOfManyCells(BULK_WORKBOOK_LIMITS.maxCells + 1);
    expect(bomb.length).toBeLessThan(MAX_BULK_BYTES / 4); // well within the upload's own limit

    const answer = await postSheet(app, contributor, `/progress/${f.second.slug}/upload`, {
      name: "actions.xlsx",
      data: bomb,
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.body).toContain("The workbook has more than 200,000 cells; the limit is 200,000.");
    const pending = await db
      .selectFrom("progress_upload_pending")
      .select("id")
      .where("organisation_id", "=", f.second.id)
      .execute();
    expect(pending).toEqual([]);
  });

  it("indicator data refuses a workbook that says it unpacks past its limit, before inflating it", async () => {
    const db = handle.db;
    const analyst = await signIn(app, db, "analyst");
    const { id, slug } = await createTestIndicator(db, await actorWithRole(db, "analyst"));
    const bomb = withDeclaredSize(
      await workbookOfManyCells(10),
      "xl/worksheets/sheet1.xml",
      200 * 1024 * 1024,
    );

    const answer = await postFile(app, analyst, `/manage/indicators/${slug}/upload`, {
      name: "data.xlsx",
      data: bomb,
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.body).toContain("The workbook holds 200 MB once unzipped; the limit is 100 MB.");
    const pending = await db
      .selectFrom("indicator_upload_pending")
      .select("id")
      .where("indicator_id", "=", id)
      .execute();
    expect(pending).toEqual([]);
  });
});
