import type { ReportFormat, ReportKind } from "../../db/schema.ts";
import type { Db } from "../../platform/database.ts";

// The SQL of reports. Rows never leave this file and the service.

const SUMMARY = ["id", "kind", "subject", "title", "as_at", "generated_at"] as const;

export async function insertReport(
  db: Db,
  row: {
    kind: ReportKind;
    subject: string;
    title: string;
    as_at: string;
    generated_by: number | null;
    snapshot: unknown;
  },
): Promise<number> {
  const { id } = await db
    .insertInto("report")
    .values({ ...row, snapshot: JSON.stringify(row.snapshot) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertFiles(
  db: Db,
  reportId: number,
  files: Array<{ format: ReportFormat; data: Uint8Array }>,
): Promise<void> {
  await db
    .insertInto("report_file")
    .values(
      files.map((f) => ({ report_id: reportId, format: f.format, data: f.data, byte_size: f.data.length })),
    )
    .execute();
}

/** Every report, newest first (by its date, then by when it was made). */
export function listReports(db: Db) {
  return db.selectFrom("report").select(SUMMARY).orderBy("as_at", "desc").orderBy("id", "desc").execute();
}

export function findReport(db: Db, id: number) {
  return db
    .selectFrom("report")
    .select([...SUMMARY, "snapshot"])
    .where("id", "=", id)
    .executeTakeFirst();
}

export function listFileSizes(db: Db, reportId: number) {
  return db
    .selectFrom("report_file")
    .select(["format", "byte_size"])
    .where("report_id", "=", reportId)
    .execute();
}

export function findFile(db: Db, reportId: number, format: ReportFormat) {
  return db
    .selectFrom("report_file")
    .select(["data"])
    .where("report_id", "=", reportId)
    .where("format", "=", format)
    .executeTakeFirst();
}
