import { execFileSync } from "node:child_process";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AccountabilityFixture,
  makeAccountability,
} from "../../../test/support/accountability-fixtures.ts";
import { createTestDatabase } from "../../../test/support/database.ts";
import { makeUser } from "../../../test/support/editing-fixtures.ts";
import { createEdition } from "../../../test/support/factories.ts";
import type { Actor } from "../../platform/actor.ts";
import { PUBLIC } from "../../platform/actor.ts";
import type { DatabaseHandle } from "../../platform/database.ts";
import { ForbiddenError, UnauthenticatedError, ValidationError } from "../../platform/errors.ts";
import { progressVersion } from "../accountability/accountability.service.ts";
import { saveUpdate } from "../accountability/progress.service.ts";
import { type GenerateInput, generateReport, getReport, getReportFile } from "./report.service.ts";
import type { ReportSnapshot } from "./report.types.ts";
import { statusTotals } from "./report-text.ts";

// Reports are frozen: what one shows is taken once, as the public sees the data, as at its date.
// Updates here are given dates by setting when they were submitted, as if written on those days.

const BASE = "https://waymark.example";
const TODAY = "2026-12-08";
const DRAFT_NARRATIVE = "UNSUBMITTED-DRAFT-MARKER-7f3a";
const DRAFT_ACTION = "DRAFT-EDITION-ACTION-MARKER-91c2";

let handle: DatabaseHandle;
let f: AccountabilityFixture;
let draftEditionId: number;

function pdfToolsMissing(): string | null {
  try {
    execFileSync("pdfinfo", ["-v"], { stdio: "ignore" });
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return null;
  } catch {
    return "poppler-utils (pdftotext, pdfinfo) is not installed: the PDF read-back is skipped";
  }
}
const noPdfTools = pdfToolsMissing();
if (noPdfTools) console.warn(noPdfTools);

function asAt(iso: string): GenerateInput["asAt"] {
  const [year, month, day] = iso.split("-");
  return { day, month, year };
}

function generate(actor: Actor, input: Partial<GenerateInput> & { asAtIso?: string }) {
  const { asAtIso, ...rest } = input;
  return handle.db.transaction().execute((trx) =>
    generateReport(
      trx,
      actor,
      {
        kind: "route_map",
        edition: String(f.editionId),
        organisation: undefined,
        asAt: asAt(asAtIso ?? TODAY),
        ...rest,
      },
      { baseUrl: BASE, today: TODAY },
    ),
  );
}

/** Gives an update as the organisation would, then dates its submission (or leaves it a draft). */
async function update(
  organisation: { id: number; slug: string },
  key: string,
  status: string,
  narrative: string,
  submittedOn: string | null,
) {
  const saved = await handle.db.transaction().execute(async (trx) =>
    saveUpdate(trx, f.editor, {
      organisationSlug: organisation.slug,
      themeSlug: f.themeSlug,
      key,
      version: await progressVersion(trx, f.themeId, key, organisation.id),
      intent: submittedOn ? "submit" : "draft",
      status,
      percent: undefined,
      narrative,
      confidence: "self_assessed",
    }),
  );
  if (submittedOn)
    await handle.db
      .updateTable("progress_update")
      .set({ submitted_at: new Date(`${submittedOn}T12:00:00Z`) })
      .where("id", "=", saved.id)
      .execute();
}

async function pdfText(data: Buffer): Promise<{ text: string; info: string }> {
  const text = execFileSync("pdftotext", ["-", "-"], { input: data }).toString("utf8");
  const info = execFileSync("pdfinfo", ["-"], { input: data }).toString("utf8");
  return { text: text.replace(/\s+/g, " "), info };
}

async function docxParts(data: Buffer) {
  const zip = await JSZip.loadAsync(data);
  const read = (name: string) => zip.file(name)!.async("string");
  const document = await read("word/document.xml");
  return {
    document,
    text: [...document.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(" "),
    core: await read("docProps/core.xml"),
    styles: await read("word/styles.xml"),
  };
}

async function workbook(data: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as unknown as ArrayBuffer);
  const rows = (name: string) => {
    const sheet = book.getWorksheet(name)!;
    const out: unknown[][] = [];
    sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
    return { sheet, rows: out };
  };
  return { book, rows };
}

beforeAll(async () => {
  handle = await createTestDatabase("empty");
  f = await makeAccountability(handle.db);
  const draft = await createEdition(handle.db, {
    themeId: f.themeId,
    status: "draft",
    actions: [DRAFT_ACTION],
  });
  draftEditionId = draft.id;
  const [a1, a2] = f.actionKeys;
  await update(
    f.first,
    a1,
    "in_progress",
    "Spring: we met the councils and agreed who does what.",
    "2025-03-01",
  );
  // Unsubmitted: it must never reach a report.
  await update(f.second, a2, "complete", `A draft nobody has submitted ${DRAFT_NARRATIVE}`, null);
});
afterAll(async () => {
  await handle.close();
});

describe("generating a report", () => {
  let frozenId: number;
  let frozen: ReportSnapshot;
  let sameDayId: number;

  it("takes the route map as it stood on the date: the newest update submitted by then", async () => {
    frozenId = await generate(f.editor, { asAtIso: "2025-06-30" });
    sameDayId = await generate(f.editor, { asAtIso: "2025-03-31" });
    frozen = (await getReport(handle.db, frozenId)).snapshot;
    expect(frozen.kind).toBe("route_map");
    expect(frozen.asAt).toBe("2025-06-30");
    const actions = frozen.sections.flatMap((s) => s.actions);
    expect(actions.map((a) => a.key)).toEqual(f.actionKeys);
    expect(actions[0]!.update).toMatchObject({ status: "in_progress", submittedOn: "2025-03-01" });
    expect(actions[0]!.leads).toEqual([f.first.name]);
    expect(actions[0]!.partners).toEqual([f.second.name]);
    expect(actions[0]!.due).toBe("By the end of 2025");
    expect(actions[1]!.update).toBeNull();
    expect(statusTotals(frozen).find((t) => t.status === "in_progress")!.count).toBe(1);
  });

  it("does not change when the data changes afterwards", async () => {
    const files = await Promise.all(
      (["docx", "xlsx", "pdf"] as const).map((format) => getReportFile(handle.db, frozenId, format)),
    );
    // Written after the report was generated, though dated before its date.
    await update(f.first, f.actionKeys[0], "delayed", "May: the plan has slipped a season.", "2025-05-01");
    await update(f.first, f.actionKeys[0], "on_track", "September: back on track.", "2025-09-01");
    const again = await getReport(handle.db, frozenId);
    expect(again.snapshot).toEqual(frozen);
    const after = await Promise.all(
      (["docx", "xlsx", "pdf"] as const).map((format) => getReportFile(handle.db, frozenId, format)),
    );
    expect(after.map((x) => x.data.equals(files[after.indexOf(x)]!.data))).toEqual([true, true, true]);
    // A report generated now, as at the same date, does see the May update.
    const now = (await getReport(handle.db, await generate(f.editor, { asAtIso: "2025-06-30" }))).snapshot;
    expect(now.sections[0]!.actions[0]!.update).toMatchObject({
      status: "delayed",
      submittedOn: "2025-05-01",
    });
  });

  it("as at a past date equals the report generated on that date", async () => {
    const sameDay = (await getReport(handle.db, sameDayId)).snapshot;
    const later = (await getReport(handle.db, await generate(f.editor, { asAtIso: "2025-03-31" }))).snapshot;
    expect(later).toEqual(sameDay);
    expect(later.sections[0]!.actions[0]!.update).toMatchObject({ status: "in_progress" });
  });

  it("refuses with a message naming each field", async () => {
    const refused = async (input: Partial<GenerateInput> & { asAtIso?: string }) => {
      const error = await generate(f.editor, input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).fields;
    };
    expect(await refused({ kind: "weather" })).toEqual({ kind: "Choose what the report is about" });
    expect(await refused({ edition: String(draftEditionId) })).toEqual({
      edition: "Choose a published route map",
    });
    expect(await refused({ kind: "organisation", organisation: "nobody" })).toEqual({
      organisation: "Choose an organisation",
    });
    expect(await refused({ asAtIso: "2026-12-09" })).toEqual({ asAt: "The date must be today or earlier" });
    expect(await refused({ asAt: { day: "31", month: "2", year: "2025" } })).toEqual({
      asAt: "Enter a real date, for example 1 12 2025",
    });
  });

  it("is for programme editors and administrators only", async () => {
    await expect(generate(PUBLIC, {})).rejects.toBeInstanceOf(UnauthenticatedError);
    const contributor = await makeUser(handle.db, [
      { role: "organisation_contributor", organisationId: f.first.id },
    ]);
    await expect(generate(contributor, {})).rejects.toBeInstanceOf(ForbiddenError);
    const reader = await makeUser(handle.db, "reader");
    await expect(generate(reader, {})).rejects.toBeInstanceOf(ForbiddenError);
    const administrator = await makeUser(handle.db, "administrator");
    expect(await generate(administrator, {})).toBeGreaterThan(0);
    const events = await handle.db
      .selectFrom("audit_event")
      .select(["action", "entity_id"])
      .where("action", "=", "report.generate")
      .execute();
    expect(events.length).toBeGreaterThanOrEqual(5);
  });
});

describe("the four forms of an organisation's report", () => {
  let id: number;
  let snapshot: ReportSnapshot;

  beforeAll(async () => {
    id = await generate(f.editor, { kind: "organisation", organisation: f.second.slug, edition: undefined });
    snapshot = (await getReport(handle.db, id)).snapshot;
  });

  it("lists what the organisation is named on, itself or through its sector, without its draft", () => {
    expect(snapshot.title).toBe(`${f.second.name}: progress as at 8 December 2026`);
    const actions = snapshot.sections.flatMap((s) => s.actions);
    expect(actions.map((a) => [a.key, a.role])).toEqual([
      [f.actionKeys[1], `Lead (through ${f.sector.name})`],
      [f.actionKeys[0], "Partner"],
    ]);
    expect(actions[1]!.update).toMatchObject({ status: "on_track", organisation: f.first.name });
    expect(JSON.stringify(snapshot)).not.toContain(DRAFT_NARRATIVE);
  });

  it("gives a Word document with the same words, its title and language, and working links", async () => {
    const docx = await docxParts((await getReportFile(handle.db, id, "docx")).data);
    for (const a of snapshot.sections.flatMap((s) => s.actions)) expect(docx.text).toContain(a.text);
    expect(docx.core).toContain(`<dc:title>${snapshot.title}</dc:title>`);
    expect(docx.styles).toContain('w:lang w:val="en-GB"');
    expect(docx.document).toContain("<w:tblHeader/>");
    expect(docx.document).toContain('<w:pStyle w:val="Heading1"/>');
    expect(docx.document).toContain('<w:pStyle w:val="Heading2"/>');
    expect(docx.document).toContain("<w:hyperlink");
    expect(docx.document).not.toContain(DRAFT_NARRATIVE);
  });

  it("gives a workbook with one frozen sheet per table and the same totals", async () => {
    const { book, rows } = await workbook((await getReportFile(handle.db, id, "xlsx")).data);
    expect(book.worksheets.map((s) => s.name)).toEqual(["About", "Status totals", "Actions"]);
    const totals = rows("Status totals");
    expect(totals.sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(totals.rows).toEqual([
      ["Status", "Actions"],
      ...statusTotals(snapshot).map((t) => [t.label, t.count]),
    ]);
    const actions = rows("Actions").rows;
    expect(actions[0]).toContain("Named as");
    expect(actions.slice(1).map((r) => r[1])).toEqual(
      snapshot.sections.flatMap((s) => s.actions.map((a) => a.text)),
    );
    expect(JSON.stringify(actions)).not.toContain(DRAFT_NARRATIVE);
  });

  it.skipIf(noPdfTools)("gives a tagged PDF in English with its title and every action", async () => {
    const data = (await getReportFile(handle.db, id, "pdf")).data;
    const { text, info } = await pdfText(data);
    expect(info).toMatch(/Tagged:\s+yes/);
    // The catalogue is not compressed: its language and "show the title" are read as written.
    expect(data.toString("latin1")).toContain("/Lang (en-GB)");
    expect(data.toString("latin1")).toContain("/DisplayDocTitle true");
    const structure = execFileSync("pdfinfo", ["-struct", "-"], { input: data }).toString("utf8");
    const tags = new Set([...structure.matchAll(/^\s*([A-Z][A-Za-z0-9]*)\b/gm)].map((m) => m[1]));
    for (const tag of ["Document", "H1", "H2", "P", "Table", "TR", "TH", "TD"]) expect(tags).toContain(tag);
    expect(info).toContain(`Title:           ${snapshot.title}`);
    expect(text).toContain(snapshot.title);
    for (const a of snapshot.sections.flatMap((s) => s.actions)) expect(text).toContain(a.text);
    expect(text).not.toContain(DRAFT_NARRATIVE);
  });
});
