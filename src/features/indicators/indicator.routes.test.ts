import type { FastifyInstance } from "fastify";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { getPage, signIn, testApp } from "../../../test/support/http.ts";
import type { Actor } from "../../platform/actor.ts";
import type { DatabaseHandle, Db } from "../../platform/database.ts";
import { actorWithRole, createTestIndicator, csv } from "./indicator.test-support.ts";
import { confirmUpload, previewUpload } from "./upload.service.ts";

let handle: DatabaseHandle;
let db: Db;
let app: FastifyInstance;
let analyst: Actor;
let slug: string;
let unpublished: string;

async function load(indicatorSlug: string, ...lines: string[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const p = await previewUpload(trx, analyst, { indicatorSlug, fileName: "t.csv", data: csv(...lines) });
    if (!p.ok) throw new Error(JSON.stringify(p.errors));
    await confirmUpload(trx, analyst, { indicatorSlug, pendingId: p.pendingId });
  });
}

beforeAll(async () => {
  handle = await createTestDatabase("empty");
  db = handle.db;
  app = await testApp(db);
  analyst = await actorWithRole(db, "analyst");
  const ind = await createTestIndicator(db, analyst, {
    title: "Children looked after",
    published: true,
    baselinePeriod: "2018",
    suppressBelow: 5,
    story: "Fewer children are looked after than in 2018.",
  });
  slug = ind.slug;
  await load(
    slug,
    "period,geography,value,flag",
    "2018,S92000003,14738,",
    "2022,S92000003,12596,",
    "2023,S92000003,12206,",
    "2023,S12000036,1011,",
    "2023,S12000023,3,",
    "2023,S12000027,,suppressed",
    "2023,S12000033,4321,",
  );
  unpublished = (await createTestIndicator(db, analyst, { published: false })).slug;
}, 60_000);
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

function doc(body: string) {
  return parseHTML(body).document;
}

function numbers(cells: Iterable<Element>): string[] {
  return Array.from(cells, (c) => c.textContent?.trim() ?? "");
}

describe("the indicator page", () => {
  it("draws the line as an SVG image with a title and description, and tables exactly the charted numbers", async () => {
    const response = await getPage(app, undefined, `/indicators/${slug}`);
    expect(response.statusCode).toBe(200);
    const page = doc(response.body);
    const svg = page.querySelector("#over-time ~ figure svg, section[aria-labelledby='over-time'] svg")!;
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.querySelector("title")?.textContent).toContain("Children looked after, Scotland, over time");
    expect(svg.querySelector("desc")?.textContent).toContain("3 values from 2018 (14,738) to 2023 (12,206)");
    expect(svg.getAttribute("aria-labelledby")).toBe("chart-over-time-title chart-over-time-desc");
    expect(svg.querySelector("style")).toBeNull();
    // Every data mark is hidden from assistive technology: the table carries the numbers.
    const marks = Array.from(svg.querySelectorAll("circle"));
    expect(marks).toHaveLength(3);
    expect(marks.every((m) => m.closest("[aria-hidden='true']"))).toBe(true);
    const table = page.querySelector("section[aria-labelledby='over-time'] table")!;
    expect(numbers(table.querySelectorAll("tbody th"))).toEqual(["2018", "2022", "2023"]);
    expect(numbers(table.querySelectorAll("tbody td:first-of-type"))).toEqual(["14,738", "12,596", "12,206"]);
  });

  it("shows council areas as bars for the latest period, with the small numbers hidden from the public", async () => {
    const response = await getPage(app, undefined, `/indicators/${slug}`);
    const page = doc(response.body);
    const section = page.querySelector("section[aria-labelledby='by-area']")!;
    expect(section.querySelector("svg title")?.textContent).toContain("by council area, 2023");
    expect(section.querySelectorAll("svg rect")).toHaveLength(2);
    const rows = Array.from(section.querySelectorAll("tbody tr"), (tr) =>
      Array.from(tr.children, (c) => c.textContent?.trim()),
    );
    expect(rows).toEqual([
      ["Aberdeen City", "4,321", ""],
      ["City of Edinburgh", "1,011", ""],
      ["Orkney Islands", "[c]", "Hidden to protect privacy"],
      ["Shetland Islands", "[c]", "Hidden to protect privacy"],
    ]);
    expect(response.body).not.toMatch(/>\s*3\s*</);
  });

  it("shows the progress status with its method, and the story", async () => {
    const response = await getPage(app, undefined, `/indicators/${slug}`);
    expect(response.body).toContain("Substantial progress");
    expect(response.body).toContain("How we work out progress");
    expect(response.body).toContain("Fewer children are looked after than in 2018.");
  });

  it("filters by area with a plain GET form", async () => {
    const page = doc((await getPage(app, undefined, `/indicators/${slug}`)).body);
    const form = page.querySelector("form.wm-filters")!;
    expect(form.getAttribute("method")).toBe("get");
    const edinburgh = await getPage(app, undefined, `/indicators/${slug}?geography=S12000036`);
    expect(edinburgh.statusCode).toBe(200);
    expect(edinburgh.body).toContain("Over time: City of Edinburgh");
    const bad = await getPage(app, undefined, `/indicators/${slug}?geography=S12999999`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Choose an area from the list.");
  });

  it("an analyst sees the hidden numbers; the public's CSV never has them", async () => {
    const session = await signIn(app, db, "analyst");
    const analystCsv = await getPage(app, session, `/indicators/${slug}/data.csv`);
    expect(analystCsv.body).toContain("2023,S12000023,Orkney Islands,3,");
    const publicCsv = await getPage(app, undefined, `/indicators/${slug}/data.csv`);
    expect(publicCsv.headers["content-type"]).toContain("text/csv");
    expect(publicCsv.body).toContain("2023,S12000023,Orkney Islands,,suppressed");
    expect(publicCsv.body).toContain("2023,S12000027,Shetland Islands,,suppressed");
    expect(publicCsv.body.split("\r\n")[0]).toBe("\uFEFFperiod,geography,geography name,value,flag");
  });

  it("an unpublished indicator is not found by the public, and readable by an analyst", async () => {
    expect((await getPage(app, undefined, `/indicators/${unpublished}`)).statusCode).toBe(404);
    expect((await getPage(app, undefined, `/indicators/${unpublished}/data.csv`)).statusCode).toBe(404);
    const overview = await getPage(app, undefined, "/indicators");
    expect(overview.body).toContain("Children looked after");
    expect(overview.body).not.toContain(unpublished);
    const session = await signIn(app, db, "analyst");
    expect((await getPage(app, session, `/indicators/${unpublished}`)).statusCode).toBe(200);
  });
});

describe("a council area compared with Scotland", () => {
  it("sets the area's latest figure beside Scotland's for the same period", async () => {
    const response = await getPage(app, undefined, "/indicators/council-areas?area=S12000036");
    expect(response.statusCode).toBe(200);
    const row = Array.from(doc(response.body).querySelectorAll("tbody tr")).find((tr) =>
      tr.textContent?.includes("Children looked after"),
    )!;
    expect(Array.from(row.children, (c) => c.textContent?.trim())).toEqual([
      "Children looked after",
      "2023",
      "1,011 children",
      "12,206 children",
    ]);
    const orkney = await getPage(app, undefined, "/indicators/council-areas?area=S12000023");
    expect(orkney.body).toContain("[c]");
    expect((await getPage(app, undefined, "/indicators/council-areas?area=S92000003")).statusCode).toBe(400);
  });
});
