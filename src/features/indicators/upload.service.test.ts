import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import type { Actor } from "../../platform/actor.ts";
import type { DatabaseHandle, Db, Trx } from "../../platform/database.ts";
import { ForbiddenError, NotFoundError, ValidationError } from "../../platform/errors.ts";
import { actorWithRole, createTestIndicator, csv } from "./indicator.test-support.ts";
import { listObservations, listRevisions } from "./observation.repository.ts";
import { confirmUpload, previewUpload } from "./upload.service.ts";

let handle: DatabaseHandle;
let db: Db;
let analyst: Actor;

beforeAll(async () => {
  handle = await createTestDatabase("empty");
  db = handle.db;
  analyst = await actorWithRole(db, "analyst");
});
afterAll(async () => handle?.close());

async function observationCount(indicatorId: number): Promise<number> {
  return (await listObservations(db, indicatorId)).length;
}

const tx = <T>(work: (trx: Trx) => Promise<T>) => db.transaction().execute(work);

describe("uploading observations: checked, previewed, then saved", () => {
  it("a clean file is previewed with counts and saves nothing until confirmed", async () => {
    const ind = await createTestIndicator(db, analyst, { breakdowns: ["age band"] });
    const file = csv(
      "period,geography,age band,value,flag",
      "2022,S92000003,,12596,",
      "2023,S92000003,,12206,provisional",
      "2023,S12000036,0-4,140,",
      "2023/24,S08000031,,7,estimated",
    );
    const preview = await tx((trx) =>
      previewUpload(trx, analyst, { indicatorSlug: ind.slug, fileName: "looked-after.csv", data: file }),
    );
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.counts).toEqual({ added: 4, replaced: 0, unchanged: 0 });
    expect(preview.sample[3]).toEqual({
      period: "2023-24",
      geography: "S08000031",
      breakdown: {},
      value: 7,
      flag: "estimated",
    });
    expect(await observationCount(ind.id)).toBe(0);

    const saved = await tx((trx) =>
      confirmUpload(trx, analyst, { indicatorSlug: ind.slug, pendingId: preview.pendingId }),
    );
    expect(saved).toMatchObject({ added: 4, replaced: 0, unchanged: 0 });
    const rows = await listObservations(db, ind.id);
    expect(rows.map((r) => [r.period, r.geography, r.breakdown, r.value, r.flag])).toEqual([
      ["2022", "S92000003", {}, 12596, null],
      ["2023", "S12000036", { "age band": "0-4" }, 140, null],
      ["2023", "S92000003", {}, 12206, "provisional"],
      ["2023-24", "S08000031", {}, 7, "estimated"],
    ]);
    // A pending upload is saved once only.
    await expect(
      tx((trx) => confirmUpload(trx, analyst, { indicatorSlug: ind.slug, pendingId: preview.pendingId })),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("re-uploading replaces the matching observations and keeps their earlier values", async () => {
    const ind = await createTestIndicator(db, analyst);
    const load = async (...lines: string[]) => {
      const p = await tx((trx) =>
        previewUpload(trx, analyst, { indicatorSlug: ind.slug, fileName: "f.csv", data: csv(...lines) }),
      );
      if (!p.ok) throw new Error(JSON.stringify(p.errors));
      const saved = await tx((trx) =>
        confirmUpload(trx, analyst, { indicatorSlug: ind.slug, pendingId: p.pendingId }),
      );
      return { preview: p.counts, saved };
    };
    await load("period,geography,value,flag", "2022,S92000003,12600,provisional", "2023,S92000003,12206,");
    const second = await load(
      "period,geography,value,flag",
      "2022,S92000003,12596,revised",
      "2023,S92000003,12206,",
      "2024,S92000003,11900,provisional",
    );
    expect(second.preview).toEqual({ added: 1, replaced: 1, unchanged: 1 });
    expect(second.saved).toMatchObject({ added: 1, replaced: 1, unchanged: 1 });
    const rows = await listObservations(db, ind.id);
    expect(rows.map((r) => [r.period, r.value, r.flag])).toEqual([
      ["2022", 12596, "revised"],
      ["2023", 12206, null],
      ["2024", 11900, "provisional"],
    ]);
    const history = await listRevisions(db, ind.id);
    expect(history.map((h) => [h.period, h.value, h.flag])).toEqual([["2022", 12600, "provisional"]]);
  });

  it("unknown geography, text in a value, a duplicate row, a missing period: row-level errors and nothing saved", async () => {
    const ind = await createTestIndicator(db, analyst);
    const preview = await tx((trx) =>
      previewUpload(trx, analyst, {
        indicatorSlug: ind.slug,
        fileName: "bad.csv",
        data: csv(
          "period,geography,value",
          "2022,S92000003,12596",
          "2023,S12999999,10",
          "2023,S12000036,twelve",
          "2022,S92000003,12596",
          ",S12000033,40",
        ),
      }),
    );
    expect(preview.ok).toBe(false);
    if (preview.ok) return;
    expect(preview.errors.map((e) => [e.row, e.column])).toEqual([
      [3, "geography"],
      [4, "value"],
      [5, ""],
      [6, "period"],
    ]);
    expect(preview.errors[0]!.message).toContain("S12999999");
    expect(preview.errors[1]!.message).toBe('"twelve" is not a number.');
    expect(preview.errors[2]!.message).toBe(
      "This row repeats row 2: the same period, geography and breakdown.",
    );
    expect(preview.errors[3]!.message).toBe("The period is missing.");
    expect(await observationCount(ind.id)).toBe(0);
    expect(
      await db
        .selectFrom("indicator_upload_pending")
        .select("id")
        .where("indicator_id", "=", ind.id)
        .execute(),
    ).toEqual([]);
  });

  it("an unknown breakdown column is refused by name, with the indicator's own breakdowns", async () => {
    const ind = await createTestIndicator(db, analyst, { breakdowns: ["age band", "sex"] });
    const preview = await tx((trx) =>
      previewUpload(trx, analyst, {
        indicatorSlug: ind.slug,
        fileName: "bad.csv",
        data: csv("period,geography,placement type,value", "2022,S92000003,foster,30"),
      }),
    );
    expect(preview.ok).toBe(false);
    if (preview.ok) return;
    expect(preview.errors).toEqual([
      {
        row: 1,
        column: "placement type",
        message: '"placement type" is not a breakdown of this indicator. Its breakdowns are: age band, sex.',
      },
    ]);
    expect(await observationCount(ind.id)).toBe(0);
  });

  it("a newer preview replaces the analyst's unconfirmed one", async () => {
    const ind = await createTestIndicator(db, analyst);
    const preview = (n: number) =>
      tx((trx) =>
        previewUpload(trx, analyst, {
          indicatorSlug: ind.slug,
          fileName: `v${n}.csv`,
          data: csv("period,geography,value", `2022,S92000003,${n}`),
        }),
      );
    const first = await preview(1);
    const second = await preview(2);
    if (!first.ok || !second.ok) throw new Error("expected clean previews");
    await expect(
      tx((trx) => confirmUpload(trx, analyst, { indicatorSlug: ind.slug, pendingId: first.pendingId })),
    ).rejects.toBeInstanceOf(NotFoundError);
    await tx((trx) => confirmUpload(trx, analyst, { indicatorSlug: ind.slug, pendingId: second.pendingId }));
    expect((await listObservations(db, ind.id)).map((r) => r.value)).toEqual([2]);
  });

  it("an XLSX workbook is read like a CSV file", async () => {
    const ind = await createTestIndicator(db, analyst);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("data");
    sheet.addRow(["Period", "Geography code", "Value", "Flag"]);
    sheet.addRow(["2019-20", "S92000003", 12849, ""]);
    sheet.addRow(["2023-24", "S92000003", 10197, "provisional"]);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const preview = await tx((trx) =>
      previewUpload(trx, analyst, { indicatorSlug: ind.slug, fileName: "r.xlsx", data }),
    );
    expect(preview.ok && preview.sample).toEqual([
      { period: "2019-20", geography: "S92000003", breakdown: {}, value: 12849, flag: null },
      { period: "2023-24", geography: "S92000003", breakdown: {}, value: 10197, flag: "provisional" },
    ]);
  });

  it("a file that is neither CSV nor XLSX is a clear error on the file field", async () => {
    const ind = await createTestIndicator(db, analyst);
    const error = await tx((trx) =>
      previewUpload(trx, analyst, {
        indicatorSlug: ind.slug,
        fileName: "notes.txt",
        data: Buffer.from("hello"),
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.file).toContain("CSV");
  });

  it("only analysts and administrators may upload; another analyst cannot confirm someone else's preview", async () => {
    const ind = await createTestIndicator(db, analyst);
    const reader = await actorWithRole(db, "reader");
    const editor = await actorWithRole(db, "programme_editor");
    const data = csv("period,geography,value", "2022,S92000003,1");
    for (const who of [reader, editor])
      await expect(
        tx((trx) => previewUpload(trx, who, { indicatorSlug: ind.slug, fileName: "f.csv", data })),
      ).rejects.toBeInstanceOf(ForbiddenError);
    const preview = await tx((trx) =>
      previewUpload(trx, analyst, { indicatorSlug: ind.slug, fileName: "f.csv", data }),
    );
    if (!preview.ok) throw new Error("expected a clean preview");
    const other = await actorWithRole(db, "analyst");
    await expect(
      tx((trx) => confirmUpload(trx, other, { indicatorSlug: ind.slug, pendingId: preview.pendingId })),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await observationCount(ind.id)).toBe(0);
  });
});
