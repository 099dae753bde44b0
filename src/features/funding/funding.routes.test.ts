import { parse } from "csv-parse/sync";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { getPage, postForm, type Session, signIn, testApp } from "../../../test/support/http.ts";
import { checkAnswer, type OpenApiDocument, strictAjv } from "../../../test/support/openapi-check.ts";
import type { DatabaseHandle } from "../../platform/database.ts";

// The funding pages on the demo data (the Whole Family Wellbeing Fund): what the public read and
// download, and the editors' forms (errors named, stale forms refused with the input kept).

const FUND = "/funds/whole-family-wellbeing-fund";

let handle: DatabaseHandle;
let app: FastifyInstance;
let editor: Session;

beforeAll(async () => {
  handle = await createTestDatabase("demo");
  app = await testApp(handle.db);
  editor = await signIn(app, handle.db, "programme_editor");
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

const csv = (body: string) => parse(body, { columns: true, bom: true }) as Array<Record<string, string>>;

describe("where the money goes, for the public", () => {
  it("links the funds from the home page and lists the fund with how much is given out", async () => {
    expect((await getPage(app, undefined, "/")).body).toContain('href="/funds"');
    const list = await getPage(app, undefined, "/funds");
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="${FUND}"`);
    expect(list.body).toContain("£500 million");
    // £1.2m + £1.2m + £4.5m + £4.8m + £850,000 published; the £2m draft is not counted.
    expect(list.body).toContain("£12.6 million (3%)");
  });

  it("shows the fund's years as a chart with a table, by council area, and one year or several", async () => {
    const page = await getPage(app, undefined, FUND);
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toBe("public, max-age=60");
    expect(page.body).toMatch(/<svg[^>]*class="wm-chart__svg"/);
    expect(page.body).toMatch(/aria-labelledby="chart-years-title chart-years-desc"/);
    expect(page.body).toContain("2022-23");
    expect(page.body).toContain("April 2022 to March 2023");
    expect(page.body).toContain("£46.3 million");
    expect(page.body).toContain("Underspent");
    expect(page.body).toContain("Money given to each council area");
    expect(page.body).toContain("Glasgow City");
    expect(page.body).toContain("Single-year and multi-year awards");
    expect(page.body).not.toContain("Still being agreed");
    expect(page.body).not.toContain("Dundee City");
    expect(page.body).toContain('href="/themes/leadership/actions/');
  });

  it("gives the years and the published awards as CSV, to the penny", async () => {
    const years = await getPage(app, undefined, `${FUND}/years.csv`);
    expect(years.headers["content-type"]).toBe("text/csv; charset=utf-8");
    const yearRows = csv(years.body);
    expect(yearRows.map((r) => r["financial year"])).toEqual(["2022-23", "2023-24", "2024-25", "2025-26"]);
    expect(yearRows[0]).toMatchObject({
      "planned pence": "5000000000",
      "planned pounds": "50000000",
      "actual pence": "4630000000",
      status: "underspent",
      "allocated pence": "570000000",
    });
    const total = yearRows.reduce((sum, r) => sum + Number(r["planned pence"]), 0);
    expect(total).toBe(50_000_000_000);

    const awards = csv((await getPage(app, undefined, `${FUND}/allocations.csv`)).body);
    expect(awards).toHaveLength(5);
    expect(
      awards.find((r) => r.recipient === "Glasgow City" && r["financial year"] === "2022-23"),
    ).toMatchObject({
      "recipient type": "council area",
      "area code": "S12000049",
      "actual pence": "425000050",
      "actual pounds": "4250000.50",
      "award years": "1",
    });
    expect(awards.some((r) => r.recipient === "Dundee City")).toBe(false);
  });

  it("gives the same figures in the API, exact pence beside the words, as documented", async () => {
    const doc: OpenApiDocument = (await app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    const list = await app.inject({ method: "GET", url: "/api/v1/funds" });
    expect(checkAnswer(doc, strictAjv(), "/api/v1/funds", 200, list.json(), "get")).toBe("");
    expect(list.json().funds[0]).toMatchObject({
      slug: "whole-family-wellbeing-fund",
      url: "/api/v1/funds/whole-family-wellbeing-fund",
      commitment: { pence: 50_000_000_000, display: "£500 million" },
      allocated: { pence: 1_255_000_000, display: "£12.6 million" },
    });
    const one = await app.inject({ method: "GET", url: "/api/v1/funds/whole-family-wellbeing-fund" });
    const json = one.json();
    expect(checkAnswer(doc, strictAjv(), "/api/v1/funds/{slug}", 200, json, "get")).toBe("");
    expect(json.years[0]).toMatchObject({
      year: "2022-23",
      planned: { pence: 5_000_000_000, display: "£50 million" },
    });
    expect(json.allocations).toHaveLength(5);
    expect(JSON.stringify(json)).not.toContain("Still being agreed");
    expect((await app.inject({ method: "GET", url: "/api/v1/funds/no-such-fund" })).statusCode).toBe(404);
  });

  it("does not find a fund that is not there", async () => {
    expect((await getPage(app, undefined, "/funds/no-such-fund")).statusCode).toBe(404);
    expect((await getPage(app, undefined, "/funds/no-such-fund/years.csv")).statusCode).toBe(404);
  });
});

describe("keeping funds, for the editors", () => {
  it("sends the public to sign in and refuses readers", async () => {
    const publicAnswer = await getPage(app, undefined, "/manage/funds");
    expect(publicAnswer.statusCode).toBe(303);
    const reader = await signIn(app, handle.db, "reader");
    expect((await getPage(app, reader, "/manage/funds")).statusCode).toBe(403);
  });

  it("adds a draft fund the public cannot see, then publishes it", async () => {
    const refused = await postForm(app, editor, "/manage/funds", {
      name: "Test fund",
      commitment: "£1.2.3m",
      firstYear: "2024-25",
      lastYear: "2024-26",
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("Enter an amount in pounds");
    expect(refused.body).toContain("A financial year runs from April to the next March");
    expect(refused.body).toContain('value="£1.2.3m"');

    const created = await postForm(app, editor, "/manage/funds", {
      name: "Test fund",
      commitment: "£2m",
      firstYear: "2024-25",
      lastYear: "2025-26",
    });
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe("/manage/funds/test-fund?saved=created");
    expect((await getPage(app, undefined, "/funds/test-fund")).statusCode).toBe(404);
    const editPage = await getPage(app, editor, "/manage/funds/test-fund");
    expect(editPage.statusCode).toBe(200);
    const version = /name="version" value="(\d+)"/.exec(editPage.body)?.[1] ?? "";

    const fields = {
      name: "Test fund",
      commitment: "£2,000,000",
      firstYear: "2024-25",
      lastYear: "2025-26",
      published: "yes",
    };
    expect((await postForm(app, editor, "/manage/funds/test-fund", { ...fields, version })).statusCode).toBe(
      303,
    );
    const stale = await postForm(app, editor, "/manage/funds/test-fund", {
      ...fields,
      name: "Stale name",
      version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('value="Stale name"');
    expect((await getPage(app, undefined, "/funds/test-fund")).statusCode).toBe(200);
  });

  it("adds years and awards, names a year outside the fund's, and keeps a draft award private", async () => {
    const outside = await postForm(app, editor, "/manage/funds/test-fund/years", {
      year: "2030-31",
      planned: "£1m",
      status: "committed",
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.body).toContain("Choose a year the fund covers: 2024-25 to 2025-26");
    const year = await postForm(app, editor, "/manage/funds/test-fund/years", {
      year: "2024-25",
      planned: "£1m",
      status: "committed",
    });
    expect(year.statusCode).toBe(303);
    const award = await postForm(app, editor, "/manage/funds/test-fund/allocations", {
      recipient: "area:S12000047",
      year: "2024-25",
      planned: "£350,000.50",
      awardYears: "1",
      purpose: "A private draft award",
    });
    expect(award.statusCode).toBe(303);
    const editPage = await getPage(app, editor, "/manage/funds/test-fund");
    expect(editPage.body).toContain("£350,000.50");
    const allocation = /href="\/manage\/funds\/test-fund\/allocations\/(\d+)"/.exec(editPage.body)?.[1];
    expect((await getPage(app, editor, `/manage/funds/test-fund/allocations/${allocation}`)).statusCode).toBe(
      200,
    );
    const yearId = /href="\/manage\/funds\/test-fund\/years\/(\d+)"/.exec(editPage.body)?.[1];
    expect((await getPage(app, editor, `/manage/funds/test-fund/years/${yearId}`)).statusCode).toBe(200);
    const publicPage = await getPage(app, undefined, "/funds/test-fund");
    expect(publicPage.body).not.toContain("A private draft award");
    expect(csv((await getPage(app, undefined, "/funds/test-fund/allocations.csv")).body)).toHaveLength(0);
  });
});
