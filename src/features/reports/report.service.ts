import { type Actor, PUBLIC } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Db, Trx } from "../../platform/database.ts";
import { londonToday } from "../../platform/dates.ts";
import { type FieldErrors, NotFoundError } from "../../platform/errors.ts";
import { authorize } from "../../platform/security/authorize.ts";
import { checkDate, clean, parseId, throwIfInvalid } from "../../platform/validation.ts";
import { listOrganisationSummaries } from "../accountability/accountability.service.ts";
import { listEditions, listThemeNames } from "../route-maps/route-map.service.ts";
import * as repo from "./report.repository.ts";
import {
  REPORT_KINDS,
  type Report,
  type ReportFormat,
  type ReportKind,
  type ReportSnapshot,
  type ReportSummary,
} from "./report.types.ts";
import { type Comparison, compareSnapshots } from "./report-compare.ts";
import { reportDocx } from "./report-docx.ts";
import { reportPdf } from "./report-pdf.ts";
import { organisationSnapshot, routeMapSnapshot } from "./report-snapshot.service.ts";
import { reportXlsx } from "./report-xlsx.ts";

// Reports, generated and frozen: an editor generates one as at a date; its snapshot and the files
// made from it are stored once and never recomputed, so it reads the same for ever. Reading them
// is public: a snapshot holds only what the public may see.

export const FORMATS: readonly ReportFormat[] = ["docx", "xlsx", "pdf"];

export interface ReportChoices {
  editions: Array<{ id: number; label: string }>;
  organisations: Array<{ slug: string; name: string }>;
}

/** The published route-map editions and the organisations a report may be about, for the form. */
export async function getReportChoices(db: Db, actor: Actor): Promise<ReportChoices> {
  authorize(actor, "report.generate");
  const editions: ReportChoices["editions"] = [];
  for (const theme of await listThemeNames(db)) {
    const { editions: list } = await listEditions(db, PUBLIC, theme.slug);
    for (const e of list) editions.push({ id: e.id, label: `${theme.name}: ${e.label}` });
  }
  const organisations = (await listOrganisationSummaries(db)).map((o) => ({ slug: o.slug, name: o.name }));
  return { editions, organisations };
}

export interface GenerateInput {
  kind: string | undefined;
  edition: string | undefined;
  organisation: string | undefined;
  asAt: { day: string | undefined; month: string | undefined; year: string | undefined };
}

async function checkGenerate(db: Db, input: GenerateInput, today: string) {
  const errors: FieldErrors = {};
  const kindText = clean(input.kind);
  const kind = REPORT_KINDS.find((k) => k.code === kindText)?.code;
  if (!kind) errors.kind = "Choose what the report is about";
  let subject = "";
  if (kind === "route_map") {
    const id = parseId(clean(input.edition));
    const choices = id === null ? [] : await listThemeNames(db);
    let published = false;
    for (const theme of choices) {
      if ((await listEditions(db, PUBLIC, theme.slug)).editions.some((e) => e.id === id)) published = true;
    }
    if (!published) errors.edition = "Choose a published route map";
    else subject = String(id);
  }
  if (kind === "organisation") {
    const slug = clean(input.organisation);
    const found = (await listOrganisationSummaries(db)).some((o) => o.slug === slug);
    if (!found) errors.organisation = "Choose an organisation";
    else subject = slug;
  }
  const asAt = checkDate(errors, "asAt", input.asAt, "Enter the date the report is as at");
  if (asAt && asAt > today) errors.asAt = "The date must be today or earlier";
  throwIfInvalid(errors);
  return { kind: kind as ReportKind, subject, asAt: asAt as string };
}

async function takeSnapshot(
  db: Db,
  kind: ReportKind,
  subject: string,
  asAt: string,
): Promise<ReportSnapshot> {
  return kind === "route_map"
    ? routeMapSnapshot(db, Number(subject), asAt)
    : organisationSnapshot(db, subject, asAt);
}

/**
 * Generates a report as at a date (report.generate): takes its snapshot as the public sees the
 * data, makes its Word, spreadsheet and PDF files from it, and keeps them all, audited. Returns
 * the new report's id. Links in the files are made absolute from `baseUrl` (the configured
 * address, never a request's Host); `today` is London's today unless given (tests fix it).
 */
export async function generateReport(
  trx: Trx,
  actor: Actor,
  input: GenerateInput,
  options: { baseUrl: string; today?: string },
): Promise<number> {
  authorize(actor, "report.generate");
  const { kind, subject, asAt } = await checkGenerate(trx, input, options.today ?? londonToday());
  const snapshot = await takeSnapshot(trx, kind, subject, asAt);
  const id = await repo.insertReport(trx, {
    kind,
    subject,
    title: snapshot.title,
    as_at: asAt,
    generated_by: actor.kind === "user" ? actor.id : null,
    snapshot,
  });
  const [docx, xlsx, pdf] = await Promise.all([
    reportDocx(snapshot, options.baseUrl),
    reportXlsx(snapshot, options.baseUrl),
    reportPdf(snapshot, options.baseUrl),
  ]);
  await repo.insertFiles(trx, id, [
    { format: "docx", data: docx },
    { format: "xlsx", data: xlsx },
    { format: "pdf", data: pdf },
  ]);
  await recordAudit(trx, actor, {
    action: "report.generate",
    entityType: "report",
    entityId: id,
    after: { kind, subject, asAt, title: snapshot.title },
  });
  return id;
}

function toSummary(row: Awaited<ReturnType<typeof repo.listReports>>[number]): ReportSummary {
  return {
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    title: row.title,
    asAt: row.as_at,
    generatedAt: row.generated_at,
  };
}

/** Every report ever generated, newest date first. Public. */
export async function listReports(db: Db): Promise<ReportSummary[]> {
  return (await repo.listReports(db)).map(toSummary);
}

/** One report with its frozen snapshot and its files' sizes. Public. */
export async function getReport(db: Db, id: number): Promise<Report> {
  const row = await repo.findReport(db, id);
  if (!row) throw new NotFoundError("There is no report at this address.");
  const sizes = await repo.listFileSizes(db, id);
  return {
    ...toSummary(row),
    snapshot: row.snapshot as ReportSnapshot,
    files: FORMATS.flatMap((format) => {
      const size = sizes.find((s) => s.format === format);
      return size ? [{ format, byteSize: size.byte_size }] : [];
    }),
  };
}

/** A report's file as it was made when the report was generated. Public. */
export async function getReportFile(
  db: Db,
  id: number,
  format: ReportFormat,
): Promise<{ data: Buffer; title: string }> {
  const [row, file] = await Promise.all([repo.findReport(db, id), repo.findFile(db, id, format)]);
  if (!row || !file) throw new NotFoundError("There is no report at this address.");
  return { data: Buffer.from(file.data), title: row.title };
}

/**
 * Two reports on the same thing (same kind and subject), the earlier first, with what changed
 * between them action by action. Anything else is "not found". Public.
 */
export async function compareReports(
  db: Db,
  id: number,
  otherId: number,
): Promise<{ before: Report; after: Report; comparison: Comparison }> {
  const [one, other] = await Promise.all([getReport(db, id), getReport(db, otherId)]);
  if (one.id === other.id || one.kind !== other.kind || one.subject !== other.subject)
    throw new NotFoundError("These two reports are not about the same thing, so they cannot be compared.");
  const [before, after] =
    one.asAt < other.asAt || (one.asAt === other.asAt && one.id < other.id) ? [one, other] : [other, one];
  return { before, after, comparison: compareSnapshots(before.snapshot, after.snapshot) };
}
