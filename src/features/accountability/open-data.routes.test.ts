import { parse } from "csv-parse/sync";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAccountability, updateForm } from "../../../test/support/accountability-fixtures.ts";
import { createTestDatabase } from "../../../test/support/database.ts";
import { createEdition } from "../../../test/support/factories.ts";
import { getPage, testApp } from "../../../test/support/http.ts";
import { parsePage, textOf } from "../../../test/support/page-checks.ts";
import type { DatabaseHandle, Db } from "../../platform/database.ts";
import { ACTION_HEADINGS } from "./action-records.sheet.ts";
import { saveUpdate } from "./progress.service.ts";

// The public data of accountability: the downloads read back by independent readers (csv-parse,
// exceljs) and compared with the tables on the pages, and progress "as at" a day.

type Row = Record<(typeof ACTION_HEADINGS)[number], string>;

function readCsv(body: string): Row[] {
  expect(body.startsWith("\uFEFF")).toBe(true);
  return parse(body, { bom: true, columns: true }) as Row[];
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow({ includeEmpty: false }, (row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(
      ACTION_HEADINGS.map((_, i) => (values[i] === undefined || values[i] === null ? "" : String(values[i]))),
    );
  });
  return rows;
}

/** The route-map page's table of actions, a row of cell texts each. */
function pageRows(body: string): string[][] {
  const table = parsePage(body).querySelector(".wm-progress table")!;
  return [...table.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td,th")].map(textOf));
}

/** A CSV row as the page writes it: action, who must act, due, and how it is going. */
function asPageRow(r: Row): string[] {
  const named = (names: string, sector = false) =>
    names
      .split("; ")
      .filter(Boolean)
      .map((n) => (sector ? `${n} (sector)` : n));
  const leads = [...named(r.lead_organisations), ...named(r.lead_sectors, true)];
  const partners = [...named(r.partner_organisations), ...named(r.partner_sectors, true)];
  const who = [
    leads.length ? `${leads.length === 1 ? "Lead" : "Leads"}: ${leads.join(", ")}.` : "",
    partners.length ? `${partners.length === 1 ? "Partner" : "Partners"}: ${partners.join(", ")}.` : "",
  ]
    .filter(Boolean)
    .join(" ");
  const due = r.due_date
    ? new Date(`${r.due_date}T12:00:00Z`).toLocaleDateString("en-GB", {
        day: "numeric",
        month: "long",
        year: "numeric",
      })
    : r.due_year
      ? `By the end of ${r.due_year}`
      : "Not set";
  const status = r.status ? `${r.status} ${r.percent ? `${r.percent}%` : ""}`.trim() : "Not reported yet";
  return [r.action, who || "Nobody named yet", due, status];
}

describe("the public data of accountability on the demo", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;

  beforeAll(async () => {
    handle = await createTestDatabase("demo");
    app = await testApp(handle.db);
  });

  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it("a route map's CSV has the same actions, who, when and how as its page's table", async () => {
    const page = await getPage(app, undefined, "/themes/leadership");
    const csv = await getPage(app, undefined, "/themes/leadership/actions.csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.headers["content-disposition"]).toContain('filename="leadership-actions.csv"');
    const rows = readCsv(csv.body);
    expect(Object.keys(rows[0]!)).toEqual([...ACTION_HEADINGS]);
    expect(rows.length).toBe(10);
    expect(rows.some((r) => r.status !== "")).toBe(true);
    expect(rows.map(asPageRow)).toEqual(
      pageRows(page.body).map((cells) => cells.map((c) => c.replace(/\s*Overdue$/, "").replace(/\s+/g, " "))),
    );
    expect(rows.map((r) => Number(r.action_number))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Linked beside the table.
    const links = [...parsePage(page.body).querySelectorAll(".wm-progress a[download]")].map((a) =>
      a.getAttribute("href"),
    );
    expect(links).toEqual(["/themes/leadership/actions.csv", "/themes/leadership/actions.xlsx"]);
  });

  it("the spreadsheet holds the same rows as the CSV, and every route map's file holds them too", async () => {
    const csv = readCsv((await getPage(app, undefined, "/themes/leadership/actions.csv")).body);
    const xlsx = await getPage(app, undefined, "/themes/leadership/actions.xlsx");
    expect(xlsx.statusCode).toBe(200);
    const sheet = await readXlsx(xlsx.rawPayload);
    expect(sheet[0]).toEqual([...ACTION_HEADINGS]);
    expect(sheet.slice(1)).toEqual(csv.map((r) => ACTION_HEADINGS.map((h) => r[h])));
    const all = readCsv((await getPage(app, undefined, "/route-maps/actions.csv")).body);
    expect(all.filter((r) => r.route_map === "Leadership")).toEqual(csv);
  });

  it("an organisation's CSV lists the actions its page lists, with the same last update", async () => {
    const page = parsePage((await getPage(app, undefined, "/organisations/scottish-government")).body);
    const listed = [...page.querySelectorAll("table tbody tr")].map((tr) => {
      const cells = [...tr.querySelectorAll("td,th")].map(textOf);
      return [cells[0], cells[5]];
    });
    const rows = readCsv(
      (await getPage(app, undefined, "/organisations/scottish-government/actions.csv")).body,
    );
    const inWords = (iso: string) =>
      iso
        ? new Date(`${iso}T12:00:00Z`).toLocaleDateString("en-GB", {
            day: "numeric",
            month: "long",
            year: "numeric",
          })
        : "Never";
    expect(rows.map((r) => [r.action, inWords(r.last_update)]).sort()).toEqual(listed.sort());
    expect(page.querySelector('a[href="/organisations/scottish-government/actions.csv"]')).not.toBeNull();
  });

  it("a sector's CSV has every action its page lists", async () => {
    const sectors = parsePage((await getPage(app, undefined, "/sectors")).body);
    const href = [...sectors.querySelectorAll("tbody tr")]
      .find((tr) => textOf(tr.querySelector("td")) !== "0")!
      .querySelector("a")!
      .getAttribute("href")!;
    const page = parsePage((await getPage(app, undefined, href)).body);
    const listed = [...page.querySelectorAll("ol.wm-actions > li")].length;
    const rows = readCsv((await getPage(app, undefined, `${href}/actions.csv`)).body);
    expect(listed).toBeGreaterThan(0);
    expect(rows.length).toBe(listed);
    expect(page.querySelector(`a[href="${href}/actions.xlsx"]`)).not.toBeNull();
  });

  it("the API gives the same rows, a page at a time, and refuses a bad as_at naming it", async () => {
    const csv = readCsv((await getPage(app, undefined, "/themes/leadership/actions.csv")).body);
    const response = await app.inject({ url: "/api/v1/actions?theme=leadership" });
    expect(response.statusCode).toBe(200);
    const body = response.json() as {
      actions: Array<{ key: string; text: string; lastUpdate: string | null; percent: number | null }>;
      total: number;
      pageCount: number;
    };
    expect([body.total, body.pageCount]).toEqual([10, 1]);
    expect(
      body.actions.map((a) => [
        a.key,
        a.text,
        a.lastUpdate ?? "",
        a.percent === null ? "" : String(a.percent),
      ]),
    ).toEqual(csv.map((r) => [r.action_key, r.action, r.last_update, r.percent]));
    const all = (await app.inject({ url: "/api/v1/actions" })).json() as { total: number };
    expect(all.total).toBe(readCsv((await getPage(app, undefined, "/route-maps/actions.csv")).body).length);
    for (const url of ["/api/v1/actions?as_at=2025-02-30", "/api/v1/actions?as_at=soon"]) {
      const refused = await app.inject({ url });
      expect(refused.statusCode).toBe(400);
      expect(Object.keys((refused.json() as { error: { fields: object } }).error.fields)).toEqual(["as_at"]);
    }
    expect((await app.inject({ url: "/api/v1/actions?theme=leadership&sector=x" })).statusCode).toBe(400);
  });

  it("unknown route maps, sectors and organisations are not found; a bad as_at is a 400 naming it", async () => {
    for (const url of [
      "/themes/nowhere/actions.csv",
      "/sectors/nowhere/actions.xlsx",
      "/organisations/nowhere/actions.csv",
    ])
      expect((await getPage(app, undefined, url)).statusCode).toBe(404);
    for (const url of ["/themes/leadership?as_at=2025-02-30", "/route-maps/actions.csv?as_at=yesterday"]) {
      const response = await getPage(app, undefined, url);
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain("as_at");
    }
  });
});

describe("progress as it stood", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let f: Awaited<ReturnType<typeof makeAccountability>>;

  /** Gives the first action an update from the first organisation, then dates its submission. */
  async function submitOn(db: Db, status: string, version: number, day: string, narrative: string) {
    const saved = await db
      .transaction()
      .execute((trx) =>
        saveUpdate(
          trx,
          f.editor,
          updateForm(f, f.first.slug, f.actionKeys[0], version, { intent: "submit", status, narrative }),
        ),
      );
    await db
      .updateTable("progress_update")
      .set({ submitted_at: new Date(`${day}T10:00:00Z`) })
      .where("id", "=", saved.id)
      .execute();
  }

  beforeAll(async () => {
    handle = await createTestDatabase();
    const { db } = handle;
    f = await makeAccountability(db);
    // The fixture's edition is of 1 December 2025; a later one replaced it on 1 June 2026.
    const actions = await db
      .selectFrom("edition_item")
      .select(["key", "text"])
      .where("edition_id", "=", f.editionId)
      .where("section", "=", "action")
      .orderBy("position")
      .execute();
    await createEdition(db, {
      themeId: f.themeId,
      lastUpdated: "2026-06-01",
      label: "June 2026",
      outcomes: [{ text: "Leadership is values-based.", key: f.outcomeKey }],
      actions: actions.map((a) => ({ key: a.key, text: a.text })),
    });
    await submitOn(db, "in_progress", 0, "2026-03-01", "Started in March.");
    await submitOn(db, "complete", 1, "2026-09-01", "Finished in September.");
    app = await testApp(db);
  });

  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  const firstRowStatus = async (url: string) => {
    const response = await getPage(app, undefined, url);
    expect(response.statusCode).toBe(200);
    return { page: parsePage(response.body), status: pageRows(response.body)[0]![3] };
  };

  it("the route map's page shows today's progress, and as at a day when asked", async () => {
    expect((await firstRowStatus(`/themes/${f.themeSlug}`)).status).toMatch(/^Complete 100%/);
    const { page, status } = await firstRowStatus(`/themes/${f.themeSlug}?as_at=2026-06-30`);
    expect(status).toMatch(/^In progress 25%/);
    expect(textOf(page.querySelector("#progress-heading"))).toBe("How it was going as at 30 June 2026");
    expect([...page.querySelectorAll(".wm-progress a[download]")].map((a) => a.getAttribute("href"))).toEqual(
      [
        `/themes/${f.themeSlug}/actions.csv?as_at=2026-06-30`,
        `/themes/${f.themeSlug}/actions.xlsx?as_at=2026-06-30`,
      ],
    );
    // Before anything was submitted, nobody had reported.
    expect((await firstRowStatus(`/themes/${f.themeSlug}?as_at=2026-02-28`)).status).toMatch(
      /^Not reported yet/,
    );
  });

  it("the CSV as at a day has the update of that day's end", async () => {
    const csv = (url: string) => getPage(app, undefined, url).then((r) => readCsv(r.body));
    const now = await csv(`/themes/${f.themeSlug}/actions.csv`);
    expect([now[0]!.status, now[0]!.percent, now[0]!.last_update]).toEqual(["Complete", "100", "2026-09-01"]);
    const then = await csv(`/themes/${f.themeSlug}/actions.csv?as_at=2026-03-01`);
    expect([then[0]!.status, then[0]!.last_update, then[0]!.progress_as_at]).toEqual([
      "In progress",
      "2026-03-01",
      "2026-03-01",
    ]);
    expect(then[0]!.edition).toBe("June 2026");
  });

  it("an earlier edition's page shows progress as it stood when the next edition was published", async () => {
    const { page, status } = await firstRowStatus(`/themes/${f.themeSlug}/editions/${f.editionId}`);
    expect(textOf(page.querySelector("#progress-heading"))).toBe("How it was going as at 1 June 2026");
    expect(status).toMatch(/^In progress 25%/);
    const csvHref = page.querySelector(".wm-progress a[download]")!.getAttribute("href")!;
    expect(csvHref).toBe(`/themes/${f.themeSlug}/actions.csv?edition=${f.editionId}`);
    const rows = readCsv((await getPage(app, undefined, csvHref)).body);
    expect([rows[0]!.edition, rows[0]!.status, rows[0]!.progress_as_at]).toEqual([
      "Edition of 2025-12-01",
      "In progress",
      "2026-06-01",
    ]);
    expect((await getPage(app, undefined, `/themes/${f.themeSlug}/actions.csv?edition=x`)).statusCode).toBe(
      400,
    );
    expect(
      (await getPage(app, undefined, `/themes/leadership/actions.csv?edition=${f.editionId}`)).statusCode,
    ).toBe(404);
  });
});
