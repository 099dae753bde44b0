import { parse } from "csv-parse/sync";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { getPage, testApp } from "../../../test/support/http.ts";
import { parsePage, textOf } from "../../../test/support/page-checks.ts";
import type { DatabaseHandle } from "../../platform/database.ts";
import { PROGRESS_HEADINGS } from "./progress-data.routes.ts";

// The roll-up tables' CSV files hold the same figures as the tables beside which they are linked.

type Row = Record<string, string>;

/** A CSV row as the page's table says it: "On track 40% done, across 10 actions." */
function inWords(r: Row): string {
  if (r.percent === "") return "No actions yet Nothing to measure yet.";
  const n = Number(r.actions_counted);
  return `${r.status} ${r.percent}% done, across ${n} ${n === 1 ? "action" : "actions"}.`;
}

function tableOf(body: string): string[][] {
  const table = parsePage(body).querySelector(".wm-progress table")!;
  return [...table.querySelectorAll("tbody tr")].map((tr) =>
    [...tr.querySelectorAll("th,td")].map((c) => textOf(c).replace(/\s+/g, " ")),
  );
}

describe("the roll-up tables as CSV, on the demo", () => {
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

  const csv = async (url: string): Promise<Row[]> => {
    const response = await getPage(app, undefined, url);
    expect(response.statusCode).toBe(200);
    expect(response.body.startsWith("\uFEFF")).toBe(true);
    const rows = parse(response.body, { bom: true, columns: true }) as Row[];
    expect(Object.keys(rows[0]!)).toEqual(PROGRESS_HEADINGS);
    return rows;
  };

  it("the home page's progress by foundation has the CSV's numbers, and links to it", async () => {
    const page = await getPage(app, undefined, "/");
    const rows = await csv("/route-maps/progress.csv");
    const foundations = rows.filter((r) => r.level === "foundation");
    expect(tableOf(page.body)).toEqual(foundations.map((r) => [r.foundation, inWords(r)]));
    expect(rows.filter((r) => r.level === "programme")).toHaveLength(1);
    expect(
      rows.some((r) => r.level === "route_map" && r.route_map === "Leadership" && r.percent !== ""),
    ).toBe(true);
    expect(
      parsePage(page.body).querySelector('.wm-progress a[href="/route-maps/progress.csv"]'),
    ).not.toBeNull();
    expect(
      parsePage(page.body).querySelector('.wm-progress a[href="/route-maps/actions.xlsx"]'),
    ).not.toBeNull();
  });

  it("a foundation's progress by route map has its CSV's numbers", async () => {
    const page = await getPage(app, undefined, "/foundations/people");
    const rows = await csv("/foundations/people/progress.csv");
    expect(tableOf(page.body)).toEqual(
      rows.filter((r) => r.level === "route_map").map((r) => [r.route_map, inWords(r)]),
    );
    expect(rows.filter((r) => r.level === "foundation").map((r) => r.foundation)).toEqual(["People"]);
    expect((await getPage(app, undefined, "/foundations/nowhere/progress.csv")).statusCode).toBe(404);
  });
});
