import { execFileSync } from "node:child_process";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AccountabilityFixture,
  makeAccountability,
} from "../../../test/support/accountability-fixtures.ts";
import { createTestDatabase } from "../../../test/support/database.ts";
import { getPage, postForm, type Session, signIn, testApp } from "../../../test/support/http.ts";
import { checkAnswer, type OpenApiDocument, strictAjv } from "../../../test/support/openapi-check.ts";
import type { DatabaseHandle } from "../../platform/database.ts";
import { londonToday } from "../../platform/dates.ts";
import { progressVersion } from "../accountability/accountability.service.ts";
import { saveUpdate } from "../accountability/progress.service.ts";

// Reports over HTTP: the form that generates one (editors only), the page at its permanent
// address with its files, the list, and the API; the same numbers in every form.

const DRAFT_MARKER = "ROUTES-DRAFT-UPDATE-MARKER-c41d";

let handle: DatabaseHandle;
let app: FastifyInstance;
let f: AccountabilityFixture;
let editor: Session;
let reportUrl: string;

const pdfTools = (() => {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    console.warn("poppler-utils (pdftotext) is not installed: the PDF's numbers are not read back");
    return false;
  }
})();

function today() {
  const [year, month, day] = londonToday().split("-");
  return { "asAt-day": day!, "asAt-month": month!, "asAt-year": year! };
}

async function give(
  organisation: { id: number; slug: string },
  key: string,
  status: string,
  narrative: string,
  intent: string,
) {
  await handle.db.transaction().execute(async (trx) =>
    saveUpdate(trx, f.editor, {
      organisationSlug: organisation.slug,
      themeSlug: f.themeSlug,
      key,
      version: await progressVersion(trx, f.themeId, key, organisation.id),
      intent,
      status,
      percent: undefined,
      narrative,
      confidence: "self_assessed",
    }),
  );
}

/** The totals table of a report page: [label, count] per row. */
function htmlTotals(body: string): Array<[string, number]> {
  const table = /<table class="ds_table wm-report-totals"[\s\S]*?<\/table>/.exec(body)![0];
  return [...table.matchAll(/<th scope="row">([^<]*)<\/th><td>(\d+)<\/td>/g)].map((m) => [
    m[1]!,
    Number(m[2]),
  ]);
}

beforeAll(async () => {
  handle = await createTestDatabase("empty");
  app = await testApp(handle.db);
  f = await makeAccountability(handle.db);
  await give(f.first, f.actionKeys[0], "on_track", "Going as planned, with councils on board.", "submit");
  await give(f.second, f.actionKeys[1], "delayed", "Slipping while we find the money.", "submit");
  await give(f.second, f.actionKeys[0], "complete", `Not yet sent ${DRAFT_MARKER}`, "draft");
  editor = await signIn(app, handle.db, "programme_editor");
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

describe("generating a report from the form", () => {
  it("shows programme editors the form with today's date; the public must sign in; others may not", async () => {
    const page = await getPage(app, editor, "/manage/reports");
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toBe("no-store");
    expect(page.body).toContain(`value="${Number(today()["asAt-day"])}"`);
    expect(page.body).toContain(`<option value="${f.editionId}">Leadership: `);
    const anonymous = await getPage(app, undefined, "/manage/reports");
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain("/sign-in");
    const contributor = await signIn(app, handle.db, [
      { role: "organisation_contributor", organisationId: f.first.id },
    ]);
    expect((await getPage(app, contributor, "/manage/reports")).statusCode).toBe(403);
    expect(
      (
        await postForm(app, contributor, "/manage/reports", {
          kind: "route_map",
          edition: f.editionId,
          ...today(),
        })
      ).statusCode,
    ).toBe(403);
  });

  it("gives the form back with each problem named and the answers kept", async () => {
    const response = await postForm(app, editor, "/manage/reports", {
      kind: "organisation",
      organisation: "",
      "asAt-day": "31",
      "asAt-month": "2",
      "asAt-year": "2025",
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("<title>Error: Generate a report – Waymark</title>");
    expect(response.body).toContain('<a href="#report-organisation">Choose an organisation</a>');
    expect(response.body).toContain('<a href="#asAt-day">Enter a real date, for example 1 12 2025</a>');
    expect(response.body).toContain('value="organisation" checked');
    expect(response.body).toContain('name="asAt-day" value="31"');
  });

  it("makes the report at its own address, listed, with its three files and their sizes", async () => {
    const response = await postForm(app, editor, "/manage/reports", {
      kind: "route_map",
      edition: f.editionId,
      ...today(),
    });
    expect(response.statusCode).toBe(303);
    reportUrl = response.headers.location as string;
    expect(reportUrl).toMatch(/^\/reports\/\d+$/);
    const page = await getPage(app, undefined, reportUrl);
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toBe("public, max-age=60");
    expect(page.body).toContain("Leadership route map,");
    expect(page.body).toMatch(/Word document \(DOCX\)<\/a> <span class="ds_hint-text">\(\d+ KB\)<\/span>/);
    expect(page.body).not.toContain(DRAFT_MARKER);
    const list = await getPage(app, undefined, "/reports");
    expect(list.body).toContain(`<a href="${reportUrl}">`);
    expect(list.body).not.toContain("Generate a report");
    expect((await getPage(app, editor, "/reports")).body).toContain(
      '<a href="/manage/reports">Generate a report</a>',
    );
    const docx = await getPage(app, undefined, `${reportUrl}/report.docx`);
    expect(docx.headers["content-type"]).toContain("wordprocessingml");
    expect(docx.headers["content-disposition"]).toMatch(/^attachment; filename="waymark-report-\d+\.docx"$/);
    expect((await getPage(app, undefined, "/reports/999999")).statusCode).toBe(404);
    expect((await getPage(app, undefined, "/reports/abc/report.pdf")).statusCode).toBe(404);
  });

  it("has the same numbers on the page, in Word, in the spreadsheet, in the PDF and in the API", async () => {
    const page = htmlTotals((await getPage(app, undefined, reportUrl)).body);
    expect(page.find(([label]) => label === "On track")).toEqual(["On track", 1]);
    expect(page.find(([label]) => label === "Delayed")).toEqual(["Delayed", 1]);
    expect(page.find(([label]) => label === "Complete")).toEqual(["Complete", 0]);
    expect(page.find(([label]) => label === "Not reported yet")).toEqual(["Not reported yet", 1]);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await getPage(app, undefined, `${reportUrl}/report.xlsx`)).rawPayload as unknown as ArrayBuffer,
    );
    const sheet: Array<[string, number]> = [];
    book.getWorksheet("Status totals")!.eachRow((row, n) => {
      if (n > 1) sheet.push([String(row.getCell(1).value), Number(row.getCell(2).value)]);
    });
    expect(sheet).toEqual(page);

    const zip = await JSZip.loadAsync((await getPage(app, undefined, `${reportUrl}/report.docx`)).rawPayload);
    const words = [
      ...(await zip.file("word/document.xml")!.async("string")).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g),
    ]
      .map((m) => m[1])
      .join(" ");
    for (const [label, count] of page) expect(words).toContain(`${label} ${count}`);

    if (pdfTools) {
      const pdf = (await getPage(app, undefined, `${reportUrl}/report.pdf`)).rawPayload;
      const text = execFileSync("pdftotext", ["-", "-"], { input: pdf })
        .toString("utf8")
        .replace(/\s+/g, " ");
      for (const [label, count] of page) expect(text).toContain(`${label} ${count}`);
    }

    const api = await app.inject({ method: "GET", url: `/api/v1${reportUrl}` });
    expect(api.statusCode).toBe(200);
    expect(api.json().totals.map((t: { label: string; count: number }) => [t.label, t.count])).toEqual(page);
  });
});

describe("comparing two reports", () => {
  it("shows each action before and after, and refuses reports on different things", async () => {
    await give(f.first, f.actionKeys[0], "at_risk", "The money is late.", "submit");
    const later = await postForm(app, editor, "/manage/reports", {
      kind: "route_map",
      edition: f.editionId,
      ...today(),
    });
    const laterUrl = later.headers.location as string;
    const laterPage = (await getPage(app, undefined, laterUrl)).body;
    expect(laterPage).toContain(`href="${laterUrl}/compare/${reportUrl.split("/").pop()}"`);
    const compare = await getPage(app, undefined, `${laterUrl}/compare/${reportUrl.split("/").pop()}`);
    expect(compare.statusCode).toBe(200);
    expect(compare.body).toContain("1 action changed between them.");
    expect(compare.body).toMatch(
      /On track, 50% \(update of [^)]*\)<\/td><td>At risk, 50% \(update of [^)]*\)<\/td><td><strong class="ds_tag[^"]*">Changed</,
    );
    const organisation = await postForm(app, editor, "/manage/reports", {
      kind: "organisation",
      organisation: f.first.slug,
      ...today(),
    });
    const other = (organisation.headers.location as string).split("/").pop();
    expect((await getPage(app, undefined, `${laterUrl}/compare/${other}`)).statusCode).toBe(404);
    expect(
      (await getPage(app, undefined, `${laterUrl}/compare/${laterUrl.split("/").pop()}`)).statusCode,
    ).toBe(404);
  });
});

describe("the reports API", () => {
  it("lists the reports and gives each with its data, as the OpenAPI document describes", async () => {
    const doc: OpenApiDocument = (await app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    const list = await app.inject({ method: "GET", url: "/api/v1/reports" });
    expect(list.statusCode).toBe(200);
    expect(checkAnswer(doc, strictAjv(), "/api/v1/reports", 200, list.json(), "get")).toBe("");
    const id = Number(reportUrl.split("/").pop());
    const one = await app.inject({ method: "GET", url: `/api/v1/reports/${id}` });
    expect(checkAnswer(doc, strictAjv(), "/api/v1/reports/{id}", 200, one.json(), "get")).toBe("");
    expect(one.json()).toMatchObject({ id, kind: "route_map", subject: String(f.editionId) });
    expect(one.json().files.pdf).toMatch(/\/reports\/\d+\/report\.pdf$/);
    expect(one.body).not.toContain(DRAFT_MARKER);
    expect((await app.inject({ method: "GET", url: "/api/v1/reports/999999" })).statusCode).toBe(404);
  });
});
